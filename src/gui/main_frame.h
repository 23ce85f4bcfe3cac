// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MainFrame: wires the panels (documents, transcript, codes, code editor) into wxAUI panes and
// turns menu commands into core commands through the Workbench. Menus come from one table
// (id, label, shortcut, handler, update handler); handlers come in pairs on_x / on_update_x.
// Remembers its layout, recent files and the last position in the last document. Pane layout
// and keyboard focus between panes live in main_frame_panes.cpp.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/aui/aui.h>
#include <wx/filehistory.h>
#include <wx/frame.h>

#include "gui/export_jobs.h"
#include "gui/navigation_history.h"
#include "gui/settings.h"
#include "gui/workbench.h"

namespace comb::gui {

class TranscriptView;
class CodePanel;
class BackgroundTask;
class CodeEditor;
class CodedSegmentsView;
class DocumentTree;
class ImportTask;
class IndexRebuilds;
class FileCheck;
class LiveUpdates;
class MatrixView;
class SearchView;
class ThemePanel;
class DisagreementView;

class MainFrame : public wxFrame {
public:
    explicit MainFrame(Settings& settings);
    ~MainFrame() override;

    // Opens a project (and restores the last document and position if it was the last one).
    // Errors are shown; returns false then.
    bool open_project(const std::filesystem::path& path, std::unique_ptr<core::Repository> opened = nullptr);
    // A shared project by its postgresql:// URI (asking for a password when the server wants
    // one); false, with the reason shown, when it cannot be opened.
    // Connects on a worker thread behind a busy dialog with Cancel, so the window never waits
    // for the server (an unreachable host gives up after connect_timeout, 10 s unless the URI
    // says otherwise, with the host and reason shown).
    bool open_shared(std::string uri);
    // Tests: called every few ms while connecting with the time spent; true cancels.
    void set_connect_watch(std::function<bool(int elapsed_ms)> watch) { connect_watch_ = std::move(watch); }
    // Opens the user's copy of the example project (gui/open_files.h); errors are shown.
    bool open_example();
    // Starts reading files into the open project on a worker thread.
    void import_files(std::vector<std::filesystem::path> files);
    bool is_importing() const { return import_ != nullptr; }

    Workbench& workbench() { return wb_; }
    // Puts `backup` in place of the open project (closing and reopening it; what it held is
    // backed up first, store/restore.h); errors are shown, false returned. The banner shown
    // while the project is read-only (empty when it is not).
    bool restore_backup(const std::filesystem::path& backup);
    const std::string& read_only_banner() const { return read_only_banner_; }
    // Asks the user for a line of text (a text entry dialog, Enter accepts); tests replace it.
    using Prompt = std::function<std::optional<std::string>(const std::string& question, const std::string& value)>;
    void set_prompt(Prompt prompt) { prompt_ = std::move(prompt); }
    // Asks a yes/no question (a message box); tests replace it.
    void set_confirm(std::function<bool(const std::string&)> confirm) { confirm_ = std::move(confirm); }
    CodedSegmentsView& segments() { return *segments_; }
    // Tools: case attributes from a CSV/XLSX sheet; a built-in codebook by name or a .qdc file.
    // Each one undoable command; errors are reported and false returned.
    bool import_attributes(const std::filesystem::path& sheet);
    bool load_codebook(const std::string& name_or_file);
    // Opens the coded segments of a code (shows the pane).
    void show_coded_segments(core::CodeId code);
    TranscriptView& transcript() { return *transcript_; }
    CodePanel& codes() { return *codes_; }
    CodeEditor& editor() { return *editor_; }
    DocumentTree& documents() { return *documents_; }
    MatrixView& matrix() { return *matrix_; }
    SearchView& search() { return *search_; }
    ThemePanel& themes() { return *themes_; }
    LiveUpdates& live() { return *live_; }
    // Starts writing the theme table, the summary, the codebook or the REFI-QDA project
    // (`which`: kIdExport..., the format from the extension) on a worker thread; false when it
    // cannot start (no project, unknown theme-table format, an export running). The status bar
    // says where it was written; errors are shown.
    bool export_report(int which, const std::filesystem::path& path);
    // Starts one export on a worker; `then` runs on the main thread after it succeeded
    // (instead of the status bar's "Wrote ..."). False while another export runs.
    bool start_export(ExportRequest request, std::function<void()> then = {});
    bool is_exporting() const { return export_ != nullptr; }
    // The running search index rebuild, or nullptr.
    BackgroundTask* index_rebuild_task();
    BackgroundTask* export_task() { return export_.get(); }
    wxAuiManager& aui() { return aui_; }
    // The first nine codes in tree order: Ctrl+1..9.
    std::vector<core::CodeId> quick_codes() const;
    // The shortcut list shown in Help, one "Ctrl+E  Code the selection..." per line.
    std::string shortcuts_text() const;

