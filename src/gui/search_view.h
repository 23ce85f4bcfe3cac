// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SearchView: full-text search over the project's passage index (index::PassageIndex) with
// filter choices (SearchFilters); results list the case and a marked snippet; clicking one shows it in the
// transcript. "Similar" finds passages like the selected code's codings; "Code hits" codes
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
class wxListCtrl;
class wxListEvent;
class wxButton;
class wxStaticText;

namespace comb::gui {

class SearchFilters;

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
    wxListCtrl& list() { return *list_; }
    SearchFilters& filters() { return *filters_; }

    bool is_ready();
    bool is_rebuilding();
    // The line shown instead of results when the index cannot be searched; empty when ready.
    std::string state_text() const;

private:
    void on_index_state(const index::UpkeepChanged& e);
    void show_state(const std::string& text);
    void show(std::vector<index::Hit> hits);

    Workbench& wb_;
    wxSearchCtrl* query_ = nullptr;
    SearchFilters* filters_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* similar_ = nullptr;
    wxButton* code_ = nullptr;
    wxStaticText* state_ = nullptr;
    std::string state_line_;
    std::vector<index::Hit> hits_;
    core::Subscription index_state_, switched_;
};

}  // namespace comb::gui
