// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/disagreement_view.h"

#include <algorithm>
#include <map>
#include <set>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/code_paths.h"
#include "core/utf8.h"
#include "gui/list_fit.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

std::string one_line(std::string s, std::int64_t max_chars) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    if (core::utf8::length(s) > max_chars) s = std::string(core::utf8::slice(s, {core::CodePoint(0), core::CodePoint(max_chars - 1)})) + "\u2026";
    return s;
}

}  // namespace

DisagreementView::DisagreementView(wxWindow* parent, Workbench& workbench)
    : wxFrame(parent, wxID_ANY, "Disagreements", wxDefaultPosition, parent->FromDIP(wxSize(900, 420)),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT),
      wb_(workbench) {
    SetName("disagreements");
    auto* panel = new wxPanel(this);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    a_ = new wxChoice(panel, wxID_ANY);
    b_ = new wxChoice(panel, wxID_ANY);
    top->Add(new wxStaticText(panel, wxID_ANY, "Coder &A:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    top->Add(a_, 0, wxRIGHT, FromDIP(12));
    top->Add(new wxStaticText(panel, wxID_ANY, "Coder &B:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    top->Add(b_, 0, wxRIGHT, FromDIP(12));
    summary_ = new wxStaticText(panel, wxID_ANY, "");
    top->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
    list_ = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("disagreement-list");
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit_columns(); });
    });
    list_->AppendColumn("Code", wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn("Document", wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn("Span", wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn("A only", wxLIST_FORMAT_LEFT, FromDIP(260));
    list_->AppendColumn("B only", wxLIST_FORMAT_LEFT, FromDIP(260));
    list_->AppendColumn("In context", wxLIST_FORMAT_LEFT, FromDIP(420));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto add = [&](const wxString& label, const wxString& tip, auto handler) {
        auto* b = new wxButton(panel, wxID_ANY, label);
        b->SetToolTip(tip);
        b->Bind(wxEVT_BUTTON, handler);
        buttons->Add(b, 0, wxRIGHT, FromDIP(6));
    };
    add("&Show in transcript", "Select the passage in the transcript", [this](wxCommandEvent&) {
        if (const long i = selected(); i >= 0) show_row(static_cast<std::size_t>(i));
    });
    add("&Keep", "The passage stays coded: the other coder gets the same coding", [this](wxCommandEvent&) { on_resolve(core::Resolution::keep); });
    add("&Drop", "Remove the passage from the lone coder's coding", [this](wxCommandEvent&) { on_resolve(core::Resolution::drop); });
    add("Both &agree", "Leave the codings as they are; record that the team agrees", [this](wxCommandEvent&) { on_resolve(core::Resolution::agree); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(buttons, 0, wxALL, FromDIP(8));
    panel->SetSizer(sizer);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { show_row(static_cast<std::size_t>(e.GetIndex())); });
    auto on_choice = [this](wxCommandEvent&) {
        if (a_->GetSelection() >= 0 && b_->GetSelection() >= 0) set_coders(from_wx(a_->GetStringSelection()), from_wx(b_->GetStringSelection()));
    };
    a_->Bind(wxEVT_CHOICE, on_choice);
    b_->Bind(wxEVT_CHOICE, on_choice);
    if (wb_.is_open()) changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged&) { reload(); });
    // Another project (or none): this list belonged to the old one.
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        Close(true);
    });
    fill_coders();
}

void DisagreementView::fill_coders() {
    std::set<std::string> names;
    if (wb_.is_open()) for (const auto& c : wb_.repo().codings()) names.insert(c.coder);
    a_->Clear();
    b_->Clear();
    for (const auto& n : names) {
        a_->Append(to_wx(n));
        b_->Append(to_wx(n));
    }
    if (names.size() >= 2) {
        a_->SetSelection(0);
        b_->SetSelection(1);
        set_coders(*names.begin(), *std::next(names.begin()));
    } else {
        summary_->SetLabel("Two coders are needed (the project has " + std::to_string(names.size()) + ")");
    }
}

void DisagreementView::set_coders(const std::string& a, const std::string& b) {
    coders_ = {a, b};
    a_->SetStringSelection(to_wx(a));
    b_->SetStringSelection(to_wx(b));
    for (int col = 3; col <= 4; ++col) {
        wxListItem item;
        item.SetMask(wxLIST_MASK_TEXT);
        item.SetText(to_wx((col == 3 ? a : b) + " only"));
        list_->SetColumn(col, item);
    }
    reload();
}