    // Names of the panes in keyboard order (F6 goes forward through the shown ones).
    static const std::vector<std::string>& pane_order();
    NavigationHistory& navigation() { return navigation_; }
    // Shows a pane and puts the keyboard focus in it.
    void focus_pane(const std::string& name);
    // The shown pane holding the keyboard focus, or empty.
    std::string focused_pane() const;
    // Loads a saved layout; panes it does not know (added since it was saved) are shown
    // where the default layout puts them, so a new pane never starts hidden.
    void restore_perspective(const std::string& saved);

    // Team coding (main_frame_team.cpp). Merges a colleague's copy (.comb or .qdpx) after a
    // backup, as one undoable step; returns the report as text (empty when it failed: the
    // error went to the workbench). File > Merge shows the same text.
    std::string merge_project(const std::filesystem::path& other);
    // Shows merge_project's report in a message box (File > Merge does after merging).
    void show_merge_report(const std::string& report);
    // Opens (or raises) the disagreement window.
    DisagreementView& open_disagreements();
    DisagreementView* disagreements() { return disagreements_; }

    // The menu bar's table; context menus take their items from it (menu_items.h).
    // One row of the menu table. A row with an empty label is a separator; `menu` names the menu
    // the row goes in (rows of one menu are consecutive).
    struct MenuEntry {
        const char* menu;
        int id;
        const char* label;
        const char* shortcut;
        const char* help;
        void (MainFrame::*on)(wxCommandEvent&);
        void (MainFrame::*on_update)(wxUpdateUIEvent&);
    };
    static const std::vector<MenuEntry>& menu_table() { return kMenuTable; }

private:
    // Data, not a function: one line per menu item, in menu order (main_frame.cpp).
    static const std::vector<MenuEntry> kMenuTable;
    void on_merge_project(wxCommandEvent&);
    void build_storage();  // main_frame_storage.cpp
    void on_restore_backup(wxCommandEvent&);
    void on_update_editing(wxUpdateUIEvent&);
    void update_read_only_banner();
    wxWindow* read_only_bar_ = nullptr;
    wxWindow* read_only_text_ = nullptr;  // a wxStaticText
    std::string read_only_banner_;
    core::Subscription storage_switched_;
    void on_coder_view(wxCommandEvent&);
    void on_disagreements(wxCommandEvent&);
    void apply_coder();          // the coder name from the settings to the workbench
    void update_coder_status();  // the status bar's coder field
    void build_menus();
    void build_panes();
    void save_session();
    void restore_geometry();
    void save_geometry();
    void update_status();
    void update_title();
    void start_live_updates();
    bool has_project() const { return wb_.is_open(); }
    bool can_code() const;

