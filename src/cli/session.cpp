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
    : file_(store::ProjectFile::open(path)), project_(*file_),
      upkeep_(project_, path, [this](const index::IndexUpkeep::RebuildCause& cause) { build_index(cause); }) {
    if (const auto warning = store::location_warning(path); !warning.empty()) {
        std::cerr << "comb: warning: " << warning << "\n";
    }
}

void Session::build_index(const index::IndexUpkeep::RebuildCause& cause) {
    // Said unless the user asked, or a bulk import or the project's first change makes it
    // (nobody expects an index then).
    const bool first_build = cause.after_change && cause.reason == "missing" && file_->change_counter() == 1;
    if (cause.reason != "requested" && cause.reason != "bulk import" && !first_build) {
        std::cerr << "comb: rebuilding the search index (" << cause.reason << ")\n";
    }
    try {
        TerminalProgress progress;
        index::IndexUpkeep::build(*file_, upkeep_.folder(), progress);
    } catch (const core::IndexError& e) {
        upkeep_.rebuilt(false, e.what());
        return;
    }
    upkeep_.rebuilt(true);
}

index::PassageIndex& Session::current_index() {
    if (auto* ix = upkeep_.index()) return *ix;
    // A change after a failed build leaves it unbuilt; a search asks again.
    throw core::IndexError("build the search index in " + upkeep_.folder().string(), upkeep_.reason());
}

index::PassageIndex& Session::index() {
    if (upkeep_.state() != index::UpkeepState::ready) upkeep_.open(true);
    return current_index();
}

index::PassageIndex& Session::rebuild_index(const std::string& reason) {
    upkeep_.rebuild(reason);
    return current_index();
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
    throw core::InputError::argument("no document \"" + ref + "\" (give its id or name; see comb docs)");
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
