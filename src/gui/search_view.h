// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SearchView: full-text search over the project's passage index (index::PassageIndex) with
// filter choices (SearchFilters); results (a ResultList) show document, case, speaker and the
// snippet with matched terms in bold, under a line that counts them ("12 passages in 4
// documents"), says "No passages match", or gives the query parser's error. Clicking one shows
// it in the transcript. "Similar" finds passages like the selected code's codings (blind mode or one
// coder's view: only like the codings shown); "Code hits" codes
// the selected results with the selected code (one ApplyCodings, one undo step).
// The pane only searches: the Workbench's index::IndexUpkeep keeps the index current (and
// IndexRebuilds runs its rebuilds on a worker thread). While the index is rebuilding or not
// built, the pane says so instead of searching.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "gui/workbench.h"
#include "index/passage_index.h"

class wxSearchCtrl;
class wxButton;
class wxStaticText;
class wxToggleButton;

namespace comb::gui {

class SearchFilters;
class ResultList;

class SearchView : public wxPanel {
public:
    SearchView(wxWindow* parent, Workbench& workbench);
    ~SearchView() override;

    // Runs a search; returns the number of hits shown. Errors are reported.
    std::size_t search(const std::string& query);
    std::size_t similar_to_selected_code();
    const std::vector<index::Hit>& hits() const { return hits_; }
    // Shows hit `n` in the transcript.
    void open_hit(std::size_t n);
    // Codes the selected hits (all when none is selected) with the workbench's code.
    bool code_hits();
    ResultList& list() { return *list_; }
    // The line above the results: the count, "No passages match" or the query's error.
    std::string summary() const;
    SearchFilters& filters() { return *filters_; }

    bool is_ready();
    bool is_rebuilding();
    // The line shown instead of results when the index cannot be searched; empty when ready.
    std::string state_text() const;

private:
    void on_index_state(const index::UpkeepChanged& e);
    void show_state(const std::string& text);
    void show(std::vector<index::Hit> hits);
    void show_summary(const std::string& text, bool error);
    // The filter row folds away (the results keep the pane); the button counts active filters.
    void show_filters(bool shown);

    Workbench& wb_;
    wxSearchCtrl* query_ = nullptr;
    SearchFilters* filters_ = nullptr;
    ResultList* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxButton* similar_ = nullptr;
    wxButton* code_ = nullptr;
    wxToggleButton* filter_toggle_ = nullptr;
    wxStaticText* state_ = nullptr;
    std::string state_line_;
    std::vector<index::Hit> hits_;
    core::Subscription index_state_, switched_;
};

}  // namespace comb::gui
