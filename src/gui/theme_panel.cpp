// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/theme_panel.h"

#include <functional>
#include <map>

#include <wx/artprov.h>
#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>
#include <wx/wrapsizer.h>

#include "core/change_set.h"
#include "core/code_paths.h"
#include "core/commands/theme_commands.h"
#include "gui/keyboard_menu.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

// What a tree row stands for: a theme (code empty) or one of its member codes.
struct Node : wxTreeItemData {
    std::string theme;
    std::string code;
    std::string description;
    Node(std::string t, std::string c, std::string d = {})
        : theme(std::move(t)), code(std::move(c)), description(std::move(d)) {}
};

enum : int { kMenuNew = wxID_HIGHEST + 500, kMenuAdd, kMenuRemove, kMenuDescribe, kMenuDelete, kMenuRename };

// Name, optional parent and description of a new theme.
class NewThemeDialog : public wxDialog {
public:
    NewThemeDialog(wxWindow* parent, const std::vector<core::Theme>& themes, const std::optional<std::string>& under)
        : wxDialog(parent, wxID_ANY, "New theme", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        name_ = new wxTextCtrl(this, wxID_ANY);
        wxArrayString parents;
        parents.Add("(none: a top-level theme)");
        for (const auto& t : themes) parents.Add(to_wx(t.name));
        parent_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, parents);
        parent_->SetSelection(0);
        if (under) parent_->SetStringSelection(to_wx(*under));
        description_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(360, 100)), wxTE_MULTILINE);
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        grid->AddGrowableCol(1);
        grid->AddGrowableRow(2);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Name:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(name_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Subtheme of:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(parent_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Description:"), 0, wxALIGN_TOP);
        grid->Add(description_, 1, wxEXPAND);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 1, wxALL | wxEXPAND, FromDIP(12));
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, FromDIP(8));
        SetSizerAndFit(sizer);
        name_->SetFocus();
    }
    std::string name() const { return from_wx(name_->GetValue().Strip(wxString::both)); }
    std::optional<std::string> parent() const {
        if (parent_->GetSelection() <= 0) return std::nullopt;
        return from_wx(parent_->GetStringSelection());
    }
    std::string description() const { return from_wx(description_->GetValue()); }

private:
    wxTextCtrl* name_ = nullptr;
    wxChoice* parent_ = nullptr;
    wxTextCtrl* description_ = nullptr;
};

}  // namespace

ThemePanel::ThemePanel(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("themes");
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_EDIT_LABELS);
    tree_->SetName("themes");
    labels_ = std::make_unique<TreeLabels>(*tree_);
    build_layout();
    bind_events();

    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
                // Member codes are shown by path, so a renamed or moved code changes the tree too.
                if (e.touches(core::RowKind::theme) || e.touches(core::RowKind::code)) rebuild();
            });
        }
        rebuild();
    });
    rebuild();
}

// The tool bar of icon buttons above the tree.
void ThemePanel::build_layout() {
    // Icon buttons with tooltips: five labelled buttons do not fit a narrow side pane.
    const auto tool = [this](const wxArtID& art, const char* name, const char* tip) {
        auto* b = new wxBitmapButton(this, wxID_ANY, wxArtProvider::GetBitmapBundle(art, wxART_BUTTON),
                                     wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT | wxBORDER_NONE);
        b->SetName(name);
        b->SetToolTip(tip);
        return b;
    };
    new_ = tool(wxART_NEW, "New theme", "New theme or subtheme...");
    add_ = tool(wxART_PLUS, "Add code", "Add the code selected in the code tree to the selected theme");
    remove_ = tool(wxART_MINUS, "Remove code", "Remove the selected code from its theme");
    describe_ = tool(wxART_EDIT, "Edit theme", "Edit the selected theme's description...");
    delete_ = tool(wxART_DELETE, "Delete theme", "Delete the selected theme (its subthemes move up; undoable)");
    // No mnemonics: in a pane they would take Alt+letters from the menu bar.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    for (auto* b : {new_, add_, remove_, describe_, delete_}) bar->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxALL | wxEXPAND, FromDIP(4));
    sizer->Add(tree_, 1, wxEXPAND);
    SetSizer(sizer);
}

