// SPDX-License-Identifier: GPL-3.0-or-later
// The menu bar, built from one table (label, accelerator, help, handler, enabled state), and
// the context menus that take their items from the same table (menu_items.h).
#include <algorithm>

#include <wx/menu.h>

#include "gui/command_ids.h"
#include "gui/main_frame.h"
#include "gui/menu_items.h"
#include "gui/wx_text.h"

namespace comb::gui {

// One row of the menu table. A row with an empty label is a separator; `menu` names the menu
// the row goes in (rows of one menu are consecutive).
struct MainFrame::MenuEntry {
    const char* menu;
    int id;
    const char* label;
    const char* shortcut;
    const char* help;
    void (MainFrame::*on)(wxCommandEvent&);
    void (MainFrame::*on_update)(wxUpdateUIEvent&);
};

namespace {

using F = MainFrame;
constexpr const char* kThemeTableHelp = "Write the theme table (DOCX, XLSX, CSV, Markdown, LaTeX, HTML)";
constexpr const char* kSummaryHelp = "Write the barrier/facilitator summary (one HTML file)";

}  // namespace

const std::vector<MainFrame::MenuEntry>& MainFrame::menu_table() {
    static const std::vector<MenuEntry> kMenu = {
    {"&File", wxID_NEW, "&New project...", "Ctrl+Shift+N", "Create an empty project file", &F::on_new_project, nullptr},
    {"&File", wxID_OPEN, "&Open project...", "Ctrl+O", "Open a project file", &F::on_open, nullptr},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdImport, "&Import documents...", "Ctrl+Shift+I", "Import transcripts into the project", &F::on_import, &F::on_update_import},
    {"&File", kIdExportThemeTable, "Export &theme table...", "", kThemeTableHelp, &F::on_export, &F::on_update_export},
    {"&File", kIdExportSummary, "Export &summary...", "", kSummaryHelp, &F::on_export, &F::on_update_export},
    {"&File", kIdExportCodebook, "Export &codebook...", "", "Write the codebook (DOCX, CSV, REFI-QDA .qdc)", &F::on_export, &F::on_update_export},
    {"&File", kIdExportProject, "Export REFI-QDA &project...", "", "Write the whole project as REFI-QDA (.qdpx)", &F::on_export, &F::on_update_export},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdMergeProject, "&Merge a colleague's copy...", "", "Bring in another copy of the project (.comb or .qdpx) as one undoable step", &F::on_merge_project, &F::on_update_has_project},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdCloseProject, "&Close project", "Ctrl+W", "Close the project (everything is saved already)", &F::on_close_project, &F::on_update_has_project},
    {"&File", wxID_EXIT, "&Quit", "Ctrl+Q", "Quit Comb", &F::on_quit, nullptr},
    {"&Edit", wxID_UNDO, "&Undo", "Ctrl+Z", "Undo the last action", &F::on_undo, &F::on_update_undo},
    {"&Edit", wxID_REDO, "&Redo", "Ctrl+Shift+Z", "Redo the undone action (also Ctrl+Y)", &F::on_redo, &F::on_update_redo},
    {"&Edit", 0, "", "", "", nullptr, nullptr},
    {"&Edit", wxID_FIND, "&Find in transcript...", "Ctrl+F", "Find text in the open transcript", &F::on_find, &F::on_update_has_document},
    {"&Edit", kIdFindNext, "Find &next", "F3", "Find the next match", &F::on_find_next, &F::on_update_has_document},
    {"&Edit", kIdCorrectText, "&Correct transcript...", "Ctrl+Shift+E", "Replace the selected text of the transcript (codings keep their words)", &F::on_correct_text, &F::on_update_correct_text},
    {"&Edit", 0, "", "", "", nullptr, nullptr},
    {"&Edit", wxID_PREFERENCES, "&Preferences...", "Ctrl+,", "Font and highlight style", &F::on_preferences, nullptr},
    {"&Code", kIdCodeSelection, "&Code selection with selected code", "Ctrl+E", "Code the selected text with the code selected in the code tree", &F::on_code_selection, &F::on_update_code_selection},
    {"&Code", kIdInVivo, "&In-vivo code", "Ctrl+I", "Create a code named after the selected text and code the selection with it", &F::on_in_vivo, &F::on_update_in_vivo},
    {"&Code", kIdCodeWithNewCode, "Code with ne&w code...", "Ctrl+Shift+E", "Code the selected text with a code you name now", &F::on_code_with_new_code, &F::on_update_in_vivo},
    {"&Code", kIdUncode, "&Uncode selection", "Ctrl+U", "Remove codings of the selected code that overlap the selection", &F::on_uncode, &F::on_update_code_selection},
    {"&Code", 0, "", "", "", nullptr, nullptr},
    {"&Code", kIdNewCode, "&New code...", "Ctrl+N", "Create a code (Parent/Child for a path)", &F::on_new_code, &F::on_update_has_project},
    {"&Code", kIdNewChildCode, "New c&hild code...", "Ctrl+Shift+C", "Create a code under the selected code", &F::on_new_child_code, &F::on_update_has_code},
    {"&Code", kIdCodedSegments, "Coded &segments", "Ctrl+L", "List the selected code's coded segments (or double-click the code)", &F::on_coded_segments, &F::on_update_has_code},
    {"&Code", kIdRenameCode, "&Rename code", "F2", "Rename the selected code (in the themes pane: the selected theme, in place)", &F::on_rename_code, &F::on_update_rename},
    {"&Code", kIdMergeCode, "&Merge code into...", "Ctrl+M", "Merge the selected code into another (or drag it with Ctrl held)", &F::on_merge_code, &F::on_update_has_code},
    {"&Code", kIdMoveCodeTop, "Move code to &top level", "", "Move the selected code out of its parent", &F::on_move_code_top, &F::on_update_has_code},
    {"&Code", kIdDeleteCode, "&Delete code...", "Ctrl+Delete", "Delete the selected code and its codings (undoable)", &F::on_delete_code, &F::on_update_has_code},
    {"&View", kIdShowDocuments, "&Documents and cases", "Alt+1", "Show the documents pane", &F::on_show_pane, nullptr},
    {"&View", kIdShowCodes, "&Codes", "Alt+2", "Show the code tree", &F::on_show_pane, nullptr},
    {"&View", kIdShowEditor, "Code &editor", "Alt+3", "Show the definition and memo editor", &F::on_show_pane, nullptr},
    {"&View", kIdShowSearch, "&Search", "Ctrl+Shift+F", "Show the search pane", &F::on_show_pane, nullptr},
    {"&View", kIdShowMatrix, "&Matrix", "Alt+4", "Show the matrix heat map", &F::on_show_pane, nullptr},
    {"&View", kIdShowThemes, "&Themes", "Alt+5", "Show and focus the themes (again when focused: hide them)", &F::on_show_pane, nullptr},
    {"&View", kIdShowTranscript, "T&ranscript", "Alt+0", "Put the keyboard focus in the transcript", &F::on_show_pane, nullptr},
    {"&View", kIdNextPane, "Ne&xt pane", "F6", "Move the keyboard focus to the next pane", &F::on_cycle_pane, nullptr},
    {"&View", kIdPreviousPane, "Pre&vious pane", "Shift+F6", "Move the keyboard focus to the previous pane", &F::on_cycle_pane, nullptr},
    {"&View", 0, "", "", "", nullptr, nullptr},
    {"&View", kIdBack, "&Back", "Alt+Left", "Go back to where you were before the last jump", &F::on_back, &F::on_update_back},
    {"&View", kIdForward, "&Forward", "Alt+Right", "Go forward again after Back", &F::on_forward, &F::on_update_forward},
    {"&View", 0, "", "", "", nullptr, nullptr},
    {"&View", kIdCoderView, "C&oders...", "", "Show everyone's codings, one coder's, a comparison of two, or only yours (blind)", &F::on_coder_view, &F::on_update_has_project},
    {"&View", kIdResetLayout, "&Reset layout", "", "Put the panes back where they started", &F::on_reset_layout, nullptr},
    {"&Tools", kIdDisagreements, "&Disagreements between coders...", "", "Passages one coder coded and the other did not; resolve them", &F::on_disagreements, &F::on_update_has_project},
    {"&Tools", kIdPseudonymise, "&Pseudonymise...", "", "Replace names by pseudonyms with a key kept outside the project", &F::on_pseudonymise, &F::on_update_has_project},
    {"&Tools", 0, "", "", "", nullptr, nullptr},
    {"&Tools", kIdImportAttributes, "Import &attributes...", "", "Set case attributes from a CSV or XLSX sheet (first column: case name)", &F::on_import_attributes, &F::on_update_has_project},
    {"&Tools", kIdLoadCodebook, "Load &codebook...", "", "Add a framework's codes: COM-B, TDF, levels, valence, CFIR or a .qdc file", &F::on_load_codebook, &F::on_update_has_project},
    {"&Tools", 0, "", "", "", nullptr, nullptr},
    {"&Tools", kIdRebuildIndex, "&Rebuild search index", "", "Build the full-text search index again from the project", &F::on_rebuild_index, &F::on_update_rebuild_index},
    {"&Help", kIdShortcuts, "&Keyboard shortcuts", "F1", "List the keyboard shortcuts", &F::on_shortcuts, nullptr},
    {"&Help", kIdOpenExample, "Open the &example project", "", "Open a copy of the fictional MECC example project", &F::on_open_example, nullptr},
    {"&Help", wxID_ABOUT, "&About Comb", "", "About Comb", &F::on_about, nullptr},
    };
    return kMenu;
}

