// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "core/error.h"
#include "store/backup.h"

namespace comb::cli {

Session::Session(const std::filesystem::path& path)
    : file_(store::ProjectFile::open(path)), project_(*file_) {
    if (const auto warning = store::location_warning(path); !warning.empty()) {
        std::cerr << "comb: warning: " << warning << "\n";
    }
    index_hook_ = project_.changed().subscribe([this](const core::ProjectChanged& e) { update_index(e.changes); });
}

index::PassageIndex& Session::index() {
    if (!index_) index_ = std::make_unique<index::PassageIndex>(index::PassageIndex::folder_for(file_->path()));
    TerminalProgress progress;
    index_->ensure_current(*file_, progress, [](const std::string& reason) {
        std::cerr << "comb: rebuilding the search index (" << reason << ")\n";
    });
    return *index_;
}

void Session::update_index(const core::ChangeSet& changes) {
    // The change is committed; a failing index must not fail the command. It stays stale
    // and the next command that needs it rebuilds it.
    try {
        if (!index_) index_ = std::make_unique<index::PassageIndex>(index::PassageIndex::folder_for(file_->path()));
        TerminalProgress progress;
        const auto reason = index_->update(*file_, changes, progress);
        const bool first_build = reason == "missing" && file_->change_counter() == 1;
        if (reason && *reason != "bulk import" && !first_build) {
            std::cerr << "comb: rebuilding the search index (" << *reason << ")\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "comb: warning: the search index will be rebuilt next time (" << e.what() << ")\n";
    }
}

core::ChangeSet Session::run(const core::Command& command) {
    if (!rolling_checked_ && !file_->read_only()) {
        rolling_checked_ = true;
        // Silent (comb backups lists them); an empty project has nothing to keep. A rolling
        // copy that cannot be made (a full disk) must not stop the work: said, not thrown.
        try {
            if (file_->change_counter() > 0) store::rolling_backup(*file_, project_.now());
        } catch (const std::exception& e) {
            std::cerr << "comb: warning: no rolling backup was made (" << e.what() << ")\n";
        }
    }
    return project_.execute(command);
}

std::filesystem::path Session::backup_before(std::string_view reason) {
    return store::backup_project(*file_, reason, project_.now());
}

core::Document Session::document(const std::string& ref) {
    const auto docs = file_->documents();
    for (const auto& d : docs) if (d.name == ref) return d;
    if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
        for (const auto& d : docs) if (std::to_string(d.id.value) == ref) return d;
    }
    throw core::InputError({"<argument>"}, "no document \"" + ref + "\" (give its id or name; see comb docs)");
}

std::string Session::text_of(const core::Document& doc) { return file_->text(doc.text_id); }

std::optional<std::string> Session::case_name(std::optional<core::CaseId> id) {
    if (!id) return std::nullopt;
    // By key: `comb docs` asks once per document, and reading every case each time made
    // listing 2,000 documents of 2,000 cases take a second (4 million rows).
    const auto c = file_->find_case(*id);
    return c ? std::optional(c->name) : std::nullopt;
}

std::string Session::coder() const { return project_.coder(); }

CLI::App* add_project_command(CLI::App& app, Action& action, const std::string& name, const std::string& help,
                              std::function<int(Session&, bool json)> run) {
    auto* cmd = app.add_subcommand(name, help);
    auto project = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, as_json, run] {
        action = [project, as_json, run] {
            Session s(*project);
            return run(s, *as_json);
        };
    });
    return cmd;
}

}  // namespace comb::cli
