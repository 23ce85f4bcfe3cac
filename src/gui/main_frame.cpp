// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"
#include "gui/shortcuts_dialog.h"
#include "store_pg/open_store.h"

#include <algorithm>

#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>
#include <wx/utils.h>

#include "core/code_paths.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "gui/background_task.h"
#include "gui/code_editor.h"
#include "gui/code_panel.h"
#include "gui/coded_segments_view.h"
#include "gui/command_ids.h"
#include "gui/document_tree.h"
#include "gui/export_dialogs.h"
#include "gui/import_task.h"
#include "gui/live_updates.h"
#include "gui/preferences_dialog.h"
#include "gui/transcript_view.h"
#include "gui/window_fit.h"
#include "gui/wx_text.h"
#include "gui/matrix_view.h"
#include "gui/file_check.h"
#include "gui/index_rebuilds.h"
#include "gui/pseudonymise_dialog.h"
#include "gui/search_view.h"
#include "gui/theme_panel.h"
#include "gui/list_fit.h"
#include "refi/formats.h"

namespace comb::gui {

namespace {

using F = MainFrame;
constexpr const char* kThemeTableHelp = "Write the theme table (DOCX, XLSX, CSV, Markdown, LaTeX, HTML)";
constexpr const char* kSummaryHelp = "Write the barrier/facilitator summary (one HTML file)";

}  // namespace

// Only read after main() starts (menu_table()), so no other static depends on its order.
const std::vector<MainFrame::MenuEntry> MainFrame::kMenuTable = {
    {"&File", wxID_NEW, "&New project...", "Ctrl+Shift+N", "Create an empty project file", &F::on_new_project, nullptr},
    {"&File", wxID_OPEN, "&Open project...", "Ctrl+O", "Open a project file", &F::on_open, nullptr},
    {"&File", kIdOpenShared, "Open s&hared project...", "", "Open a project on a PostgreSQL server (postgresql://...)", &F::on_open_shared, nullptr},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdImport, "&Import documents...", "Ctrl+Shift+I", "Import transcripts into the project", &F::on_import, &F::on_update_import},
    {"&File", kIdExportThemeTable, "Export &theme table...", "", kThemeTableHelp, &F::on_export, &F::on_update_export},
    {"&File", kIdExportSummary, "Export &summary...", "", kSummaryHelp, &F::on_export, &F::on_update_export},
    {"&File", kIdExportCodebook, "Export &codebook...", "", "Write the codebook (DOCX, CSV, REFI-QDA .qdc)", &F::on_export, &F::on_update_export},
    {"&File", kIdExportProject, "Export REFI-QDA &project...", "", "Write the whole project as REFI-QDA (.qdpx)", &F::on_export, &F::on_update_export},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdMergeProject, "&Merge a colleague's copy...", "", "Bring in another copy of the project (.comb or .qdpx) as one undoable step", &F::on_merge_project, &F::on_update_has_project},
    {"&File", kIdRestoreBackup, "&Restore from backup...", "", "Put a backup (listed with date and size) in place of the project; what it holds now is backed up first", &F::on_restore_backup, &F::on_update_has_project},
    {"&File", 0, "", "", "", nullptr, nullptr},
    {"&File", kIdCloseProject, "&Close project", "Ctrl+W", "Close the project (everything is saved already)", &F::on_close_project, &F::on_update_has_project},
    {"&File", wxID_EXIT, "&Quit", "Ctrl+Q", "Quit Comb", &F::on_quit, nullptr},
    {"&Edit", wxID_UNDO, "&Undo", "Ctrl+Z", "Undo the last action", &F::on_undo, &F::on_update_undo},
    {"&Edit", wxID_REDO, "&Redo", "Ctrl+Shift+Z", "Redo the undone action (also Ctrl+Y)", &F::on_redo, &F::on_update_redo},
    {"&Edit", 0, "", "", "", nullptr, nullptr},
    {"&Edit", wxID_FIND, "&Find in transcript...", "Ctrl+F", "Find text in the open transcript", &F::on_find, &F::on_update_has_document},
    {"&Edit", kIdFindNext, "Find &next", "F3", "Find the next match", &F::on_find_next, &F::on_update_has_document},
    {"&Edit", kIdEditTranscript, "&Edit transcript text", "Ctrl+Shift+T", "Type in the transcript to correct it (codings keep their words; coding keys are off until you leave)", &F::on_edit_transcript, &F::on_update_edit_transcript},
    {"&Edit", kIdCorrectText, "&Correct transcript...", "Ctrl+Alt+E", "Replace the selected text of the transcript (codings keep their words)", &F::on_correct_text, &F::on_update_correct_text},
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
    {"&View", kIdCoderView, "C&oders...", "", "Show everyone's codings, one coder's, a comparison of two, or only yours (blind)", &F::on_coder_view, &F::on_update_has_project},
    {"&View", kIdBack, "&Back", "Alt+Left", "Go back to where you were before the last jump", &F::on_back, &F::on_update_back},
    {"&View", kIdForward, "&Forward", "Alt+Right", "Go forward again after Back", &F::on_forward, &F::on_update_forward},
    {"&View", 0, "", "", "", nullptr, nullptr},
    {"&View", kIdResetLayout, "&Reset layout", "", "Put the panes back where they started", &F::on_reset_layout, nullptr},
    {"&Tools", kIdDisagreements, "&Disagreements between coders...", "", "Passages one coder coded and the other did not; resolve them", &F::on_disagreements, &F::on_update_has_project},
    {"&Tools", kIdPseudonymise, "&Pseudonymise...", "", "Replace names by pseudonyms with a key kept outside the project", &F::on_pseudonymise, &F::on_update_has_project},
    {"&Tools", kIdImportAttributes, "Import &attributes...", "", "Set case attributes from a CSV or XLSX sheet (first column: case name)", &F::on_import_attributes, &F::on_update_has_project},
    {"&Tools", kIdLoadCodebook, "Load &codebook...", "", "Add a framework's codes: COM-B, TDF, levels, valence, CFIR or a .qdc file", &F::on_load_codebook, &F::on_update_has_project},
    {"&Tools", 0, "", "", "", nullptr, nullptr},
    {"&Tools", kIdRebuildIndex, "&Rebuild search index", "", "Build the full-text search index again from the project", &F::on_rebuild_index, &F::on_update_rebuild_index},
    {"&Help", kIdShortcuts, "&Keyboard shortcuts", "F1", "List the keyboard shortcuts", &F::on_shortcuts, nullptr},
    {"&Help", kIdOpenExample, "Open the &example project", "", "Open a copy of the fictional MECC example project", &F::on_open_example, nullptr},
    {"&Help", wxID_ABOUT, "&About Comb", "", "About Comb", &F::on_about, nullptr},
};

