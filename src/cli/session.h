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

namespace comb::cli {

class Session {
public:
    // Opens the project; warns on stderr about risky folders. Throws InputError.
    explicit Session(const std::filesystem::path& path);

    core::Project& project() { return project_; }
    store::ProjectFile& file() { return *file_; }
    core::Repository& repo() { return *file_; }

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

    std::unique_ptr<store::ProjectFile> file_;
    core::Project project_;
    bool rolling_checked_ = false;  // the rolling backup is looked at once per run
    index::IndexUpkeep upkeep_;
};

}  // namespace comb::cli
