// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/matrix_quotes_pane.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/result_list.h"
#include "gui/wx_text.h"

namespace comb::gui {

MatrixQuotesPane::MatrixQuotesPane(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("matrix-quotes");
    title_ = new wxStaticText(this, wxID_ANY, "Double-click a cell (or press Enter) for its quotes");
    title_->SetFont(title_->GetFont().Bold());
    list_ = new ResultList(this, {{"Document", 90}, {"Case", 60}, {"Code", 140}, {"Quote", 0}}, false);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title_, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    list_->on_select = [this](std::size_t n) { open(n); };
    list_->on_activate = [this](std::size_t n) { open(n); };
}

void MatrixQuotesPane::show(const std::string& title, std::vector<analysis::CellQuote> quotes) {
    quotes_ = std::move(quotes);
    std::vector<ResultRow> rows;
    for (const auto& q : quotes_) rows.push_back({{q.document, q.case_name.value_or(""), q.code}, q.text, "", false});
    list_->set_rows(std::move(rows));
    const auto n = quotes_.size();
    title_->SetLabel(to_wx(title + ": " + std::to_string(n) + (n == 1 ? " quote" : " quotes")));
    Layout();
}

void MatrixQuotesPane::clear() {
    quotes_.clear();
    list_->set_rows({});
    title_->SetLabel("Double-click a cell (or press Enter) for its quotes");
}

std::string MatrixQuotesPane::title() const { return from_wx(title_->GetLabel()); }

void MatrixQuotesPane::open(std::size_t n) {
    if (n < quotes_.size()) wb_.show_document(quotes_[n].doc, quotes_[n].span);
}

}  // namespace comb::gui
