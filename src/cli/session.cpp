// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "core/error.h"
#include "store/backup.h"
#include "store/project_file.h"
#include "store_pg/pg_project.h"

namespace comb::cli {

Session::Session(const std::filesystem::path& location)
    : file_(store::open_store(location.string())), project_(*file_),
      upkeep_(project_, store::local_index_anchor(location.string()),
              [this](const index::IndexUpkeep::RebuildCause& cause) { build_index(cause); }) {
    if (store::is_server_location(location.string())) return;
    if (const auto warning = store::location_warning(location); !warning.empty()) {
        std::cerr << "comb: warning: " << warning << "\n";
    }
    // A presence record for as long as this command runs, so open windows' title bars show
    // "comb (script) by NAME" (issue 12). Without one (a read-only folder) the command still
    // runs: the record only tells others, and a read has nothing to announce.
    try {
        file().announce(project_.coder(), "comb");
    } catch (const core::StoreError&) {
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
    // A shared project's backups are its server administrator's (pg_dump, comb copy).
    auto* file = dynamic_cast<store::ProjectFile*>(file_.get());
    if (!rolling_checked_ && file && !file->read_only()) {
        rolling_checked_ = true;
        // Silent (comb backups lists them); an empty project has nothing to keep. A rolling
        // copy that cannot be made (a full disk) must not stop the work: said, not thrown.
        try {
            if (file->change_counter() > 0) store::rolling_backup(*file, project_.now());
        } catch (const std::exception& e) {
            std::cerr << "comb: warning: no rolling backup was made (" << e.what() << ")\n";
        }
    }
    return project_.execute(command);
}

std::filesystem::path Session::backup_before(std::string_view reason) {
    auto* file = dynamic_cast<store::ProjectFile*>(file_.get());
    if (!file) return {};  // a shared project: the server's backups are its administrator's
    return store::backup_project(*file, reason, project_.now());
}

core::Document Session::document(const std::string& ref) {
    // By key: a list of every document (with its turns) made each `comb code` cost more on
    // a larger project.
    if (auto d = file_->find_document_by_name(ref)) return std::move(*d);
    if (!ref.empty() && ref.size() < 19 && ref.find_first_not_of("0123456789") == std::string::npos) {
        if (auto d = file_->find_document(core::DocumentId(std::stoll(ref)))) return std::move(*d);
    }
    throw core::InputError::argument("no document \"" + ref + "\" (give its id or name; see comb docs)");
}

std::string Session::text_of(const core::Document& doc) { return file_->text(doc.text_id); }

std::optional<std::string> Session::case_name(std::optional<core::CaseId> id) {
    if (!id) return std::nullopt;
    // By key: `comb docs` asks once per document, and reading every case each time made
    // listing 2,000 documents of 2,000 cases take a second (4 million rows).
    const auto c = file_->find_row(core::Case{*id, "", ""});
    return c ? std::optional(std::get<core::Case>(*c).name) : std::nullopt;
}

store::ProjectFile& Session::file(const char* what) {
    if (auto* f = dynamic_cast<store::ProjectFile*>(file_.get())) return *f;
    throw core::InputError::argument(std::string(what) + " works on project files only, not on a shared project "
                                     "(postgresql://); comb copy the project to a file first");
}

void Session::compact_securely() {
    if (auto* pg = dynamic_cast<store::PgProject*>(file_.get())) pg->compact_securely();
    else file().compact_securely();
}

std::string Session::coder() const { return project_.coder(); }

CLI::App* add_project_command(CLI::App& app, Action& action, const std::string& name, const std::string& help,
                              std::function<int(Session&, bool json)> run) {
    auto* cmd = app.add_subcommand(name, help);
    auto project = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    add_project_arg(cmd, *project);
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
