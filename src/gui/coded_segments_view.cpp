// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coded_segments_view.h"

#include "gui/coder_filter.h"

#include <algorithm>
#include <map>
#include <set>

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/code_paths.h"
#include "core/commands/coding_commands.h"
#include "core/commands/recode_codings.h"
#include "core/error.h"
#include "gui/list_fit.h"
#include "gui/result_list.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

constexpr const char* kHint = "Double-click a code in the code tree to list its coded segments";

std::string speaker_at(const core::Document& doc, core::CodePoint at) {
    for (const auto& t : doc.turns) {
        if (t.span.start <= at && at < t.span.end) return t.speaker;
    }
    return {};
}

// "…before «coded» after…": the context is cut at a space and never crosses a line.
std::string in_context(const std::string& text, core::Span span, std::int64_t context) {
    using core::CodePoint;
    const auto length = static_cast<std::int64_t>(core::utf8::length(text));
    std::string before(core::utf8::slice(text, {CodePoint(std::max<std::int64_t>(0, span.start.value - context)), span.start}));
    std::string after(core::utf8::slice(text, {span.end, CodePoint(std::min(length, span.end.value + context))}));
    bool cut_before = span.start.value > context, cut_after = span.end.value + context < length;
    if (const auto nl = before.rfind('\n'); nl != std::string::npos) { before = before.substr(nl + 1); cut_before = false; }
    if (const auto nl = after.find('\n'); nl != std::string::npos) { after = after.substr(0, nl); cut_after = false; }
    if (cut_before) if (const auto sp = before.find(' '); sp != std::string::npos) before = "\u2026" + before.substr(sp + 1);
    if (cut_after) if (const auto sp = after.rfind(' '); sp != std::string::npos) after = after.substr(0, sp) + "\u2026";
    return before + "\u00AB" + std::string(core::utf8::slice(text, span)) + "\u00BB" + after;
}

}  // namespace

CodedSegmentsView::CodedSegmentsView(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("segments");
    title_ = new wxStaticText(this, wxID_ANY, kHint);
    title_->SetFont(title_->GetFont().Bold());
    auto* go = new wxButton(this, wxID_ANY, "&Go to");
    auto* uncode = new wxButton(this, wxID_ANY, "&Uncode");
    auto* recode = new wxButton(this, wxID_ANY, "&Recode...");
    pin_ = new wxButton(this, wxID_ANY, "&Pin");
    auto* save = new wxButton(this, wxID_ANY, "E&xport...");
    go->SetToolTip("Show the selected segment in its transcript (or click it)");
    uncode->SetToolTip("Remove the selected codings (undoable)");
    recode->SetToolTip("Move the selected codings to another code (undoable)");
    pin_->SetToolTip("Prefer the selected segments as illustrative quotes in reports (again: unpin)");
    save->SetToolTip("Write every segment of the code to a CSV file");
    list_ = new ResultList(this, {{"Document", 90}, {"Case", 60}, {"Speaker", 80}, {"Coder", 70}, {"Segment in context", 0}}, true);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(title_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    for (wxWindow* b : std::initializer_list<wxWindow*>{go, uncode, recode, pin_, save}) bar->Add(b, 0, wxLEFT, FromDIP(2));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);

    list_->on_select = [this](std::size_t n) { open(n); };
    list_->on_activate = [this](std::size_t n) { open(n); };
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto chosen = list_->selected();
        if (!chosen.empty()) open(chosen.front());
    });
    uncode->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->uncode(); });
    recode->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_recode(); });
    pin_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle_pin(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_export(); });
    coder_view_ = wb_.coder_view_changed().subscribe([this](const CoderViewChanged&) { reload(); });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        code_.reset();
        if (wb_.is_open()) changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged&) { reload(); });
        reload();
    });
}

void CodedSegmentsView::show_code(std::optional<core::CodeId> code) {
    code_ = code;
    reload();
}

std::string CodedSegmentsView::title() const { return from_wx(title_->GetLabel()); }