    // Handler pairs.
    void on_new_project(wxCommandEvent&);
    void on_open(wxCommandEvent&);
    // File > Open shared project... (main_frame_shared.cpp): a postgresql:// URI, a password
    // asked for when the server wants one (kept in this process only), the status bar told
    // when the server goes out of reach and comes back.
    void on_open_shared(wxCommandEvent&);
    void watch_connection();
    struct Connected;
    Connected connect_shared(const std::string& uri);
    std::function<bool(int)> connect_watch_;
    void on_recent(wxCommandEvent&);
    void on_import(wxCommandEvent&);
    void on_update_import(wxUpdateUIEvent&);
    void on_export(wxCommandEvent&);
    void on_update_export(wxUpdateUIEvent&);
    void on_rebuild_index(wxCommandEvent&);
    void on_update_rebuild_index(wxUpdateUIEvent&);
    void on_close_project(wxCommandEvent&);
    void on_update_has_project(wxUpdateUIEvent&);
    void on_quit(wxCommandEvent&);
    void on_correct_text(wxCommandEvent&);         // edit_mode.h
    void on_update_correct_text(wxUpdateUIEvent&);
    void on_edit_transcript(wxCommandEvent&);      // transcript_edit.h
    void on_update_edit_transcript(wxUpdateUIEvent&);
    void on_pseudonymise(wxCommandEvent&);         // pseudonymise_dialog.h
    void on_undo(wxCommandEvent&);
    void on_update_undo(wxUpdateUIEvent&);
    void on_redo(wxCommandEvent&);
    void on_update_redo(wxUpdateUIEvent&);
    void on_find(wxCommandEvent&);
    void on_find_next(wxCommandEvent&);
    void on_update_has_document(wxUpdateUIEvent&);
    void on_preferences(wxCommandEvent&);
    void on_code_selection(wxCommandEvent&);
    void on_update_code_selection(wxUpdateUIEvent&);
    void on_in_vivo(wxCommandEvent&);
    void on_update_in_vivo(wxUpdateUIEvent&);
    void on_new_code(wxCommandEvent&);
    void on_new_child_code(wxCommandEvent&);
    void on_uncode(wxCommandEvent&);
    void on_update_code_selection_any(wxUpdateUIEvent&);
    void on_rename_code(wxCommandEvent&);
    void on_delete_code(wxCommandEvent&);
    void on_merge_code(wxCommandEvent&);
    void on_move_code_top(wxCommandEvent&);
    void on_update_has_code(wxUpdateUIEvent&);
    void on_quick_code(wxCommandEvent&);
    void on_update_quick_code(wxUpdateUIEvent&);
    void on_show_pane(wxCommandEvent&);
    void on_cycle_pane(wxCommandEvent&);
    void on_update_rename(wxUpdateUIEvent&);
    void on_reset_layout(wxCommandEvent&);
    void on_shortcuts(wxCommandEvent&);
    void on_about(wxCommandEvent&);
    void on_open_example(wxCommandEvent&);
    void on_close(wxCloseEvent&);
    // main_frame_navigation.cpp: undo/redo keys in every pane, Back/Forward through jumps.
    void install_navigation();
    void on_char_hook(wxKeyEvent&);
    void on_back(wxCommandEvent&);
    void on_update_back(wxUpdateUIEvent&);
    void on_forward(wxCommandEvent&);
    void on_update_forward(wxUpdateUIEvent&);
    std::optional<NavigationHistory::Place> current_place() const;
    void go_to(const NavigationHistory::Place& place);

    // main_frame_coding.cpp
    void on_coded_segments(wxCommandEvent&);
    void on_code_with_new_code(wxCommandEvent&);
    void on_recent_code(wxCommandEvent&);
    // main_frame_tools.cpp
    void on_import_attributes(wxCommandEvent&);
    void on_load_codebook(wxCommandEvent&);
    void code_selection_as(const std::string& path);
    void rename_selected_code();

    void new_code(std::optional<core::CodeId> parent);
    void export_summary();
    void apply_appearance();

    Settings& settings_;
    Workbench wb_;
    std::unique_ptr<IndexRebuilds> index_rebuilds_;  // before the panes: they see the index it keeps
    std::unique_ptr<FileCheck> file_check_;  // the whole-file check of each project opened
    wxAuiManager aui_;
    wxFileHistory history_;
    std::string default_perspective_;
    TranscriptView* transcript_ = nullptr;
    CodePanel* codes_ = nullptr;
    CodeEditor* editor_ = nullptr;
    DocumentTree* documents_ = nullptr;
    MatrixView* matrix_ = nullptr;
    SearchView* search_ = nullptr;
    ThemePanel* themes_ = nullptr;
    CodedSegmentsView* segments_ = nullptr;
    Prompt prompt_;
    std::function<bool(const std::string&)> confirm_;
    std::unique_ptr<ImportTask> import_;
    std::unique_ptr<BackgroundTask> export_;
    std::unique_ptr<LiveUpdates> live_;
    DisagreementView* disagreements_ = nullptr;
    NavigationHistory navigation_;
    bool navigating_ = false;  // a Back/Forward jump is not recorded as a new one
    core::Subscription changed_, switched_, coder_view_, jumping_, shown_, connection_;
};

}  // namespace comb::gui
