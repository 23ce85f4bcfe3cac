// comb: the command line. One try block: user errors exit 1 with "file:line:col: reason",
// anything else is an internal fault and exits 2.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/error.h"

int main(int argc, char** argv) {
    CLI::App app{"Comb: qualitative coding and thematic analysis", "comb"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "comb 0.1.0");
    comb::cli::Action action;
    comb::cli::register_project_commands(app, action);
    comb::cli::register_coding_commands(app, action);
    comb::cli::register_structure_commands(app, action);
    comb::cli::register_history_commands(app, action);
    comb::cli::register_analysis_commands(app, action);
    comb::cli::register_search_commands(app, action);
    comb::cli::register_refi_commands(app, action);
    comb::cli::register_privacy_commands(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 1;
    }
    try {
        return action ? action() : 0;
    } catch (const comb::core::InputError& e) {
        std::cerr << "comb: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "comb: internal error: " << e.what() << "\n";
        return 2;
    }
}