// Buttons, tree and context-menu events to their handlers.
void ThemePanel::bind_events() {
    new_->Bind(wxEVT_BUTTON, &ThemePanel::on_new, this);
    add_->Bind(wxEVT_BUTTON, &ThemePanel::on_add, this);
    remove_->Bind(wxEVT_BUTTON, &ThemePanel::on_remove, this);
    describe_->Bind(wxEVT_BUTTON, &ThemePanel::on_describe, this);
    delete_->Bind(wxEVT_BUTTON, &ThemePanel::on_delete, this);
    new_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(wb_.is_open()); });
    add_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_theme() && wb_.selected_code()); });
    remove_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_member().has_value()); });
    describe_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_theme().has_value()); });
    delete_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_theme().has_value()); });
    tree_->Bind(wxEVT_TREE_ITEM_MENU, &ThemePanel::on_context_menu, this);
    bind_keyboard_menu(*tree_, [this] { show_context_menu(); });
    tree_->Bind(wxEVT_TREE_BEGIN_LABEL_EDIT, &ThemePanel::on_begin_edit, this);
    tree_->Bind(wxEVT_TREE_END_LABEL_EDIT, &ThemePanel::on_end_edit, this);
    tree_->Bind(wxEVT_TREE_BEGIN_DRAG, &ThemePanel::on_begin_drag, this);
    tree_->Bind(wxEVT_TREE_END_DRAG, &ThemePanel::on_end_drag, this);
    tree_->Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& e) {
        const auto* node = e.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(e.GetItem())) : nullptr;
        // The whole name when it is cut to the pane, and a theme's description.
        wxString tip = e.GetItem().IsOk() ? labels_->tooltip(e.GetItem()) : wxString();
        if (node && node->code.empty() && !node->description.empty()) tip << (tip.empty() ? "" : "\n\n") << to_wx(node->description);
        if (!tip.empty()) e.SetToolTip(tip);
    });
    // Activating a member code selects it in the code tree too, so its codings are at hand;
    // activating a theme (double-click, Enter) renames it.
    tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent&) {
        if (const auto code = selected_member()) {
            if (const auto id = core::CodeTree(wb_.repo().codes()).find_path(*code)) wb_.select_code(*id);
        } else {
            start_rename();
        }
    });
    Bind(wxEVT_MENU, &ThemePanel::on_new, this, kMenuNew);
    Bind(wxEVT_MENU, &ThemePanel::on_add, this, kMenuAdd);
    Bind(wxEVT_MENU, &ThemePanel::on_remove, this, kMenuRemove);
    Bind(wxEVT_MENU, &ThemePanel::on_describe, this, kMenuDescribe);
    Bind(wxEVT_MENU, &ThemePanel::on_delete, this, kMenuDelete);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { start_rename(); }, kMenuRename);
}

void ThemePanel::rebuild() {
    const auto theme = selected_theme();
    const auto member = selected_member();
    tree_->Freeze();
    tree_->DeleteAllItems();
    const auto root = tree_->AddRoot("Themes");
    if (wb_.is_open()) {
        const core::CodeTree codes(wb_.repo().codes());
        std::map<std::int64_t, wxTreeItemId> items;
        std::map<std::int64_t, std::size_t> subthemes;  // per theme id: subtheme rows so far
        // themes() lists parents before children, so a parent's item always exists first.
        // Subthemes go above their parent's member codes: theme, subthemes, then codes.
        shown_.clear();
        for (const auto& t : wb_.repo().themes()) {
            shown_[t.name] = t;
            const bool nested = t.parent && items.count(t.parent->value);
            const auto parent_item = nested ? items[t.parent->value] : root;
            const auto item = nested ? tree_->InsertItem(parent_item, subthemes[t.parent->value]++, to_wx(t.name), -1, -1,
                                                         new Node(t.name, {}, t.description))
                                     : tree_->AppendItem(parent_item, to_wx(t.name), -1, -1, new Node(t.name, {}, t.description));
            tree_->SetItemBold(item);
            items[t.id.value] = item;
            for (const auto& c : t.codes) {
                if (!codes.find(c)) continue;
                const auto path = codes.path(c);
                const auto code_item = tree_->AppendItem(item, to_wx(path), -1, -1, new Node(t.name, path));
                tree_->SetItemTextColour(code_item, wxColour(70, 70, 110));
            }
        }
        tree_->ExpandAll();
    }
    tree_->Thaw();
    labels_->remember();
    if (theme) select(*theme, member.value_or(std::string()));
}

