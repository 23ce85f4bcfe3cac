// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the team subcommands (cmd_team.cpp, cmd_merge.cpp): coder lists and the
// agreement options as the CLI takes them.
#include <string>
#include <vector>

#include "analysis/agreement.h"
#include "cli/commands.h"
#include "cli/session.h"

namespace comb::cli {

// "A,B[,C...]" as coders known to the project (each has codings). Throws InputError naming
// the unknown coder and the project's coders, or a coder named twice, or fewer than `min`.
std::vector<std::string> parse_coders(Session& s, const std::string& list, std::size_t min, std::size_t max);
// Code paths as ids (throws InputError "no code named ...").
std::vector<core::CodeId> parse_codes(Session& s, const std::vector<std::string>& paths);

}  // namespace comb::cli

namespace comb::cli {
void register_merge_commands(CLI::App& app, Action& action);  // merge, disagreements, resolve
}  // namespace comb::cli