void MainFrame::build_menus() {
    auto* bar = new wxMenuBar;
    wxMenu* menu = nullptr;
    std::string current;
    for (const auto& e : menu_table()) {
        if (current != e.menu) {
            menu = new wxMenu;
            bar->Append(menu, e.menu);
            current = e.menu;
        }
        if (!*e.label) {
            menu->AppendSeparator();
            continue;
        }
        wxString label = e.label;
        if (*e.shortcut) label << "\t" << e.shortcut;
        menu->Append(e.id, label, e.help);
        Bind(wxEVT_MENU, e.on, this, e.id);
        if (e.on_update) Bind(wxEVT_UPDATE_UI, e.on_update, this, e.id);
        if (e.id == wxID_OPEN) {
            auto* recent = new wxMenu;
            menu->AppendSubMenu(recent, "Open &recent");
            history_.UseMenu(recent);
            history_.Load(settings_.config());
        }
        if (e.id == kIdUncode) {
            auto* quick = new wxMenu;
            for (int i = 0; i < 9; ++i) {
                quick->Append(kIdQuickCode1 + i, wxString::Format("Quick code %d\tCtrl+%d", i + 1, i + 1));
            }
            menu->AppendSubMenu(quick, "&Quick codes", "Ctrl+1..9 code the selection with the first nine codes");
        }
    }
    SetMenuBar(bar);
    Bind(wxEVT_MENU, &MainFrame::on_recent, this, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, &MainFrame::on_quick_code, this, kIdQuickCode1, kIdQuickCodeLast);
    Bind(wxEVT_MENU, &MainFrame::on_recent_code, this, kIdRecentCode1, kIdRecentCodeLast);
    Bind(wxEVT_UPDATE_UI, &MainFrame::on_update_quick_code, this, kIdQuickCode1, kIdQuickCodeLast);
    // A second shortcut for Redo, as many users expect it.
    wxAcceleratorEntry extra[] = {wxAcceleratorEntry(wxACCEL_CTRL, 'Y', wxID_REDO)};
    SetAcceleratorTable(wxAcceleratorTable(1, extra));
}

