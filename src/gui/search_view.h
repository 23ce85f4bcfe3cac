// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SearchView: full-text search over the project's passage index (index::PassageIndex) with
// filter choices (SearchFilters); results list the case and a marked snippet; clicking one shows it in the
// transcript. "Similar" finds passages like the selected code's codings; "Code hits" codes
// the selected results with the selected code (one ApplyCodings, one undo step).
// The index is a cache beside the project. When a project opens with it missing, stale or
// corrupt, or a change would need a rebuild (a bulk import), it is rebuilt on a worker thread
// (BackgroundTask) and the pane says so instead of searching; small changes update it in
// place on the main thread (a few ms). While a rebuild runs no update touches the index; when
// it ends, a change made meanwhile makes it rebuild again.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/project.h"
#include "gui/background_task.h"
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

    // Starts rebuilding the index on a worker; `reason` shows in the dialog ("missing").
    void rebuild(const std::string& reason);
    bool is_ready() const { return index_ != nullptr && !rebuild_; }
    bool is_rebuilding() const { return rebuild_ != nullptr; }
    BackgroundTask* rebuild_task() { return rebuild_.get(); }
    // The line shown instead of results when the index cannot be searched; empty when ready.
    std::string state_text() const;

private:
    void on_changed(const core::ProjectChanged& e);
    void rebuilt(const TaskOutcome& outcome);
    // Opens the index and uses it if current; else rebuilds (`may_rebuild`) or says why not.
    void use_index(bool may_rebuild);
    void show_state(const std::string& text);
    void show(std::vector<index::Hit> hits);

    Workbench& wb_;
    wxSearchCtrl* query_ = nullptr;
    SearchFilters* filters_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* similar_ = nullptr;
    wxButton* code_ = nullptr;
    wxStaticText* state_ = nullptr;
    // Present when current and searchable; absent while rebuilding (the worker has its own).
    std::unique_ptr<index::PassageIndex> index_;
    std::unique_ptr<BackgroundTask> rebuild_;
    std::int64_t rebuild_counter_ = 0;  // the change counter the running rebuild started at
    std::uint64_t rebuild_seq_ = 0;     // tells a finished rebuild's deferred call from a later one's
    std::string state_line_;
    std::vector<index::Hit> hits_;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
