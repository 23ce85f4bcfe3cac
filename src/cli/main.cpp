// SPDX-License-Identifier: GPL-3.0-or-later
// comb: the command line. One try block: user errors exit 1 with "file:line:col: reason",
// anything else is an internal fault and exits 2. Subcommands are registered in cli/app.cpp
// (build_app), not here, so that the manual page (comb-man) has them too.
#include <CLI/CLI.hpp>
#include <iostream>

#include "about/about.h"
#include "cli/app.h"
#include "core/error.h"
#include "store/backup.h"
#include "store/damage.h"

int main(int argc, char** argv) {
    CLI::App app = comb::cli::make_app();
    comb::cli::Action action;
    comb::cli::build_app(app, action,
                         "comb " + comb::about::version_line() + "\n" + std::string(comb::about::licence_notice()));
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
    } catch (const comb::store::DamagedError& e) {
        std::cerr << "comb: " << e.what() << "\n";
        // Name the newest backup, so the way back is one command.
        const auto backups = comb::store::list_backups(e.pos().path);
        if (!backups.empty()) {
            std::cerr << "comb: the newest backup is from " << backups.front().time << ": comb restore "
                      << backups.front().path.string() << " " << e.pos().path << " --force\n";
        }
        return 1;
    } catch (const comb::core::InputError& e) {
        std::cerr << "comb: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        // The index (Xapian) reports a full disk in its own words: the user's to fix, exit 1.
        const std::string what = e.what();
        if (what.find("No space left on device") != std::string::npos || what.find("Disk quota exceeded") != std::string::npos) {
            std::cerr << "comb: disk full: " << what << "\n";
            return 1;
        }
        std::cerr << "comb: internal error: " << what << "\n";
        return 2;
    }
}