std::string MainFrame::shortcuts_text() const {
    std::string out;
    for (const auto& e : menu_table()) {
        if (!*e.label || !*e.shortcut) continue;
        std::string label = e.label;
        label.erase(std::remove(label.begin(), label.end(), '&'), label.end());
        out += std::string(e.shortcut) + "\t" + label + "\n";
    }
    out += "Ctrl+Y\tRedo\nCtrl+1..9\tCode the selection with quick code 1..9 (the first nine codes)\n";
    out += "Enter (code tree)\tCode the selection with the code\nDouble-click a code\tIts coded segments\nEsc (find bar)\tClose the find bar\n";
    out += "Drag a code onto another\tMove it under the other (Ctrl held: merge)\n";
    out += "Drag a code onto selected text\tCode the selection with it\n";
    out += "Menu key or Shift+F10\tContext menu (code tree, transcript, themes)\n";
    out += "Drag a theme onto another\tMake it a subtheme (onto empty space: top level)\n";
    return out;
}

namespace {

const MainFrame::MenuEntry* find_entry(int id) {
    for (const auto& e : MainFrame::menu_table()) {
        if (e.id == id && *e.label) return &e;
    }
    return nullptr;
}

}  // namespace

void append_menu_item(wxMenu& menu, int id) {
    const auto* e = find_entry(id);
    if (!e) return;
    wxString label = e->label;
    if (*e->shortcut) label << "\t" << e->shortcut;
    menu.Append(id, label, e->help);
}

std::string menu_label(int id) {
    const auto* e = find_entry(id);
    return e ? std::string(e->label) : std::string();
}

void update_menu(wxMenu& menu, wxWindow& from) {
    for (auto* item : menu.GetMenuItems()) {
        if (item->IsSeparator() || item->IsSubMenu() || !find_entry(item->GetId())) continue;
        wxUpdateUIEvent event(item->GetId());
        event.SetEventObject(&from);
        if (from.GetEventHandler()->ProcessEvent(event) && event.GetSetEnabled()) item->Enable(event.GetEnabled());
    }
}

}  // namespace comb::gui
