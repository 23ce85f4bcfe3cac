// SPDX-License-Identifier: GPL-3.0-or-later
// comb copy FROM TO: a whole project between a file and a server (either way, or file to file).
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "store_pg/copy_project.h"
#include "store_pg/open_store.h"

namespace comb::cli {

void register_copy_command(CLI::App& app, Action& action) {
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

}  // namespace comb::cli