MainFrame::MainFrame(Settings& settings)
    : wxFrame(nullptr, wxID_ANY, "Comb"), settings_(settings) {
    SetName("comb");
    restore_geometry();
    aui_.SetManagedWindow(this);
    // The code tree's columns need more than the default third of the window.
    aui_.SetDockSizeConstraint(0.45, 0.4);
    prompt_ = [this](const std::string& question, const std::string& value) -> std::optional<std::string> {
        wxTextEntryDialog dialog(this, to_wx(question), "Comb", to_wx(value));
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        return from_wx(dialog.GetValue());
    };
    confirm_ = [this](const std::string& question) {
        return wxMessageBox(to_wx(question), "Comb", wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION, this) == wxYES;
    };
    wb_.set_error_handler([this](const std::string& message) {
        wxMessageBox(to_wx(message), "Comb", wxOK | wxICON_WARNING, this);
    });
    index_rebuilds_ = std::make_unique<IndexRebuilds>(*this, wb_);
    file_check_ = std::make_unique<FileCheck>(*this, wb_);
    refi::register_formats();  // .qdpx and .qdc in the import and export lists
    build_panes();
    build_menus();
    build_storage();
    // Counts, current document, your last action, the latest change someone else made, and
    // who you are coding as (with the coder view).
    CreateStatusBar(5);
    const int widths[] = {-3, -2, -2, -3, -2};
    GetStatusBar()->SetStatusWidths(5, widths);
    apply_appearance();

    install_navigation();
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        navigation_.clear();
        changed_.reset();
        // The coded segments listed were the last project's: their pane closes.
        if (auto& segments = aui_.GetPane("segments"); segments.IsShown()) {
            segments.Hide();
            aui_.Update();
        }
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged&) { update_status(); });
        }
        update_status();
        update_title();
    });
    coder_view_ = wb_.coder_view_changed().subscribe([this](const CoderViewChanged&) { update_status(); });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    watch_connection();
    start_live_updates();
    update_status();
    update_title();
}

