// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/search_view.h"

#include "gui/coder_hits.h"

#include <wx/button.h>
#include <map>
#include <set>

#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "gui/result_list.h"
#include "gui/search_filters.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

constexpr const char* kHowToBuild = " \u2014 Tools \u25B8 Rebuild search index";
constexpr std::size_t kLimit = 200;

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The speaker of the turn holding a code point, or empty.
std::string speaker_at(const core::Document& doc, core::CodePoint at) {
    for (const auto& t : doc.turns) {
        if (t.span.start <= at && at < t.span.end) return t.speaker;
    }
    return {};
}

}  // namespace

SearchView::SearchView(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("search");
    query_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    query_->SetName("query");
    query_->SetMinSize(wxSize(FromDIP(260), -1));
    query_->SetDescriptiveText("Search passages: words, \"phrases\", AND/OR/NOT, NEAR, wild*");
    filters_ = new SearchFilters(this, wb_);
    auto* similar = similar_ = new wxButton(this, wxID_ANY, "&Similar to code");
    similar->SetToolTip("Passages like the selected code's codings");
    auto* code = code_ = new wxButton(this, wxID_ANY, "Code &hits");
    code->SetToolTip("Code the selected results (all when none is selected) with the selected code");
    filter_toggle_ = new wxToggleButton(this, wxID_ANY, "&Filters");
    filter_toggle_->SetToolTip("Show or hide the filters (code, theme, case, attribute, COM-B, level, valence, speaker)");
    state_ = new wxStaticText(this, wxID_ANY, "");
    state_->SetName("index-state");
    state_->Hide();
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetName("search-summary");
    list_ = new ResultList(this, {{"Document", 110}, {"Case", 70}, {"Speaker", 90}, {"Passage", 0}}, true);
    list_->SetName("search-results");

    // Query and actions on one row, filters below: the results keep most of a short pane.
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(query_, 1, wxEXPAND | wxRIGHT, FromDIP(4));
    for (wxWindow* w : std::initializer_list<wxWindow*>{static_cast<wxWindow*>(filter_toggle_), similar, code}) bar->Add(w, 0, wxRIGHT, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    sizer->Add(filters_, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(state_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);

    query_->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { search(from_wx(query_->GetValue())); });
    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { search(from_wx(query_->GetValue())); });
    similar->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { similar_to_selected_code(); });
    code->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { code_hits(); });
    filter_toggle_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { show_filters(filter_toggle_->GetValue()); });
    filters_->Hide();
    list_->on_select = [this](std::size_t n) { open_hit(n); };
    list_->on_activate = [this](std::size_t n) { open_hit(n); };
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        index_state_.reset();
        show({});
        show_summary("", false);
        show_state("");
        if (!wb_.is_open()) return;
        index_state_ = wb_.index().changed().subscribe([this](const index::UpkeepChanged& e) { on_index_state(e); });
    });
}

SearchView::~SearchView() = default;

bool SearchView::is_ready() { return wb_.is_open() && wb_.index().index() != nullptr; }

bool SearchView::is_rebuilding() { return wb_.is_open() && wb_.index().state() == index::UpkeepState::rebuilding; }

void SearchView::on_index_state(const index::UpkeepChanged& e) {
    using index::UpkeepState;
    if (e.state != UpkeepState::ready) show({});
    if (e.state == UpkeepState::rebuilding) {
        show_state("Building the search index (" + e.reason + ")\u2026");
    } else if (e.state == UpkeepState::not_built) {
        show_state(std::string("Search index not built") + (e.reason.empty() ? "" : " (" + e.reason + ")") + kHowToBuild);
    } else {
        show_state("");
    }
}

void SearchView::show_state(const std::string& text) {
    state_line_ = text;
    state_->SetLabel(to_wx(text));
    state_->Show(!text.empty());
    for (wxWindow* w : std::initializer_list<wxWindow*>{query_, filters_, similar_, code_, filter_toggle_}) {
        w->Enable(text.empty());
    }
    Layout();
}

