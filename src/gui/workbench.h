// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Workbench: the state the panels of the window share, without any wx type. It owns the open
// project (file + core::Project + the index::IndexUpkeep that keeps its search index current),
// runs every user action as a core command (one transaction, undoable), and publishes which
// project, document and code are current. Panels subscribe
// and keep their Subscriptions as members.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/project.h"
#include "core/signal.h"
#include "gui/coder_filter.h"
#include "index/index_upkeep.h"
#include "store/project_file.h"

namespace comb::gui {

struct ProjectSwitched {};  // a project was opened or closed; project() may be absent
struct CodeSelected { std::optional<core::CodeId> code; };
struct DocumentSelected { core::DocumentId document; std::optional<core::Span> span; };
struct CoderViewChanged {};  // whose codings the views show changed
// The transcript now shows this document (or none): the tree and status bar follow it.
struct DocumentShown { std::optional<core::DocumentId> document; };
struct ConnectionChanged { bool lost; };  // a shared project's server went out of reach, or came back

class Workbench {
public:
    Workbench() = default;
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;
    ~Workbench();

    // A project file or a postgresql:// URI (store::open_store). Throw core::InputError (bad
    // or missing file, existing file for create, a server that cannot be reached).
    // `opened`: the store at `path` already opened (a shared project connected on a worker).
    void open(const std::filesystem::path& path, std::unique_ptr<core::Repository> repo = nullptr);
    void create(const std::filesystem::path& path);
    void close();

    bool is_open() const { return project_ != nullptr; }
    // Opens projects read-only from now on (comb-gui --read-only); a project that cannot be
    // written opens read-only anyway. read_only_reason(): why the open project cannot be
    // changed ("opened read-only", "no write permission", ...); empty when it can.
    void set_read_only(bool on) { read_only_ = on; }
    std::string read_only_reason() const {
        const auto* f = dynamic_cast<const store::ProjectFile*>(file_.get());
        return f ? f->read_only_reason() : std::string();
    }
    // The project file; nullptr for a shared project (postgresql://), whose backups are the server's.
    store::ProjectFile* file() { return dynamic_cast<store::ProjectFile*>(file_.get()); }
    core::Project& project() { return *project_; }
    core::Repository& repo() { return *file_; }
    const std::filesystem::path& path() const { return path_; }
    // The search index's keeper for the open project (present while one is open).
    index::IndexUpkeep& index() { return *index_; }
    // Where index rebuilds run (the frame: a worker thread). Without one they run at once.
    void set_index_rebuilder(index::IndexUpkeep::StartRebuild start) { start_rebuild_ = std::move(start); }

    // Runs one command. A core::Error goes to the error handler (a message box in the
    // window, a recorder in tests) and false is returned; the project is then unchanged.
    bool run(const core::Command& command);
    // A backup before an action that deletes much (store/backup.h); false (the error shown)
    // when it cannot be made, and the action must not run then.
    bool backup_first(std::string_view reason);
    // `key`: for a step that holds pseudonymised names (core/pseudonyms.h).
    bool undo(const core::NameMatcher* key = nullptr);
    bool redo(const core::NameMatcher* key = nullptr);
    void set_error_handler(std::function<void(const std::string&)> handler) { on_error_ = std::move(handler); }
    void report_error(const std::string& message) const;

    // The code new codings get (the one selected in the code tree).
    std::optional<core::CodeId> selected_code() const { return selected_code_; }
    void select_code(std::optional<core::CodeId> code);
    // Asks the transcript to show a document (and select a span).
    void show_document(core::DocumentId doc, std::optional<core::Span> span = std::nullopt);
    // The path of a code ("Parent/Child") in the current project; throws InputError if gone.
    std::string code_path(core::CodeId id) const;
    // The coder new codings and memos are recorded under: the name set from the settings
    // (asked on first use), else COMB_CODER or the login name.
    std::string coder() const;
    void set_coder(std::string name);
    // Whose codings the views show (all, one, a comparison, blind); see coder_filter.h.
    const CoderView& coder_view() const { return coder_view_; }
    void set_coder_view(CoderView view);
    bool shows_coder(const std::string& coder) const { return shows(coder_view_, coder, this->coder()); }
    // Each coder's colour in the open project (coder_palette.h): read when first needed.
    CoderPalette& coder_palette() { return palette_; }
    // Up to `n` codes of the most recent codings, newest first (the context menu offers them).
    std::vector<core::CodeId> recent_codes(std::size_t n) const;

    // Other writers (docs/concurrency.md): publishes what other processes and windows
    // committed since the last call through project().changed() (the window's timer calls
    // this a few times a second). A file that cannot be read now is tried again next time;
    // returns the number of events published.
    std::size_t catch_up();
    // Who else has the project open, from the presence record ("Sam", "comb (script) by Ann"), for the
    // title bar; other windows of this process count as others.
    std::vector<std::string> others_present() const;
    // A shared project (postgresql://): whether the last catch-up found the server out of
    // reach; published when that changes (the status bar says so).
    bool is_shared() const;
    bool connection_lost() const { return connection_lost_; }
    core::Signal<ConnectionChanged>& connection_changed() { return connection_changed_; }

    core::Signal<ProjectSwitched>& project_switched() { return project_switched_; }
    core::Signal<CodeSelected>& code_selected() { return code_selected_; }
    core::Signal<DocumentSelected>& document_selected() { return document_selected_; }
    core::Signal<CoderViewChanged>& coder_view_changed() { return coder_view_changed_; }
    // Published by show_document before document_selected, while the transcript still shows
    // where the user was (navigation history records the place left).
    core::Signal<DocumentSelected>& about_to_jump() { return about_to_jump_; }
    core::Signal<DocumentShown>& document_shown() { return document_shown_; }

private:
    template <class F> bool guarded(F&& f);
    void opened(std::unique_ptr<core::Repository> file, const std::filesystem::path& path);
    void set_connection_lost(bool lost);
    void rebuild_index(const index::IndexUpkeep::RebuildCause& cause);
    void start();
    void watch();
    void announce();
    // Who has the project open: the file's presence folder, or the server's table (with this
    // window's heartbeat); nobody while the server is out of reach.
    std::vector<store::Presence> presence() const;

    std::filesystem::path path_;
    bool read_only_ = false;
    std::unique_ptr<core::Repository> file_;  // store::ProjectFile, or store::PgProject for a postgresql:// URI
    bool connection_lost_ = false;
    core::Signal<ConnectionChanged> connection_changed_;
    std::unique_ptr<core::Project> project_;
    std::unique_ptr<index::IndexUpkeep> index_;
    index::IndexUpkeep::StartRebuild start_rebuild_;
    std::optional<core::CodeId> selected_code_;
    std::string coder_;
    core::Subscription changed_;
    std::function<void(const std::string&)> on_error_;
    core::Signal<ProjectSwitched> project_switched_;
    core::Signal<CodeSelected> code_selected_;
    core::Signal<DocumentSelected> document_selected_;
    CoderView coder_view_;
    CoderPalette palette_;
    core::Signal<CoderViewChanged> coder_view_changed_;
    core::Signal<DocumentSelected> about_to_jump_;
    core::Signal<DocumentShown> document_shown_;
};

}  // namespace comb::gui