std::string ThemePanel::describe() const {
    std::string out;
    std::function<void(const wxTreeItemId&, int)> walk = [&](const wxTreeItemId& parent, int depth) {
        wxTreeItemIdValue cookie;
        for (auto item = tree_->GetFirstChild(parent, cookie); item.IsOk(); item = tree_->GetNextChild(parent, cookie)) {
            out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + from_wx(labels_->full(item)) + "\n";
            walk(item, depth + 1);
        }
    };
    if (tree_->GetRootItem().IsOk()) walk(tree_->GetRootItem(), 0);
    return out;
}

std::optional<std::string> ThemePanel::selected_theme() const {
    const auto item = tree_->GetSelection();
    const auto* node = item.IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(item)) : nullptr;
    if (!node) return std::nullopt;
    return node->theme;
}

std::optional<std::string> ThemePanel::selected_member() const {
    const auto item = tree_->GetSelection();
    const auto* node = item.IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(item)) : nullptr;
    if (!node || node->code.empty()) return std::nullopt;
    return node->code;
}

void ThemePanel::select(const std::string& theme, const std::string& code) {
    std::function<bool(const wxTreeItemId&)> walk = [&](const wxTreeItemId& parent) {
        wxTreeItemIdValue cookie;
        for (auto item = tree_->GetFirstChild(parent, cookie); item.IsOk(); item = tree_->GetNextChild(parent, cookie)) {
            const auto* node = dynamic_cast<Node*>(tree_->GetItemData(item));
            if (node && node->theme == theme && node->code == code) {
                tree_->SelectItem(item);
                tree_->EnsureVisible(item);
                return true;
            }
            if (walk(item)) return true;
        }
        return false;
    };
    if (tree_->GetRootItem().IsOk() && !walk(tree_->GetRootItem()) && !code.empty()) select(theme);
}

bool ThemePanel::new_theme(const std::string& name, const std::optional<std::string>& parent, const std::string& description) {
    if (!wb_.is_open() || name.empty()) return false;
    core::DefineTheme::Spec spec;
    spec.name = name;
    spec.parent = parent;
    if (!description.empty()) spec.description = description;
    if (!wb_.run(core::DefineTheme(spec))) return false;
    select(name);
    return true;
}

bool ThemePanel::add_selected_code() {
    const auto theme = selected_theme();
    const auto code = wb_.selected_code();
    if (!wb_.is_open() || !theme || !code) return false;
    core::DefineTheme::Spec spec;
    spec.name = *theme;
    spec.add_codes = {wb_.code_path(*code)};
    core::DefineTheme define(spec);
    if (const auto it = shown_.find(*theme); it != shown_.end()) define.expect(it->second);
    if (!wb_.run(define)) return false;
    select(*theme, spec.add_codes.front());
    return true;
}

bool ThemePanel::remove_selected_code() {
    const auto theme = selected_theme();
    const auto code = selected_member();
    if (!wb_.is_open() || !theme || !code) return false;
    core::DefineTheme::Spec spec;
    spec.name = *theme;
    spec.remove_codes = {*code};
    core::DefineTheme define(spec);
    if (const auto it = shown_.find(*theme); it != shown_.end()) define.expect(it->second);
    return wb_.run(define);
}

bool ThemePanel::set_description(const std::string& description) {
    const auto theme = selected_theme();
    if (!wb_.is_open() || !theme) return false;
    core::DefineTheme::Spec spec;
    spec.name = *theme;
    spec.description = description;
    core::DefineTheme define(spec);
    if (const auto it = shown_.find(*theme); it != shown_.end()) define.expect(it->second);
    return wb_.run(define);
}

bool ThemePanel::delete_selected_theme() {
    const auto theme = selected_theme();
    if (!wb_.is_open() || !theme) return false;
    return wb_.run(core::DeleteTheme(*theme));
}

bool ThemePanel::start_rename() {
    const auto item = tree_->GetSelection();
    if (!item.IsOk() || selected_member() || !selected_theme()) return false;
    return tree_->EditLabel(item) != nullptr;
}

bool ThemePanel::rename_theme(const std::string& theme, const std::string& new_name) {
    if (!wb_.is_open() || new_name == theme) return false;
    core::RenameTheme rename(theme, new_name);
    if (const auto it = shown_.find(theme); it != shown_.end()) rename.expect(it->second);
    if (!wb_.run(rename)) return false;
    select(new_name);
    return true;
}