void CodedSegmentsView::reload() {
    codings_.clear();
    rows_.clear();
    std::vector<ResultRow> rows;
    const core::CodeTree tree = wb_.is_open() ? core::CodeTree(wb_.repo().codes()) : core::CodeTree({});
    if (code_ && !tree.find(*code_)) code_.reset();
    if (!code_) {
        title_->SetLabel(kHint);
        list_->set_rows({});
        return;
    }
    auto& repo = wb_.repo();
    // The coder view's codings only (blind mode: mine); several coders: each in their colour.
    for (const auto& c : repo.codings()) if (c.code == *code_ && wb_.shows_coder(c.coder)) codings_.push_back(c);
    std::set<std::string> coders;
    for (const auto& c : codings_) coders.insert(c.coder);
    std::map<std::string, std::string> colours;
    if (coders.size() >= 2) for (const auto& name : coders) colours[name] = wb_.coder_palette().colour(name);
    std::map<std::int64_t, std::string> memos, case_names;
    for (const auto& m : repo.memos()) if (m.target == core::MemoTarget::coding) memos[m.target_id] = m.text;
    for (const auto& c : repo.cases()) case_names[c.id.value] = c.name;
    std::map<std::int64_t, std::pair<core::Document, std::string>> docs;  // with their text
    for (const auto& c : codings_) {
        if (!docs.count(c.document.value)) {
            auto d = *repo.find_document(c.document);
            std::string text = repo.text(d.text_id);
            docs.emplace(c.document.value, std::make_pair(std::move(d), std::move(text)));
        }
    }
    std::stable_sort(codings_.begin(), codings_.end(), [&](const core::Coding& a, const core::Coding& b) {
        const auto& da = docs.at(a.document.value).first.name;
        const auto& db = docs.at(b.document.value).first.name;
        return da != db ? da < db : a.span.start < b.span.start;
    });
    const std::string path = tree.path(*code_);
    for (const auto& c : codings_) {
        const auto& [doc, text] = docs.at(c.document.value);
        const auto memo = memos.count(c.id.value) ? memos[c.id.value] : std::string();
        exporters::CodedSegment s{path, doc.name, doc.case_id ? case_names[doc.case_id->value] : std::string(),
                                  speaker_at(doc, c.span.start), c.coder, c.span.start.value, c.span.end.value,
                                  std::string(core::utf8::slice(text, c.span)), memo, c.pinned};
        ResultRow row{{s.document, s.case_name, s.speaker, s.coder}, in_context(text, c.span, kContext),
                      (c.pinned ? std::string("\u2605 pinned  ") : std::string()) + (memo.empty() ? "" : "Memo: " + memo), true};
        if (!colours.empty()) row.colours = {"", "", "", colours[c.coder]};
        rows.push_back(std::move(row));
        rows_.push_back(std::move(s));
    }
    const auto n = codings_.size();
    title_->SetLabel(to_wx(path + ": " + std::to_string(n) + (n == 1 ? " coded segment" : " coded segments")));
    list_->set_rows(std::move(rows));
    Layout();
}

std::vector<exporters::CodedSegment> CodedSegmentsView::rows() const { return rows_; }

std::vector<core::CodingId> CodedSegmentsView::selected_ids() const {
    std::vector<core::CodingId> ids;
    for (const auto i : list_->selected()) if (i < codings_.size()) ids.push_back(codings_[i].id);
    return ids;
}

void CodedSegmentsView::open(std::size_t n) {
    if (n < codings_.size()) wb_.show_document(codings_[n].document, codings_[n].span);
}

bool CodedSegmentsView::uncode() {
    const auto ids = selected_ids();
    return !ids.empty() && wb_.run(core::RemoveCodings(ids));
}

bool CodedSegmentsView::recode(const std::string& code_path) {
    const auto ids = selected_ids();
    return !ids.empty() && wb_.run(core::RecodeCodings(ids, code_path));
}

bool CodedSegmentsView::toggle_pin() {
    const auto chosen = list_->selected();
    if (chosen.empty()) return false;
    // One command per coding would be several undo steps; pinning is per quote, so the first
    // selected segment decides and the rest follow it.
    const bool pin = !codings_[chosen.front()].pinned;
    bool ok = true;
    for (const auto id : selected_ids()) ok = wb_.run(core::PinCoding(id, pin)) && ok;
    return ok;
}

bool CodedSegmentsView::export_csv(const std::filesystem::path& path) {
    if (!code_) return false;
    try {
        exporters::write_coded_segments_csv(rows_, path);
        return true;
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        return false;
    }
}

void CodedSegmentsView::on_recode() {
    if (!wb_.is_open() || selected_ids().empty()) return;
    const core::CodeTree tree(wb_.repo().codes());
    wxArrayString choices;
    for (const auto& c : tree.codes()) if (!code_ || c.id != *code_) choices.Add(to_wx(tree.path(c.id)));
    if (choices.empty()) return;
    wxSingleChoiceDialog dialog(this, "Move the selected segments to:", "Recode", choices);
    fit_choice_list(dialog);
    if (dialog.ShowModal() == wxID_OK) recode(from_wx(dialog.GetStringSelection()));
}

void CodedSegmentsView::on_export() {
    if (!code_) return;
    wxFileDialog dialog(this, "Export coded segments", "", "coded-segments.csv", "CSV (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    if (export_csv(from_wx(dialog.GetPath()))) {
        if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(this))) frame->SetStatusText(dialog.GetPath(), 1);
    }
}

}  // namespace comb::gui