void MainFrame::start_live_updates() {
    LiveUpdates::Hooks hooks;
    hooks.notice = [this](const std::string& text) { SetStatusText(to_wx(text), 3); };
    hooks.present = [this](const std::vector<std::string>&) { update_title(); };
    hooks.hold = [this] { return codes_->is_renaming() || themes_->control().GetEditControl() != nullptr; };
    live_ = std::make_unique<LiveUpdates>(wb_, std::move(hooks));
}

MainFrame::~MainFrame() {
    live_.reset();
    import_.reset();
    export_.reset();
    index_rebuilds_.reset();
    file_check_.reset();
    aui_.UnInit();
}

void MainFrame::build_panes() {
    documents_ = new DocumentTree(this, wb_);
    transcript_ = new TranscriptView(this, wb_);
    codes_ = new CodePanel(this, wb_);
    editor_ = new CodeEditor(this, wb_);
    matrix_ = new MatrixView(this, wb_);
    search_ = new SearchView(this, wb_);
    themes_ = new ThemePanel(this, wb_);
    segments_ = new CodedSegmentsView(this, wb_);
    // Pane sizes relative to the window (restore_geometry fitted it to the screen).
    const auto sizes = pane_sizes(GetClientSize(), {FromDIP(230), FromDIP(560), FromDIP(260)});
    aui_.AddPane(documents_, wxAuiPaneInfo().Name("documents").Caption("Documents and cases").Left()
                                 .BestSize(wxSize(sizes.left, FromDIP(600))).MinSize(FromDIP(wxSize(120, 100))).CloseButton());
    aui_.AddPane(themes_, wxAuiPaneInfo().Name("themes").Caption("Themes").Left().Position(1)
                              .BestSize(wxSize(sizes.left, FromDIP(300))).MinSize(FromDIP(wxSize(120, 100))).CloseButton());
    aui_.AddPane(transcript_, wxAuiPaneInfo().Name("transcript").Caption("Transcript").CenterPane());
    aui_.AddPane(codes_, wxAuiPaneInfo().Name("codes").Caption("Codes").Right().Position(0)
                             .BestSize(wxSize(sizes.right, FromDIP(450))).MinSize(FromDIP(wxSize(200, 100))).CloseButton());
    aui_.AddPane(editor_, wxAuiPaneInfo().Name("editor").Caption("Code definition and memo").Right().Position(1)
                              .BestSize(wxSize(sizes.right, FromDIP(380))).MinSize(FromDIP(wxSize(200, 100))).CloseButton());
    aui_.AddPane(matrix_, wxAuiPaneInfo().Name("matrix").Caption("Matrix (double-click a cell or press Enter for its quotes)").Bottom()
                              .BestSize(wxSize(FromDIP(800), sizes.bottom)).MinSize(FromDIP(wxSize(200, 120))).CloseButton());
    aui_.AddPane(search_, wxAuiPaneInfo().Name("search").Caption("Search").Bottom()
                              .BestSize(wxSize(FromDIP(800), sizes.bottom)).MinSize(FromDIP(wxSize(200, 120))).CloseButton());
    // Full width above search and matrix, shown when a code's segments are opened.
    aui_.AddPane(segments_, wxAuiPaneInfo().Name("segments").Caption("Coded segments").Bottom().Row(1)
                                .BestSize(FromDIP(wxSize(1200, 220))).MinSize(FromDIP(wxSize(200, 120))).CloseButton().Hide());
    aui_.Update();
    default_perspective_ = from_wx(aui_.SavePerspective());
    if (const auto saved = settings_.perspective(); !saved.empty()) restore_perspective(saved);
}

