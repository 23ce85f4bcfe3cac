// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ThemePanel: themes and subthemes (repo.themes()) as a tree: under each theme its subthemes,
// then its member codes. Buttons and a context menu create a theme, add the code selected in the code tree to the
// selected theme, remove a member code, edit a description and delete a theme; a theme is
// renamed in place (F2, double-click, context menu) and dragged onto another theme to become
// its subtheme, or onto empty space to become top-level. Each action is
// one core command run through the Workbench, so it is undoable. Rebuilds itself when themes or
// codes change. The action functions are public so tests drive them without modal dialogs.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <wx/panel.h>

#include "core/project.h"
#include "gui/list_fit.h"
#include "gui/workbench.h"

class wxButton;
class wxTreeCtrl;
class wxTreeEvent;

namespace comb::gui {

class ThemePanel : public wxPanel {
public:
    ThemePanel(wxWindow* parent, Workbench& workbench);

    wxTreeCtrl& control() { return *tree_; }
    // The whole labels of the tree's rows (a long one is shown cut to the pane).
    const TreeLabels& labels() const { return *labels_; }
    void rebuild();
    // The tree as text, one row a line, two spaces of indent per level: "Theme\n  Code/Path\n".
    std::string describe() const;

    // The theme of the selected row (a theme, or the theme a selected member code belongs to).
    std::optional<std::string> selected_theme() const;
    // The member code path of the selected row, if it is a code.
    std::optional<std::string> selected_member() const;
    void select(const std::string& theme, const std::string& code = {});

    // Actions; each returns whether its command ran (errors go to the workbench's handler).
    bool new_theme(const std::string& name, const std::optional<std::string>& parent, const std::string& description);
    bool add_selected_code();                // the code tree's code to selected_theme()
    bool remove_selected_code();             // selected_member() from its theme
    bool set_description(const std::string& description);  // of selected_theme()
    bool delete_selected_theme();
    // Renaming in place: start_rename() opens the editor on the selected theme; finishing it
    // calls rename_theme. Both are false when nothing could be done.
    bool start_rename();
    bool rename_theme(const std::string& theme, const std::string& new_name);
    // A theme dropped on `parent` (nullopt: empty space, the top level).
    bool move_theme(const std::string& theme, const std::optional<std::string>& parent);

private:
    void build_layout();  // constructor steps
    void bind_events();
    void on_new(wxCommandEvent&);
    void on_add(wxCommandEvent&);
    void on_remove(wxCommandEvent&);
    void on_describe(wxCommandEvent&);
    void on_delete(wxCommandEvent&);
    void on_context_menu(wxTreeEvent& event);
    void show_context_menu();
    void on_begin_edit(wxTreeEvent& event);
    void on_end_edit(wxTreeEvent& event);
    void on_begin_drag(wxTreeEvent& event);
    void on_end_drag(wxTreeEvent& event);

    Workbench& wb_;
    wxTreeCtrl* tree_ = nullptr;
    std::unique_ptr<TreeLabels> labels_;  // long names cut to the pane, whole in a tooltip
    wxButton* new_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* remove_ = nullptr;
    wxButton* describe_ = nullptr;
    wxButton* delete_ = nullptr;
    std::optional<std::string> dragging_;  // the theme being dragged
    std::map<std::string, core::Theme> shown_;  // by name: the rows as this view last showed them
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
