// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/matrix_view.h"

#include <algorithm>

#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "analysis/coding_facts.h"
#include "core/change_set.h"
#include "core/error.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

const char* const kRowAxes[] = {"comb", "level", "codes", "themes", "cases"};
const char* const kColAxes[] = {"level", "valence", "comb", "cases", "codes"};
const char* const kCounts[] = {"segments", "cases"};

wxArrayString words(const char* const* items, std::size_t n) {
    wxArrayString out;
    for (std::size_t i = 0; i < n; ++i) out.Add(items[i]);
    return out;
}

}  // namespace

MatrixView::MatrixView(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("matrix");
    rows_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kRowAxes, 5));
    cols_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kColAxes, 5));
    count_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kCounts, 2));
    rows_->SetSelection(0);
    cols_->SetSelection(0);
    count_->SetSelection(0);
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, 0);
    grid_->EnableEditing(false);
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, "Rows:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    bar->Add(rows_);
    bar->Add(new wxStaticText(this, wxID_ANY, "Columns:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    bar->Add(cols_);
    bar->Add(new wxStaticText(this, wxID_ANY, "Count:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    bar->Add(count_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxALL, FromDIP(4));
    sizer->Add(grid_, 1, wxEXPAND);
    SetSizer(sizer);
    for (auto* c : {rows_, cols_, count_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recount(); });
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, &MatrixView::on_cell, this);
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged&) { recount(); });
        }
        recount();
    });
}

analysis::MatrixSpec MatrixView::spec() const {
    analysis::MatrixSpec s;
    s.rows = analysis::Axis::parse(from_wx(rows_->GetStringSelection()), "rows");
    s.cols = analysis::Axis::parse(from_wx(cols_->GetStringSelection()), "cols");
    s.count = count_->GetSelection() == 1 ? analysis::CountUnit::cases : analysis::CountUnit::segments;
    return s;
}

void MatrixView::set_axes(const std::string& rows, const std::string& cols) {
    rows_->SetStringSelection(to_wx(rows));
    cols_->SetStringSelection(to_wx(cols));
    recount();
}

void MatrixView::recount() {
    matrix_ = {};
    if (wb_.is_open()) {
        try {
            matrix_ = analysis::count_matrix(analysis::CodingFacts::from(wb_.repo()), spec());
        } catch (const core::Error& e) {
            wb_.report_error(e.what());
        }
    }
    grid_->Freeze();
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    if (grid_->GetNumberCols() > 0) grid_->DeleteCols(0, grid_->GetNumberCols());
    const int nr = static_cast<int>(matrix_.rows.size()), nc = static_cast<int>(matrix_.cols.size());
    grid_->AppendRows(nr);
    grid_->AppendCols(nc);
    std::int64_t max = 1;
    for (const auto& row : matrix_.cells) for (const auto v : row) max = std::max(max, v);
    for (int r = 0; r < nr; ++r) grid_->SetRowLabelValue(r, to_wx(matrix_.rows[static_cast<std::size_t>(r)]));
    for (int c = 0; c < nc; ++c) grid_->SetColLabelValue(c, to_wx(matrix_.cols[static_cast<std::size_t>(c)]));
    for (int r = 0; r < nr; ++r) {
        for (int c = 0; c < nc; ++c) {
            const auto v = matrix_.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            grid_->SetCellValue(r, c, wxString::Format("%lld", static_cast<long long>(v)));
            // White to a warm orange by share of the largest cell.
            const double t = static_cast<double>(v) / static_cast<double>(max);
            const auto mix = [t](int from, int to) { return static_cast<unsigned char>(from + (to - from) * t); };
            grid_->SetCellBackgroundColour(r, c, wxColour(mix(255, 237), mix(255, 137), mix(255, 54)));
            grid_->SetCellTextColour(r, c, t > 0.6 ? *wxWHITE : *wxBLACK);
        }
    }
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid_->AutoSizeColumns(false);
    grid_->Thaw();
}

std::vector<analysis::CellQuote> MatrixView::cell_quotes(int row, int col) const {
    if (!wb_.is_open() || row < 0 || col < 0 || row >= static_cast<int>(matrix_.rows.size()) ||
        col >= static_cast<int>(matrix_.cols.size())) {
        return {};
    }
    const auto facts = analysis::CodingFacts::from(wb_.repo());
    const auto codings = analysis::cell_codings(facts, spec(), matrix_.rows[static_cast<std::size_t>(row)],
                                                matrix_.cols[static_cast<std::size_t>(col)]);
    return analysis::cell_quotes(facts, wb_.repo(), codings);
}

void MatrixView::on_cell(wxGridEvent& event) {
    const auto quotes = cell_quotes(event.GetRow(), event.GetCol());
    if (quotes.empty()) return;
    wxArrayString items;
    for (const auto& q : quotes) {
        items.Add(to_wx("(" + q.case_name.value_or(q.document) + ") " + q.code + ": " + q.text));
    }
    wxSingleChoiceDialog dialog(this, "Quotes in this cell; choose one to show it in its transcript.",
                                to_wx(matrix_.rows[static_cast<std::size_t>(event.GetRow())] + " \u00D7 " +
                                      matrix_.cols[static_cast<std::size_t>(event.GetCol())]),
                                items);
    dialog.SetSize(FromDIP(wxSize(800, 500)));
    if (dialog.ShowModal() != wxID_OK) return;
    const auto& q = quotes[static_cast<std::size_t>(dialog.GetSelection())];
    wb_.show_document(q.doc, q.span);
}

}  // namespace comb::gui