bool ThemePanel::move_theme(const std::string& theme, const std::optional<std::string>& parent) {
    if (!wb_.is_open()) return false;
    core::MoveTheme move(theme, parent);
    if (const auto it = shown_.find(theme); it != shown_.end()) move.expect(it->second);
    if (!wb_.run(move)) return false;
    select(theme);
    return true;
}

void ThemePanel::on_begin_edit(wxTreeEvent& event) {
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    // Member codes are renamed in the code tree, where the rename rules live.
    if (!node || !node->code.empty()) event.Veto();
    else labels_->show_full(event.GetItem());  // the editor starts from the whole name
}

void ThemePanel::on_end_edit(wxTreeEvent& event) {
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    // The label is never taken as typed: the command's result rebuilds the tree, and after
    // the editor has closed, since rebuilding deletes the item being edited.
    event.Veto();
    CallAfter([this] { labels_->fit(); });
    if (!node || event.IsEditCancelled()) return;
    const std::string theme = node->theme;
    const std::string name = from_wx(event.GetLabel().Strip(wxString::both));
    if (name.empty() || name == theme) return;
    CallAfter([this, theme, name] { rename_theme(theme, name); });
}

void ThemePanel::on_begin_drag(wxTreeEvent& event) {
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    if (!node || !node->code.empty()) return;  // only themes move; not allowing is the veto here
    dragging_ = node->theme;
    event.Allow();
}

void ThemePanel::on_end_drag(wxTreeEvent& event) {
    if (!dragging_) return;
    const std::string theme = *dragging_;
    dragging_.reset();
    std::optional<std::string> parent;
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    if (node) parent = node->theme;  // onto a member code: into that code's theme
    if (parent == theme) return;
    CallAfter([this, theme, parent] { move_theme(theme, parent); });
}

void ThemePanel::on_new(wxCommandEvent&) {
    if (!wb_.is_open()) return;
    NewThemeDialog dialog(this, wb_.repo().themes(), std::nullopt);
    if (dialog.ShowModal() != wxID_OK || dialog.name().empty()) return;
    new_theme(dialog.name(), dialog.parent(), dialog.description());
}

void ThemePanel::on_add(wxCommandEvent&) { add_selected_code(); }
void ThemePanel::on_remove(wxCommandEvent&) { remove_selected_code(); }

void ThemePanel::on_describe(wxCommandEvent&) {
    const auto theme = selected_theme();
    if (!theme) return;
    const auto found = core::find_theme(wb_.repo().themes(), *theme);
    wxTextEntryDialog dialog(this, to_wx("Description of \"" + *theme + "\":"), "Theme description",
                             to_wx(found ? found->description : std::string()), wxOK | wxCANCEL | wxTE_MULTILINE);
    if (dialog.ShowModal() == wxID_OK) set_description(from_wx(dialog.GetValue()));
}

void ThemePanel::on_delete(wxCommandEvent&) {
    const auto theme = selected_theme();
    if (!theme) return;
    const auto answer = wxMessageBox(to_wx("Delete the theme \"" + *theme + "\"? Its subthemes move up a level; its codes stay.\n"
                                           "(Edit > Undo brings it back.)"),
                                     "Delete theme", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer == wxYES) delete_selected_theme();
}

void ThemePanel::on_context_menu(wxTreeEvent& event) {
    if (event.GetItem().IsOk()) tree_->SelectItem(event.GetItem());
    show_context_menu();
}

void ThemePanel::show_context_menu() {
    wxMenu menu;
    menu.Append(kMenuNew, "&New theme...");
    menu.Append(kMenuAdd, "&Add selected code to theme");
    menu.Append(kMenuRemove, "&Remove code from theme");
    menu.AppendSeparator();
    menu.Append(kMenuRename, "Re&name theme\tF2");
    menu.Append(kMenuDescribe, "Edit d&escription...");
    menu.Append(kMenuDelete, "&Delete theme...");
    menu.Enable(kMenuNew, wb_.is_open());
    menu.Enable(kMenuAdd, selected_theme() && wb_.selected_code());
    menu.Enable(kMenuRemove, selected_member().has_value());
    menu.Enable(kMenuRename, selected_theme() && !selected_member());
    menu.Enable(kMenuDescribe, selected_theme().has_value());
    menu.Enable(kMenuDelete, selected_theme().has_value());
    PopupMenu(&menu);
}

}  // namespace comb::gui