std::string SearchView::state_text() const { return state_line_; }

std::size_t SearchView::search(const std::string& query) {
    if (!is_ready()) return 0;
    try {
        index::SearchSpec spec;
        spec.query = query;
        spec.filters = filters_->filters();
        if (!spec.filters.empty() && !filters_->IsShown()) show_filters(true);
        spec.limit = kLimit;
        // Filtered by codes or tags: only through the codings the coder view shows (blind mode).
        show(hits_shown(wb_.index().index()->search(spec), spec.filters, wb_.repo(),
                        [this](const std::string& c) { return wb_.shows_coder(c); }));
    } catch (const core::InputError& e) {
        // A query the parser cannot read: its reason beside the query, not a dialog.
        show({});
        show_summary(e.reason(), true);
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        show({});
    }
    return hits_.size();
}

std::size_t SearchView::similar_to_selected_code() {
    if (!is_ready() || !wb_.selected_code()) return 0;
    try {
        index::SimilarSpec spec;
        spec.code = wb_.code_path(*wb_.selected_code());
        spec.limit = 50;
        if (wb_.coder_view().mode != CoderMode::all) {
            // Blind mode or one coder's view: seed only from the codings shown, so no
            // suggestion comes from a coding the user may not see.
            const core::CodeId code = *wb_.selected_code();
            spec.only.emplace();
            wb_.repo().scan_codings([&](const core::StoredCoding& c) {
                if (c.code == code && wb_.shows_coder(std::string(c.coder))) spec.only->emplace_back(c.document, c.span);
            });
        }
        show(wb_.index().index()->similar(spec));
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        show({});
    }
    return hits_.size();
}

void SearchView::show(std::vector<index::Hit> hits) {
    hits_ = std::move(hits);
    std::vector<ResultRow> rows;
    std::map<std::int64_t, std::optional<core::Document>> docs;
    for (const auto& h : hits_) {
        auto& doc = docs[h.doc.value];
        if (!doc && wb_.is_open()) doc = wb_.repo().find_document(h.doc);
        ResultRow row;
        row.cells = {doc ? doc->name : std::string(), h.case_name.value_or(""), doc ? speaker_at(*doc, h.span.start) : std::string()};
        row.text = h.snippet.empty() ? h.text : h.snippet;
        row.marked = true;
        rows.push_back(std::move(row));
    }
    list_->set_rows(std::move(rows));
    if (hits_.empty()) {
        show_summary(wb_.is_open() && is_ready() ? "No passages match" : "", false);
    } else {
        std::string line = plural(hits_.size(), "passage", "passages") + " in " + plural(docs.size(), "document", "documents");
        if (hits_.size() == kLimit) line += " (the first " + std::to_string(kLimit) + ")";
        show_summary(line, false);
    }
}

void SearchView::show_summary(const std::string& text, bool error) {
    summary_->SetLabel(to_wx(text));
    summary_->SetForegroundColour(error ? wxColour(180, 30, 30) : GetForegroundColour());
    summary_->SetToolTip(to_wx(text));
    Layout();
}

void SearchView::show_filters(bool shown) {
    filters_->Show(shown);
    filter_toggle_->SetValue(shown);
    Layout();
}

std::string SearchView::summary() const { return from_wx(summary_->GetLabel()); }

void SearchView::open_hit(std::size_t n) {
    if (n < hits_.size()) wb_.show_document(hits_[n].doc, hits_[n].span);
}

bool SearchView::code_hits() {
    if (!wb_.is_open() || !wb_.selected_code() || hits_.empty()) return false;
    std::vector<core::CodingTarget> targets;
    for (const auto i : list_->selected()) targets.push_back({hits_[i].doc, hits_[i].span});
    if (targets.empty()) for (const auto& h : hits_) targets.push_back({h.doc, h.span});
    return wb_.run(core::ApplyCodings(targets, *wb_.selected_code(), wb_.coder()));
}

}  // namespace comb::gui
