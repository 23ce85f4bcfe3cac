// SPDX-License-Identifier: GPL-3.0-or-later
// comb-man OUT_FILE DATE: writes the comb(1) manual page (troff) from the command-line
// definitions. Run at build time (src/cli/CMakeLists.txt); not installed.
#include <fstream>
#include <iostream>

#include "about/about.h"
#include "cli/app.h"
#include "cli/man_page.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: comb-man OUT_FILE YYYY-MM-DD\n";
        return 1;
    }
    CLI::App app = comb::cli::make_app();
    comb::cli::Action action;
    comb::cli::build_app(app, action, std::string(comb::about::version()));
    std::ofstream out(argv[1], std::ios::binary);
    out << comb::cli::man_page(app, comb::cli::help_topics(), comb::about::version(), argv[2]);
    out.close();
    if (!out) {
        std::cerr << "comb-man: cannot write " << argv[1] << "\n";
        return 1;
    }
    return 0;
}
