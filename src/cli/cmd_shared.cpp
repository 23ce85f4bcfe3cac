// SPDX-License-Identifier: GPL-3.0-or-later
// The shared project's commands: comb copy FROM TO (a whole project between a file and a
// server, either way) and comb role URI [PERSON ROLE] (who may do what on a server project).
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "core/error.h"
#include "store_pg/copy_project.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_project.h"

namespace comb::cli {

namespace {

void register_role(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("role", "List who may do what on a shared project, or give PERSON (a PostgreSQL "
                                           "login) the role owner, coder, reader or none (owners only)");
    auto project = std::make_shared<std::string>();
    auto person = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The shared project's postgresql:// URI")->required();
    cmd->add_option("person", *person, "A PostgreSQL login");
    cmd->add_option("role", *role, "owner | coder | reader | none");
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, person, role, as_json] {
        action = [project, person, role, as_json] {
            if (!store::is_server_location(*project)) {
                throw core::InputError::argument("roles are for shared projects (postgresql://...); a file is its owner's");
            }
            if (!person->empty() && role->empty()) throw core::InputError::argument("give the role too: owner, coder, reader or none");
            auto pg = store::PgProject::open(*project);
            if (!person->empty()) pg->set_role(*person, *role);
            const auto roles = pg->roles();
            if (*as_json) {
                json out = json::array();
                for (const auto& [who, what] : roles) out.push_back({{"person", who}, {"role", what}});
                print_json(out);
            } else {
                std::vector<std::vector<std::string>> rows;
                for (const auto& [who, what] : roles) rows.push_back({who, what});
                print_table({"person", "role"}, rows);
            }
            return 0;
        };
    });
}

void register_copy(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("copy", "Copy a whole project, history included, into a new file or an empty "
                                           "PostgreSQL database (postgresql://...), or back");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("from", *from, "The project: a file or a postgresql:// URI")->required();
    cmd->add_option("to", *to, "A new file, or the URI of an empty database")->required();
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, from, to, as_json] {
        action = [from, to, as_json] {
            const auto source = store::open_store(*from);
            const auto target = store::create_store(*to);
            const auto n = store::copy_project(*source, *target);
            if (*as_json) {
                print_json({{"from", store::display_location(*from)}, {"to", store::display_location(*to)},
                            {"texts", n.texts}, {"cases", n.cases}, {"documents", n.documents}, {"codes", n.codes},
                            {"codings", n.codings}, {"memos", n.memos}, {"themes", n.themes}, {"history", n.history}});
            } else {
                std::cout << "Copied " << store::display_location(*from) << " to " << store::display_location(*to) << ": "
                          << n.documents << " documents, " << n.codes << " codes, " << n.codings << " codings, " << n.memos
                          << " memos, " << n.themes << " themes, " << n.history << " history entries\n";
            }
            return 0;
        };
    });
}

}  // namespace

void register_shared_commands(CLI::App& app, Action& action) {
    register_copy(app, action);
    register_role(app, action);
}

}  // namespace comb::cli
