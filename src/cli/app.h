// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole `comb` command line on one CLI11 app: every subcommand, `comb help [TOPIC]` and
// --version. main() parses with it and comb-man walks it to write the manual page, so `--help`
// and comb(1) come from the same definitions and cannot drift.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/commands.h"

namespace comb::cli {

// Registers everything on `app` (made with make_app). `version` is what --version prints.
// The subcommands' callbacks store their work in `action`.
void build_app(CLI::App& app, Action& action, const std::string& version);

// A fresh app with Comb's description and name.
CLI::App make_app();

}  // namespace comb::cli
