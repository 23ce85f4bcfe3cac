#pragma once
// Each file registers its subcommands. A subcommand's callback stores the work in `action`,
// so that main runs it inside its one try block after parsing succeeded.
#include <CLI/CLI.hpp>
#include <functional>

namespace comb::cli {

using Action = std::function<int()>;

void register_project_commands(CLI::App& app, Action& action);  // new, import, docs
void register_coding_commands(CLI::App& app, Action& action);   // code, codes, codings, tag, theme, themes, memo
void register_history_commands(CLI::App& app, Action& action);  // undo, redo, history
void register_structure_commands(CLI::App& app, Action& action); // theme(s), code tree edits, memo
void register_search_commands(CLI::App& app, Action& action);    // search, similar, index
void register_analysis_commands(CLI::App& app, Action& action);  // matrix, export
void register_refi_commands(CLI::App& app, Action& action);      // codebook add

}  // namespace comb::cli
