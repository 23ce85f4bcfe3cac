// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CodeTreeModel: the project's codes as a wxDataViewModel — hierarchy, colour swatch, counts
// of codings and cases, COM-B, level and valence. An item is a code id; the invisible root
// is the null item. Renaming in place runs core::RenameCode. The model reloads itself from
// project.changed(): a structural change (codes added, removed, moved) clears the view; other
// changes only update values, so expansion and selection stay.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <wx/bmpbndl.h>
#include <wx/dataview.h>

#include "core/code_paths.h"
#include "core/project.h"
#include "gui/workbench.h"

namespace comb::gui {

class CodeTreeModel : public wxDataViewModel {
public:
    enum Column : unsigned { kName, kCodings, kCases, kComB, kLevel, kValence, kColumnCount };

    explicit CodeTreeModel(Workbench& workbench);

    static core::CodeId code_of(const wxDataViewItem& item);
    static wxDataViewItem item_of(core::CodeId id);

    const core::CodeTree& tree() const { return *tree_; }
    std::int64_t codings_count(core::CodeId id) const;
    std::int64_t cases_count(core::CodeId id) const;
    // Reloads from the repository; true when the structure changed (the view was cleared).
    bool reload();
    // Called after a structural reload, so the panel can restore expansion.
    std::function<void()> on_cleared;

    void GetValue(wxVariant& variant, const wxDataViewItem& item, unsigned col) const override;
    bool SetValue(const wxVariant& variant, const wxDataViewItem& item, unsigned col) override;
    wxDataViewItem GetParent(const wxDataViewItem& item) const override;
    bool IsContainer(const wxDataViewItem& item) const override;
    unsigned GetChildren(const wxDataViewItem& item, wxDataViewItemArray& children) const override;
    bool HasContainerColumns(const wxDataViewItem&) const override { return true; }

private:
    void on_project_changed(const core::ProjectChanged& event);
    void on_project_switched();
    const wxBitmapBundle& swatch(const std::string& colour) const;

    Workbench& wb_;
    std::unique_ptr<core::CodeTree> tree_ = std::make_unique<core::CodeTree>(std::vector<core::Code>{});
    std::map<core::CodeId, std::int64_t> codings_;
    std::map<core::CodeId, std::set<core::CaseId>> cases_;
    mutable std::map<std::string, wxBitmapBundle> swatches_;
    core::Subscription changed_, switched_, coder_view_;
};

}  // namespace comb::gui
