// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An open project for one CLI invocation: the file, the Project running commands on it,
// and the hooks that keep derived data (the index) current after each change.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/code_paths.h"
#include "core/project.h"
#include "index/passage_index.h"
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
    index::PassageIndex& index();

private:
    std::unique_ptr<store::ProjectFile> file_;
    core::Project project_;
    bool rolling_checked_ = false;
    // Keeps the index current after every command, undo and redo (only affected passages).
    void update_index(const core::ChangeSet& changes);
    std::unique_ptr<index::PassageIndex> index_;
    core::Subscription index_hook_;
};

}  // namespace comb::cli
