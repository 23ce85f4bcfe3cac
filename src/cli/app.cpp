// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/app.h"

#include <iostream>

#include "cli/help_topics.h"
#include "core/error.h"

namespace comb::cli {

namespace {

// comb help: the topics; comb help TOPIC: its text; comb help SUBCOMMAND: the subcommand's --help.
void register_help(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("help", "Workflows explained: comb help lists the topics, comb help TOPIC shows one");
    auto topic = std::make_shared<std::string>();
    cmd->add_option("topic", *topic, "A topic (import, coding, tags, matrices, exchange) or a subcommand");
    cmd->callback([&app, &action, topic] {
        action = [&app, topic] {
            if (topic->empty()) {
                std::cout << "Topics (comb help TOPIC):\n";
                for (const auto& t : help_topics()) {
                    std::cout << "  " << t.name << std::string(t.name.size() < 12 ? 12 - t.name.size() : 1, ' ') << t.summary
                              << "\n";
                }
                std::cout << "\nEvery subcommand also explains itself: comb SUBCOMMAND --help (or comb help SUBCOMMAND).\n";
                return 0;
            }
            if (const auto* t = find_help_topic(*topic)) {
                std::cout << t->text;
                return 0;
            }
            for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
                if (sub->get_name() == *topic && sub->get_name() != "help") {
                    std::cout << sub->help("comb");
                    return 0;
                }
            }
            std::string names;
            for (const auto& t : help_topics()) names += (names.empty() ? "" : ", ") + t.name;
            throw core::InputError::argument("no help topic \"" + *topic + "\" (topics: " + names +
                                             "; or a subcommand, see comb --help)");
        };
    });
}

}  // namespace

CLI::App make_app() { return CLI::App{"Comb: qualitative coding and thematic analysis", "comb"}; }

void build_app(CLI::App& app, Action& action, const std::string& version) {
    app.require_subcommand(1);
    app.set_version_flag("--version", version);
    app.footer("Workflows: comb help TOPIC (import, coding, tags, matrices, exchange). Manual: man comb.");
    register_project_commands(app, action);
    register_coding_commands(app, action);
    register_structure_commands(app, action);
    register_history_commands(app, action);
    register_analysis_commands(app, action);
    register_search_commands(app, action);
    register_refi_commands(app, action);
    register_team_commands(app, action);
    register_privacy_commands(app, action);
    register_storage_commands(app, action);
    register_help(app, action);
}

}  // namespace comb::cli
