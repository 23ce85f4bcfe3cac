// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/search_filters.h"

#include <map>
#include <set>

#include <wx/choice.h>
#include <wx/sizer.h>

#include "core/code_paths.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

// Fills a choice with "any ..." and `items`, keeping the chosen item when it is still offered.
void fill(wxChoice* choice, const std::string& any, const std::set<std::string>& items) {
    const auto kept = choice->GetSelection() > 0 ? choice->GetStringSelection() : wxString();
    choice->Clear();
    choice->Append(to_wx(any));
    for (const auto& s : items) choice->Append(to_wx(s));
    const int at = kept.empty() ? wxNOT_FOUND : choice->FindString(kept, true);
    choice->SetSelection(at == wxNOT_FOUND ? 0 : at);
}

std::vector<std::string> chosen(const wxChoice* c) {
    if (c->GetSelection() <= 0) return {};
    return {from_wx(c->GetStringSelection())};
}

}  // namespace

SearchFilters::SearchFilters(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    const auto make = [this](const char* name, const char* tip) {
        auto* c = new wxChoice(this, wxID_ANY);
        c->SetName(name);
        c->SetToolTip(tip);
        // Long code paths would otherwise widen one column and push the others out of view.
        c->SetMinSize(FromDIP(wxSize(90, -1)));
        return c;
    };
    code_ = make("code", "Only passages coded with this code (or a code under it)");
    theme_ = make("theme", "Only passages coded with a code of this theme (or its subthemes)");
    comb_ = make("comb", "Only passages whose coding carries this COM-B component");
    level_ = make("level", "Only passages whose coding sits at this level");
    valence_ = make("valence", "Only barriers, facilitators, ...");
    case_ = make("case", "Only passages of this case (participant)");
    speaker_ = make("speaker", "Only turns of this speaker");
    attribute_ = make("attribute", "Only passages of cases with this attribute value");
    auto* grid = new wxFlexGridSizer(4, wxSize(FromDIP(4), FromDIP(4)));
    for (auto* c : {code_, theme_, case_, attribute_, comb_, level_, valence_, speaker_}) grid->Add(c, 1, wxEXPAND);
    for (int col = 0; col < 4; ++col) grid->AddGrowableCol(col);
    SetSizer(grid);
    std::set<std::string> combs, valences;
    for (const auto c : core::kAllComB) combs.emplace(core::to_string(c));
    for (const auto v : core::kAllValences) valences.emplace(core::to_string(v));
    fill(comb_, "any COM-B", combs);
    fill(valence_, "any valence", valences);
    refill();

    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        reset();
        refill();
        if (!wb_.is_open()) return;
        changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
            refill(e.cause == core::ProjectChanged::Cause::reload ? nullptr : &e.changes);
        });
    });
}

void SearchFilters::refill(const core::ChangeSet* changes) {
    // Each list is read again only when a change touches what it lists: the speakers need
    // every document's turns, which is slow on a large project.
    using core::RowKind;
    const auto touched = [changes](std::initializer_list<RowKind> kinds) {
        if (!changes) return true;
        for (const auto kind : kinds) if (changes->touches(kind)) return true;
        return false;
    };
    if (touched({RowKind::code, RowKind::theme})) refill_codes();
    if (touched({RowKind::case_, RowKind::attribute, RowKind::attribute_value})) refill_cases();
    if (touched({RowKind::document})) refill_speakers();
    Layout();
}

void SearchFilters::refill_codes() {
    std::set<std::string> codes, themes, levels;
    for (const auto l : core::kAllLevels) levels.emplace(core::to_string(l));
    if (wb_.is_open()) {
        const auto all = wb_.repo().codes();
        const core::CodeTree tree(all);
        for (const auto& c : all) {
            codes.insert(tree.path(c.id));
            if (c.tags.level) levels.insert(c.tags.level->to_string());
        }
        for (const auto& t : wb_.repo().themes()) themes.insert(t.name);
    }
    fill(code_, "any code", codes);
    fill(theme_, "any theme", themes);
    fill(level_, "any level", levels);
}

void SearchFilters::refill_cases() {
    std::set<std::string> cases, attributes;
    if (wb_.is_open()) {
        const auto& repo = wb_.repo();
        for (const auto& c : repo.cases()) cases.insert(c.name);
        std::map<std::int64_t, std::string> names;
        for (const auto& a : repo.attributes()) names[a.id.value] = a.name;
        for (const auto& v : repo.attribute_values())
            if (!v.value.empty()) attributes.insert(names[v.attribute_id.value] + "=" + v.value);
    }
    fill(case_, "any case", cases);
    fill(attribute_, "any attribute", attributes);
}

void SearchFilters::refill_speakers() {
    std::set<std::string> speakers;
    if (wb_.is_open())
        for (const auto& d : wb_.repo().documents())
            for (const auto& t : d.turns) speakers.insert(t.speaker);
    fill(speaker_, "any speaker", speakers);
}

index::Filters SearchFilters::filters() const {
    index::Filters f;
    f.codes = chosen(code_);
    f.themes = chosen(theme_);
    f.comb = chosen(comb_);
    f.levels = chosen(level_);
    f.valences = chosen(valence_);
    f.cases = chosen(case_);
    f.speakers = chosen(speaker_);
    f.attributes = chosen(attribute_);
    return f;
}

void SearchFilters::reset() {
    for (auto* c : {code_, theme_, comb_, level_, valence_, case_, speaker_, attribute_}) c->SetSelection(0);
}

wxChoice* SearchFilters::by_kind(const std::string& kind) const {
    for (auto* c : {code_, theme_, comb_, level_, valence_, case_, speaker_, attribute_})
        if (from_wx(c->GetName()) == kind) return c;
    return nullptr;
}

bool SearchFilters::choose(const std::string& kind, const std::string& value) {
    auto* c = by_kind(kind);
    const int at = c ? c->FindString(to_wx(value), true) : wxNOT_FOUND;
    if (at == wxNOT_FOUND) return false;
    c->SetSelection(at);
    return true;
}

}  // namespace comb::gui
