// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/workbench.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "core/code_paths.h"
#include "core/error.h"
#include "core/identity.h"
#include "store/backup.h"
#include "store_pg/open_store.h"

namespace comb::gui {
namespace {

// The GUI's remembered coder name as resolve_coder takes it: none when empty.
std::optional<std::string> setting_of(const std::string& name) {
    return name.empty() ? std::nullopt : std::optional(name);
}

}  // namespace

Workbench::~Workbench() { close(); }

void Workbench::open(const std::filesystem::path& path, std::unique_ptr<core::Repository> repo) {
    auto file = repo ? std::move(repo)
              : store::is_server_location(path.string())
                    ? store::open_store(path.string())
                    : std::unique_ptr<core::Repository>(store::ProjectFile::open(path, {.read_only = read_only_}));  // throws before anything changes
    close();
    if (!store::is_server_location(path.string())) {
        if (const auto warning = store::location_warning(path); !warning.empty()) report_error(warning);
    }
    opened(std::move(file), path);
}

void Workbench::create(const std::filesystem::path& path) {
    auto file = store::create_store(path.string());
    close();
    opened(std::move(file), path);
}

void Workbench::opened(std::unique_ptr<core::Repository> file, const std::filesystem::path& path) {
    file_ = std::move(file);
    project_ = std::make_unique<core::Project>(*file_, core::resolve_coder(setting_of(coder_)));
    path_ = path;
    connection_lost_ = false;
    palette_ = CoderPalette(CoderPalette::Source([this] { return coders_in_order(*file_); }));
    // A server project's index is a local cache in the state folder (store::local_index_anchor).
    index_ = std::make_unique<index::IndexUpkeep>(*project_, store::local_index_anchor(path.string()),
                                                  [this](const index::IndexUpkeep::RebuildCause& c) { rebuild_index(c); });
    start();
    // The rolling copy when one is due (store/backup.h); one that cannot be made is said, not fatal.
    if (auto* f = this->file(); f && !f->read_only() && f->change_counter() > 0) {
        try {
            store::rolling_backup(*f, project_->now());
        } catch (const core::Error& e) {
            report_error(std::string("No rolling backup could be made: ") + e.what());
        }
    }
    project_switched_.publish({});
    index_->open(true);  // after the views have subscribed to it
}

void Workbench::rebuild_index(const index::IndexUpkeep::RebuildCause& cause) {
    if (start_rebuild_) return start_rebuild_(cause);
    try {
        core::NullProgress progress;
        index::IndexUpkeep::build(*file_, index_->folder(), progress);
        index_->rebuilt(true);
    } catch (const std::exception& e) {
        index_->rebuilt(false, e.what());
    }
}

void Workbench::close() {
    if (!project_) return;
    selected_code_.reset();
    changed_.reset();
    index_.reset();
    project_.reset();
    file_.reset();
    palette_ = CoderPalette();
    path_.clear();
    project_switched_.publish({});
}

template <class F>
bool Workbench::guarded(F&& f) {
    // The GUI's boundary for commands: the transaction has rolled back, so the user sees the
    // reason and the project is as it was.
    try {
        f();
        return true;
    } catch (const core::ConflictError& e) {
        // Someone else changed what the action depended on: say who, then show their change.
        report_error(e.what());
        catch_up();
    } catch (const core::Error& e) {
        report_error(e.what());
    } catch (const std::exception& e) {
        report_error(std::string("internal error: ") + e.what());
    }
    return false;
}

bool Workbench::backup_first(std::string_view reason) {
    if (!file_) return false;
    auto* f = file();
    if (!f) return true;  // a shared project: the server's backups are its administrator's
    return guarded([&] { store::backup_project(*f, reason, project_->now()); });
}

bool Workbench::run(const core::Command& command) {
    if (!project_) return false;
    return guarded([&] { project_->execute(command); });
}

bool Workbench::undo(const core::NameMatcher* key) {
    if (!project_ || !project_->undo_label()) return false;
    return guarded([&] { project_->undo(key); });
}

bool Workbench::redo(const core::NameMatcher* key) {
    if (!project_ || !project_->redo_label()) return false;
    return guarded([&] { project_->redo(key); });
}

void Workbench::report_error(const std::string& message) const {
    if (on_error_) on_error_(message);
    else std::cerr << "comb-gui: " << message << "\n";
}

void Workbench::select_code(std::optional<core::CodeId> code) {
    if (code == selected_code_) return;
    selected_code_ = code;
    code_selected_.publish({code});
}

void Workbench::show_document(core::DocumentId doc, std::optional<core::Span> span) {
    about_to_jump_.publish({doc, span});
    document_selected_.publish({doc, span});
}

std::string Workbench::code_path(core::CodeId id) const {
    return core::CodeTree(file_->codes()).path(id);
}

std::vector<core::CodeId> Workbench::recent_codes(std::size_t n) const {
    std::vector<core::CodeId> out;
    if (!file_) return out;
    auto codings = file_->codings();
    std::sort(codings.begin(), codings.end(), [](const core::Coding& a, const core::Coding& b) { return a.id.value > b.id.value; });
    const core::CodeTree tree(file_->codes());
    for (const auto& c : codings) {
        if (out.size() == n) break;
        if (std::find(out.begin(), out.end(), c.code) == out.end() && tree.find(c.code)) out.push_back(c.code);
    }
    return out;
}

void Workbench::start() {
    announce();
    watch();
}

void Workbench::watch() {
    // A code that goes away (deleted elsewhere, or its creation undone) is no longer current,
    // so no action is run against it.
    changed_ = project_->changed().subscribe([this](const core::ProjectChanged& e) {
        if (selected_code_ && e.touches(core::RowKind::code) && !core::CodeTree(file_->codes()).find(*selected_code_)) {
            select_code(std::nullopt);
        }
    });
}

std::size_t Workbench::catch_up() {
    if (!project_) return 0;
    try {
        const auto n = project_->catch_up();
        set_connection_lost(false);
        return n;
    } catch (const core::StoreError& e) {
        // Busy or briefly unreadable (a file), or the server is out of reach: the views stay
        // readable as they are and the next tick tries again (a server: connecting anew).
        if (is_shared()) set_connection_lost(true);
        return 0;
    }
}

bool Workbench::is_shared() const { return file_ && store::is_server_location(path_.string()); }

void Workbench::set_connection_lost(bool lost) {
    if (lost == connection_lost_) return;
    connection_lost_ = lost;
    connection_changed_.publish({lost});
}

void Workbench::announce() {
    auto* board = dynamic_cast<store::PresenceBoard*>(file_.get());
    if (!board) return;
    try {
        board->announce(coder(), "comb-gui");
    } catch (const core::StoreError& e) {
        // Working without a presence record only hides this window from the others' title bars.
        report_error(std::string("Others will not see that you have the project open: ") + e.what());
    }
}

std::vector<store::Presence> Workbench::presence() const {
    auto* board = dynamic_cast<store::PresenceBoard*>(file_.get());
    if (!board || connection_lost_) return {};  // a server out of reach: nobody to ask (the catch-up says so)
    try {
        board->heartbeat();
        return board->presence();
    } catch (const core::Error&) {
        return {};  // the next catch-up finds the server gone and says so
    }
}

std::vector<std::string> Workbench::others_present() const {
    std::vector<std::string> out;
    bool me = false;  // this window's own record (other windows of this process are others)
    for (const auto& p : presence()) {
        if (p.self && !me && p.coder == coder() && p.program == "comb-gui") {
            me = true;
            continue;
        }
        if (p.program == "comb-gui") out.push_back(p.coder);
        else if (p.program == "comb") out.push_back("comb (script) by " + p.coder);  // a CLI command running
        else out.push_back(p.coder + " (" + p.program + ")");
    }
    return out;
}

std::string Workbench::coder() const {
    // One resolution for every front end (core::resolve_coder: COMB_CODER, else the name
    // set in the GUI's settings, else the login name); the project stamps it.
    return project_ ? project_->coder() : core::resolve_coder(setting_of(coder_));
}

void Workbench::set_coder(std::string name) {
    coder_ = std::move(name);
    if (project_) {
        project_->set_coder(core::resolve_coder(setting_of(coder_)));
        announce();
    }
    if (coder_view_.mode == CoderMode::blind) coder_view_changed_.publish({});
}

void Workbench::set_coder_view(CoderView view) {
    if (view == coder_view_) return;
    coder_view_ = std::move(view);
    coder_view_changed_.publish({});
}

}  // namespace comb::gui