void MainFrame::build_menus() {
    auto* bar = new wxMenuBar;
    wxMenu* menu = nullptr;
    std::string current;
    for (const auto& e : menu_table()) {
        if (current != e.menu) {
            // Rows of one menu belong together; should they not, they still go in one menu.
            const int at = bar->FindMenu(wxStripMenuCodes(e.menu));
            menu = at == wxNOT_FOUND ? nullptr : bar->GetMenu(static_cast<std::size_t>(at));
            if (!menu) bar->Append(menu = new wxMenu, e.menu);
            current = e.menu;
        }
        if (!*e.label) {
            menu->AppendSeparator();
            continue;
        }
        wxString label = e.label;
        if (*e.shortcut) label << "\t" << e.shortcut;
        if (e.id == kIdEditTranscript) menu->AppendCheckItem(e.id, label, e.help);  // a mode: ticked while on
        else menu->Append(e.id, label, e.help);
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

bool MainFrame::open_project(const std::filesystem::path& path, std::unique_ptr<core::Repository> opened) {
    try {
        editor_->commit();
        save_session();
        wb_.open(path, std::move(opened));
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        return false;
    }
    history_.AddFileToHistory(to_wx(path.string()));
    if (settings_.last_project() == path.string() && settings_.last_document() > 0) {
        const core::CodePoint at(settings_.last_position());
        transcript_->show_document(core::DocumentId(settings_.last_document()));
        transcript_->scroll_to(at);
        // Scroll again once the window has its size (a new window has none yet).
        CallAfter([this, at] { transcript_->scroll_to(at); });
        const core::CodeId code(settings_.last_code());
        if (core::CodeTree(wb_.repo().codes()).find(code)) CallAfter([this, code] { wb_.select_code(code); });
    }
    if (!transcript_->document()) {
        const auto docs = wb_.repo().documents();
        if (!docs.empty()) transcript_->show_document(docs.front().id);
    }
    settings_.set_last_project(path.string());
    return true;
}

void MainFrame::save_session() {
    if (!wb_.is_open()) return;
    settings_.set_last_project(wb_.path().string());
    settings_.set_last_document(transcript_->document() ? transcript_->document()->value : 0);
    settings_.set_last_position(transcript_->caret().value);
    settings_.set_last_code(wb_.selected_code() ? wb_.selected_code()->value : 0);
}

void MainFrame::update_status() {
    if (!wb_.is_open()) {
        SetStatusText("No project open: File > New project or Open project", 0);
        SetStatusText("", 1);
        SetStatusText("", 2);
        SetStatusText("", 3);
        return;
    }
    auto& repo = wb_.repo();
    // Only the codings the coder view shows: blind mode must not give away others' totals.
    const auto codings = repo.codings();
    const auto shown = std::count_if(codings.begin(), codings.end(), [this](const core::Coding& c) { return wb_.shows_coder(c.coder); });
    SetStatusText(to_wx(std::to_string(repo.documents().size()) + " documents \u00B7 " +
                        std::to_string(repo.codes().size()) + " codes \u00B7 " +
                        std::to_string(shown) + " codings"), 0);
    SetStatusText(to_wx(transcript_->document_name()), 1);
    const auto undo = wb_.project().undo_label();
    SetStatusText(undo ? to_wx("Last action: " + *undo) : wxString("Saved"), 2);
    update_coder_status();
}

void MainFrame::update_title() {
    if (!wb_.is_open()) {
        SetTitle("Comb");
        return;
    }
    std::string title = wb_.path().filename().string() + " \u2014 Comb";
    const auto others = live_ ? live_->present() : std::vector<std::string>{};
    for (std::size_t i = 0; i < others.size(); ++i) title += (i == 0 ? " \u2014 also open: " : ", ") + others[i];
    SetTitle(to_wx(title));
}

bool MainFrame::can_code() const {
    return wb_.is_open() && wb_.selected_code() && transcript_->selection().has_value() && !transcript_->editing();
}

std::vector<core::CodeId> MainFrame::quick_codes() const {
    std::vector<core::CodeId> out;
    if (!wb_.is_open()) return out;
    for (const auto& c : const_cast<Workbench&>(wb_).repo().codes()) {
        if (out.size() == 9) break;
        out.push_back(c.id);
    }
    return out;
}

// --- File ---

void MainFrame::on_new_project(wxCommandEvent&) {
    wxFileDialog dialog(this, "New project", "", "project.comb", "Comb projects (*.comb)|*.comb",
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    std::filesystem::path path = from_wx(dialog.GetPath());
    if (path.extension() != ".comb") path += ".comb";
    try {
        editor_->commit();
        save_session();
        wb_.create(path);
        history_.AddFileToHistory(to_wx(path.string()));
        settings_.set_last_project(path.string());
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
    }
}

void MainFrame::on_open(wxCommandEvent&) {
    wxFileDialog dialog(this, "Open project", "", "", "Comb projects (*.comb)|*.comb|All files|*",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open_project(from_wx(dialog.GetPath()));
}

void MainFrame::on_recent(wxCommandEvent& event) {
    const wxString path = history_.GetHistoryFile(event.GetId() - wxID_FILE1);
    if (path.empty()) return;
    // A shared project may need its password asked for again (it is never remembered), and
    // stays in the list when its server is away for now.
    if (store::is_server_location(from_wx(path))) {
        open_shared(from_wx(path));
    } else if (!open_project(from_wx(path))) {
        history_.RemoveFileFromHistory(event.GetId() - wxID_FILE1);
    }
}

void MainFrame::on_import(wxCommandEvent&) {
    // In the folder used last: transcripts arrive in batches from the same place.
    wxFileDialog dialog(this, "Import documents", to_wx(settings_.last_import_folder()), "", to_wx(import_wildcard()),
                        wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString paths;
    dialog.GetPaths(paths);
    settings_.set_last_import_folder(from_wx(dialog.GetDirectory()));
    std::vector<std::filesystem::path> files;
    for (const auto& p : paths) files.emplace_back(from_wx(p));
    std::sort(files.begin(), files.end());
    import_files(std::move(files));
}

void MainFrame::import_files(std::vector<std::filesystem::path> files) {
    if (files.empty() || import_ || !wb_.is_open()) return;
    import_ = std::make_unique<ImportTask>(*this, wb_, std::move(files), [this](std::size_t imported) {
        SetStatusText(wxString::Format("Imported %zu documents", imported), 1);
        if (imported > 0 && !transcript_->document()) {
            const auto docs = wb_.repo().documents();
            if (!docs.empty()) transcript_->show_document(docs.back().id);
        }
        CallAfter([this] { import_.reset(); });
    }, confirm_);
}

void MainFrame::on_update_import(wxUpdateUIEvent& e) { e.Enable(wb_.is_open() && !import_); }
void MainFrame::on_rebuild_index(wxCommandEvent&) { wb_.index().rebuild("requested"); }
void MainFrame::on_update_rebuild_index(wxUpdateUIEvent& e) {
    e.Enable(wb_.is_open() && wb_.index().state() != index::UpkeepState::rebuilding);
}
BackgroundTask* MainFrame::index_rebuild_task() { return index_rebuilds_->task(); }
void MainFrame::on_close_project(wxCommandEvent&) {
    editor_->commit();
    save_session();
    wb_.close();
}
void MainFrame::on_update_has_project(wxUpdateUIEvent& e) { e.Enable(wb_.is_open()); }
void MainFrame::on_quit(wxCommandEvent&) { Close(); }

void MainFrame::on_close(wxCloseEvent& event) {
    editor_->commit();
    import_.reset();
    export_.reset();
    save_session();
    settings_.set_perspective(from_wx(aui_.SavePerspective()));
    save_geometry();
    history_.Save(settings_.config());
    settings_.flush();
    event.Skip();
}

// --- Edit ---

void MainFrame::on_undo(wxCommandEvent&) {
    editor_->commit();
    transcript_->commit_edit();  // typing in edit mode is a step of its own, undone first
    if (step_with_key(this, wb_, true)) wb_.index().rebuild("pseudonymisation undone");
    else wb_.undo();
}
void MainFrame::on_update_undo(wxUpdateUIEvent& e) {
    const auto label = wb_.is_open() ? wb_.project().undo_label() : std::nullopt;
    e.Enable(label.has_value());
    e.SetText(to_wx(label ? "&Undo " + *label : std::string("&Undo")) + "\tCtrl+Z");
}
void MainFrame::on_redo(wxCommandEvent&) {
    if (step_with_key(this, wb_, false)) wb_.index().rebuild("pseudonymisation redone");
    else wb_.redo();
}
void MainFrame::on_update_redo(wxUpdateUIEvent& e) {
    const auto label = wb_.is_open() ? wb_.project().redo_label() : std::nullopt;
    e.Enable(label.has_value());
    e.SetText(to_wx(label ? "&Redo " + *label : std::string("&Redo")) + "\tCtrl+Shift+Z");
}
void MainFrame::on_find(wxCommandEvent&) { transcript_->show_find_bar(); }
void MainFrame::on_find_next(wxCommandEvent&) {
    if (transcript_->find_text().empty()) transcript_->show_find_bar();
    else transcript_->find_next(transcript_->find_text());
}
void MainFrame::on_update_has_document(wxUpdateUIEvent& e) { e.Enable(transcript_->document().has_value()); }

void MainFrame::on_preferences(wxCommandEvent&) {
    if (show_preferences(this, settings_)) apply_appearance();
}

void MainFrame::apply_appearance() {
    wxFont font(wxFontInfo(settings_.font_size()).Family(wxFONTFAMILY_SWISS));
    if (!settings_.font_face().empty()) font.SetFaceName(to_wx(settings_.font_face()));
    transcript_->set_appearance(font, settings_.highlight_style());
    apply_coder();
    transcript_->set_snap_to_words(settings_.snap_to_words());
}

// --- Code ---

void MainFrame::on_code_selection(wxCommandEvent&) {
    if (!can_code()) return;
    const auto span = *transcript_->selection();
    wb_.run(core::ApplyCodings({{*transcript_->document(), span}}, *wb_.selected_code(), wb_.coder()));
}
void MainFrame::on_update_code_selection(wxUpdateUIEvent& e) { e.Enable(can_code()); }

void MainFrame::new_code(std::optional<core::CodeId> parent) {
    if (!wb_.is_open()) return;
    const std::string prefix = parent ? wb_.code_path(*parent) + "/" : std::string();
    wxTextEntryDialog dialog(this, to_wx(parent ? "Name of the new code under " + wb_.code_path(*parent) + ":"
                                                : std::string("Name of the new code (Parent/Child makes a path):")),
                             "New code");
    if (dialog.ShowModal() != wxID_OK || dialog.GetValue().Trim().empty()) return;
    const std::string path = prefix + from_wx(dialog.GetValue().Trim().Trim(false));
    if (!wb_.run(core::DefineCode(path, {}))) return;
    if (const auto id = core::CodeTree(wb_.repo().codes()).find_path(path)) wb_.select_code(*id);
}
void MainFrame::on_new_code(wxCommandEvent&) { new_code(std::nullopt); }
void MainFrame::on_new_child_code(wxCommandEvent&) { new_code(wb_.selected_code()); }

void MainFrame::on_uncode(wxCommandEvent&) {
    if (!can_code()) return;
    const auto span = *transcript_->selection();
    std::vector<core::CodingId> ids;
    for (const auto& c : transcript_->codings()) {
        if (c.code == *wb_.selected_code() && c.span.overlaps(span)) ids.push_back(c.id);
    }
    if (ids.empty()) {
        SetStatusText("The selection has no coding of the selected code", 1);
        return;
    }
    wb_.run(core::RemoveCodings(ids));
}
void MainFrame::on_update_code_selection_any(wxUpdateUIEvent& e) { e.Enable(can_code()); }

// F2 renames what the focused pane shows: a theme in the themes pane, else the code.
void MainFrame::on_rename_code(wxCommandEvent&) {
    if (focused_pane() == "themes") themes_->start_rename();
    else rename_selected_code();
}
void MainFrame::on_update_rename(wxUpdateUIEvent& e) {
    if (focused_pane() == "themes") e.Enable(themes_->selected_theme() && !themes_->selected_member());
    else on_update_has_code(e);
}

void MainFrame::on_delete_code(wxCommandEvent&) {
    if (!wb_.selected_code()) return;
    const std::string path = wb_.code_path(*wb_.selected_code());
    const auto answer = wxMessageBox(to_wx("Delete \"" + path + "\", its child codes and their codings?\n(Edit > Undo brings them back.)"),
                                     "Delete code", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
    if (answer != wxYES) return;
    if (wb_.backup_first("delete-code") && wb_.run(core::DeleteCode(path))) wb_.select_code(std::nullopt);
}

void MainFrame::on_merge_code(wxCommandEvent&) {
    if (!wb_.selected_code()) return;
    const core::CodeTree tree(wb_.repo().codes());
    const auto source = *wb_.selected_code();
    wxArrayString choices;
    std::vector<core::CodeId> ids;
    for (const auto& c : tree.codes()) {
        if (c.id == source) continue;
        choices.Add(to_wx(tree.path(c.id)));
        ids.push_back(c.id);
    }
    if (ids.empty()) return;
    wxSingleChoiceDialog dialog(this, to_wx("Merge \"" + tree.path(source) + "\" into:"), "Merge code", choices);
    fit_choice_list(dialog);
    if (dialog.ShowModal() != wxID_OK) return;
    const auto target = ids[static_cast<std::size_t>(dialog.GetSelection())];
    if (codes_->drop(source, target, true)) wb_.select_code(target);
}

void MainFrame::on_move_code_top(wxCommandEvent&) {
    if (wb_.selected_code()) codes_->drop(*wb_.selected_code(), std::nullopt, false);
}
void MainFrame::on_update_has_code(wxUpdateUIEvent& e) { e.Enable(wb_.is_open() && wb_.selected_code().has_value()); }

void MainFrame::on_quick_code(wxCommandEvent& event) {
    const auto quick = quick_codes();
    const auto n = static_cast<std::size_t>(event.GetId() - kIdQuickCode1);
    const auto span = transcript_->selection();
    if (n >= quick.size() || !span || transcript_->editing()) return;  // edit mode: Ctrl+digit codes nothing
    wb_.select_code(quick[n]);
    wb_.run(core::ApplyCodings({{*transcript_->document(), *span}}, quick[n], wb_.coder()));
}
void MainFrame::on_update_quick_code(wxUpdateUIEvent& e) {
    const auto quick = quick_codes();
    const auto n = static_cast<std::size_t>(e.GetId() - kIdQuickCode1);
    const int k = static_cast<int>(n) + 1;
    if (n < quick.size()) e.SetText(wxString::Format("&%d ", k) + to_wx(wb_.code_path(quick[n])) + wxString::Format("\tCtrl+%d", k));
    e.Enable(n < quick.size() && transcript_->selection().has_value());
}

// --- View and Help ---

void MainFrame::on_reset_layout(wxCommandEvent&) { aui_.LoadPerspective(to_wx(default_perspective_)); }

void MainFrame::on_shortcuts(wxCommandEvent&) {
    ShortcutsDialog(this, shortcuts_text()).ShowModal();
}

}  // namespace comb::gui
