// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CodePanel: the code tree (a wxDataViewCtrl over CodeTreeModel). Selecting a code makes it
// the workbench's current code; in-place rename; drag a code onto another to move it under
// it (onto empty space: to the top level), with Ctrl held to merge it into the other.
// Context-menu items post the frame's commands, so every action has one handler. A double
// click opens the code's coded segments; Enter codes the transcript's selection; F2 renames
// through the frame's prompt.
#include <memory>
#include <optional>
#include <string>

#include <wx/dataview.h>
#include <wx/menu.h>
#include <wx/panel.h>

#include "gui/code_tree_model.h"
#include "gui/workbench.h"

namespace comb::gui {

class CodePanel : public wxPanel {
public:
    CodePanel(wxWindow* parent, Workbench& workbench);
    ~CodePanel() override;

    CodeTreeModel& model() { return *model_; }
    wxDataViewCtrl& control() { return *ctrl_; }
    void select(std::optional<core::CodeId> id);
    void start_rename();
    // True while a code's name is being edited in place.
    bool is_renaming() const { return renaming_; }
    // Drops `source` onto `target` (nullopt: the top level); merge or move. For tests too.
    bool drop(core::CodeId source, std::optional<core::CodeId> target, bool merge);
    // The width each column needs for its heading and values (pixels; the name column's
    // includes the tree's indentation); fit_columns sets them.
    std::vector<int> needed_widths() const;
    // The tooltip over a code's row: its whole path when its name is cut (the column is
    // narrower than the name needs), else empty.
    std::string tooltip(core::CodeId code) const;
    // The context menu as it would show now (for tests too): the menu bar's code items (menu_items.h).
    std::unique_ptr<wxMenu> context_menu();

private:
    void add_columns();
    void bind_events();
    void on_motion(wxMouseEvent& event);
    void on_selection(wxDataViewEvent& event);
    void on_context_menu(wxDataViewEvent& event);
    void show_context_menu();
    void on_begin_drag(wxDataViewEvent& event);
    void on_drop_possible(wxDataViewEvent& event);
    void on_drop(wxDataViewEvent& event);
    void expand_all();
    // Columns as wide as their widest value and heading; the name column takes what is left,
    // and at least 200 DIPs (cut with an ellipsis only beyond that) when the pane is narrow.
    void fit_columns();
    int needed_width(core::CodeId code) const;  // the name column's need for one code

    Workbench& wb_;
    wxObjectDataPtr<CodeTreeModel> model_;
    wxDataViewCtrl* ctrl_ = nullptr;
    std::optional<core::CodeId> dragging_;
    bool selecting_ = false;
    bool renaming_ = false;
    int fitted_width_ = -1;  // the control width the columns were last fitted to
    core::Subscription code_selected_;
};

}  // namespace comb::gui