void DisagreementView::reload() {
    rows_.clear();
    list_->DeleteAllItems();
    if (!wb_.is_open() || coders_.size() != 2 || coders_[0] == coders_[1]) {
        summary_->SetLabel(coders_.size() == 2 ? "Choose two different coders" : summary_->GetLabel());
        return;
    }
    const CoderView view{CoderMode::compare, coders_[0], coders_[1]};
    analysis::AgreementOptions o;
    o.coders = coders_;
    const auto input = analysis::agreement_input(wb_.repo());
    rows_ = analysis::find_disagreements(input, o);
    const core::CodeTree tree(input.documents.empty() ? std::vector<core::Code>{} : wb_.repo().codes());
    std::map<core::DocumentId, const core::Document*> docs;
    for (const auto& d : input.documents) docs[d.id] = &d;
    std::map<core::DocumentId, std::string> texts;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& d = rows_[i];
        const auto& doc = *docs[d.doc];
        if (!texts.count(d.doc)) texts[d.doc] = wb_.repo().text(doc.text_id);
        const std::string quote = one_line(std::string(core::utf8::slice(texts[d.doc], d.span)), 80);
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(tree.path(d.code)));
        list_->SetItem(row, 1, to_wx(doc.name));
        list_->SetItem(row, 2, to_wx(std::to_string(d.span.start.value) + "\u2013" + std::to_string(d.span.end.value)));
        list_->SetItem(row, d.coder == 0 ? 3 : 4, to_wx(quote));
        const auto& text = texts[d.doc];
        const core::Span before{core::CodePoint(std::max<std::int64_t>(0, d.span.start.value - 40)), d.span.start};
        const core::Span after{d.span.end, core::CodePoint(std::min(doc.chars, d.span.end.value + 40))};
        list_->SetItem(row, 5, to_wx(one_line("\u2026" + std::string(core::utf8::slice(text, before)) + "[" +
                                                  std::string(core::utf8::slice(text, d.span)) + "]" +
                                                  std::string(core::utf8::slice(text, after)) + "\u2026", 200)));
        // Each passage in the colour of the coder who coded it alone (as the transcript compares).
        list_->SetItemTextColour(row, wxColour(to_wx(side_colour(d.coder == 0 ? Side::a_only : Side::b_only, view, wb_.coder_palette()))));
    }
    name_columns(view);
    summary_->SetLabel(to_wx(summary()));
}

void DisagreementView::name_columns(const CoderView& view) {
    // "ann only" and "bob only" rather than A and B; every column as wide as its content,
    // the passages up to a third of the window (longer ones end in an ellipsis).
    for (const int c : {3, 4}) {
        wxListItem item;
        item.SetMask(wxLIST_MASK_TEXT);
        item.SetText(to_wx(side_name(c == 3 ? Side::a_only : Side::b_only, view)));
        list_->SetColumn(c, item);
    }
    fit_columns();
}

void DisagreementView::fit_columns() {
    // Every column as wide as its content; the code up to two fifths of the window, each
    // coder's passages up to a quarter (longer ones end in an ellipsis); the context takes
    // what is left.
    const int width = GetClientSize().x;
    const int quarter = std::max(FromDIP(200), width / 4);
    fit_list_columns(*list_, {std::max(FromDIP(200), width * 2 / 5), 0, 0, quarter, quarter, 0});
}

std::string DisagreementView::summary() const {
    if (coders_.size() != 2) return "";
    std::size_t alone[2] = {0, 0};
    for (const auto& d : rows_) ++alone[d.coder];
    return std::to_string(rows_.size()) + " passages: " + std::to_string(alone[0]) + " coded by " + coders_[0] + " only, " +
           std::to_string(alone[1]) + " by " + coders_[1] + " only";
}

long DisagreementView::selected() const { return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

void DisagreementView::show_row(std::size_t i) {
    if (i >= rows_.size()) return;
    wb_.show_document(rows_[i].doc, rows_[i].span);
}

bool DisagreementView::resolve(std::size_t i, core::Resolution decision) {
    if (i >= rows_.size()) return false;
    const auto d = rows_[i];
    return wb_.run(core::ResolveDisagreement({d.doc, d.code, d.span, coders_[d.coder], coders_[1 - d.coder]}, decision,
                                             wb_.coder(), wb_.project().now()));
}

void DisagreementView::on_resolve(core::Resolution decision) {
    const long i = selected();
    if (i < 0) return;
    resolve(static_cast<std::size_t>(i), decision);
}

}  // namespace comb::gui
