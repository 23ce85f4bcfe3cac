// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SearchFilters: the search pane's filter choices, one per kind of index::Filters (code,
// theme, COM-B, level, valence, case, speaker, attribute), each "any ..." by default. The
// code, theme, case, speaker and attribute lists are read from the project when it opens and
// whenever a change touches what they list.
#include <wx/panel.h>

#include "core/project.h"
#include "gui/workbench.h"
#include "index/passage_index.h"

class wxChoice;

namespace comb::gui {

class SearchFilters : public wxPanel {
public:
    SearchFilters(wxWindow* parent, Workbench& workbench);

    index::Filters filters() const;
    void reset();  // every choice back to "any"
    // Chooses `value` in the choice named `kind` ("code", "theme", "comb", "level", "valence",
    // "case", "speaker", "attribute"); false when that value is not offered.
    bool choose(const std::string& kind, const std::string& value);

private:
    // Reads the lists a change touches again (all of them without one).
    void refill(const core::ChangeSet* changes = nullptr);
    void refill_codes();
    void refill_cases();
    void refill_speakers();
    wxChoice* by_kind(const std::string& kind) const;

    Workbench& wb_;
    wxChoice* code_ = nullptr;
    wxChoice* theme_ = nullptr;
    wxChoice* comb_ = nullptr;
    wxChoice* level_ = nullptr;
    wxChoice* valence_ = nullptr;
    wxChoice* case_ = nullptr;
    wxChoice* speaker_ = nullptr;
    wxChoice* attribute_ = nullptr;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
