#pragma once
// SearchView: full-text search over the project's passage index (index::PassageIndex) with
// filter choices (SearchFilters); results list the case and a marked snippet; clicking one shows it in the
// transcript. "Similar" finds passages like the selected code's codings; "Code hits" codes
// the selected results with the selected code (one ApplyCodings, one undo step).
// The index is a cache beside the project: brought up to date on first use, then updated
// after each change.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/project.h"
#include "gui/workbench.h"
#include "index/passage_index.h"

class wxSearchCtrl;
class wxListCtrl;
class wxListEvent;

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

private:
    index::PassageIndex& index();
    void show(std::vector<index::Hit> hits);

    Workbench& wb_;
    wxSearchCtrl* query_ = nullptr;
    SearchFilters* filters_ = nullptr;
    wxListCtrl* list_ = nullptr;
    std::unique_ptr<index::PassageIndex> index_;
    std::vector<index::Hit> hits_;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
