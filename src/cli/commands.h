// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Each file registers its subcommands. A subcommand's callback stores the work in `action`,
// so that main runs it inside its one try block after parsing succeeded.
#include <CLI/CLI.hpp>
#include <functional>

namespace comb::cli {

class Session;
using Action = std::function<int()>;

// Registers "NAME PROJECT [--json]" whose work needs only the opened project; returns the
// subcommand for extra options.
CLI::App* add_project_command(CLI::App& app, Action& action, const std::string& name, const std::string& help,
                              std::function<int(Session&, bool json)> run);

void register_project_commands(CLI::App& app, Action& action);  // new, import, docs, attributes
void register_coding_commands(CLI::App& app, Action& action);   // code, codes, codings, tag
void register_history_commands(CLI::App& app, Action& action);  // undo, redo, history
// theme, themes, define-code, rename-code, move-code, merge-codes, delete-code, memo
void register_structure_commands(CLI::App& app, Action& action);
void register_analysis_commands(CLI::App& app, Action& action);  // matrix, export, pin
void register_search_commands(CLI::App& app, Action& action);    // search, similar, index
// codebook add; registers REFI-QDA (.qdpx, .qdc) with the import and export registries
void register_refi_commands(CLI::App& app, Action& action);
void register_team_commands(CLI::App& app, Action& action);      // uncode, coders, agreement, merge, disagreements, resolve
void register_privacy_commands(CLI::App& app, Action& action);   // edit, pseudonymise
void register_storage_commands(CLI::App& app, Action& action);   // backup, backups, restore, salvage

}  // namespace comb::cli
