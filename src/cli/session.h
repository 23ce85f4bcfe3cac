// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An open project for one CLI invocation: the file, the Project running commands on it,
// and the index::IndexUpkeep that keeps the search index current after each change (the
// CLI's rebuilds run at once, with a notice on stderr).
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/code_paths.h"
#include "core/error.h"
#include "core/project.h"
#include "index/index_upkeep.h"
#include "store/project_file.h"
#include "store_pg/open_store.h"

namespace comb::cli {

class Session {
public:
    // Opens the project: a file (warning on stderr about risky folders) or a postgresql://
    // URI (the index kept in the local state folder; see store::local_index_anchor).
    // Throws InputError.
    explicit Session(const std::filesystem::path& location);

    core::Project& project() { return project_; }
    core::Repository& repo() { return *file_; }
    // The project file, for what only a file has (its path, backups, secure compaction).
    // Throws InputError::argument naming `what` on a shared project (postgresql://).
    store::ProjectFile& file(const char* what = "this");
    // Where this project's search index is kept (beside a file; a local cache for a server).
    const std::filesystem::path& index_folder() const { return upkeep_.folder(); }
    // After pseudonymising: no old page (SQLite) or dead row version (PostgreSQL) keeps an original.
    void compact_securely();

    // Runs a command, then lets derived data catch up. Returns the applied change set. The
    // first command of a session makes the rolling backup when one is due (store/backup.h).
    core::ChangeSet run(const core::Command& command);
    // A backup before a command that cannot be taken back lightly (a bulk delete), silently
    // (comb backups lists it). Throws InputError when it cannot be made (a full disk): the
    // command must not run then.
    std::filesystem::path backup_before(std::string_view reason);

    // DOC as the CLI takes it: an id or a document name. Throws InputError.
    core::Document document(const std::string& ref);
    std::string text_of(const core::Document& doc);
    std::optional<std::string> case_name(std::optional<core::CaseId> id);
    std::string coder() const;

    // The search index, rebuilt first when missing, stale or corrupt (said on stderr).
    // Throws IndexError when it cannot be built.
    index::PassageIndex& index();
    // Builds the index afresh: `reason` "requested" (comb index --rebuild) says nothing;
    // others ("corrupt: ...") are said on stderr. Throws IndexError when it cannot be built.
    index::PassageIndex& rebuild_index(const std::string& reason);
    // Runs `work` on the index; if the index turns out damaged mid-way, rebuilds it and
    // retries once.
    template <class Work>
    auto with_index(Work work) {
        try {
            return work(index());
        } catch (const core::IndexError& e) {
            return work(rebuild_index(e.what()));
        }
    }

private:
    // IndexUpkeep's StartRebuild: builds on this thread, then reports back.
    void build_index(const index::IndexUpkeep::RebuildCause& cause);
    index::PassageIndex& current_index();

    std::unique_ptr<core::Repository> file_;  // store::ProjectFile or store::PgProject
    core::Project project_;
    bool rolling_checked_ = false;  // the rolling backup is looked at once per run
    index::IndexUpkeep upkeep_;
};

}  // namespace comb::cli
