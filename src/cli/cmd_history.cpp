// SPDX-License-Identifier: GPL-3.0-or-later
// comb undo, comb redo, comb history.
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "store/connection.h"

namespace comb::cli {
namespace {

void register_step(CLI::App& app, Action& action, const std::string& name, bool undo) {
    const char* help = undo ? "Undo the last action (kept in the project file)" : "Redo the last undone action";
    add_project_command(app, action, name, help, [undo](Session& s, bool) {
        const auto label = undo ? s.project().undo_label() : s.project().redo_label();
        if (undo) s.project().undo(); else s.project().redo();
        std::cout << (undo ? "Undid: " : "Redid: ") << label.value_or("") << "\n";
        return 0;
    });
}

void register_history(CLI::App& app, Action& action) {
    add_project_command(app, action, "history", "List the undo history", [](Session& s, bool as_json) {
        store::Statement st(s.file().connection(), "SELECT seq, label, time, applied FROM history ORDER BY seq");
        json out = json::array();
        std::vector<std::vector<std::string>> rows;
        while (st.step()) {
            out.push_back({{"seq", st.int64(0)}, {"label", st.text(1)}, {"time", st.text(2)}, {"applied", st.int64(3) != 0}});
            rows.push_back({std::to_string(st.int64(0)), st.text(2), st.int64(3) ? "done" : "undone", st.text(1)});
        }
        if (as_json) print_json(out);
        else print_table({"seq", "time", "state", "action"}, rows);
        return 0;
    });
}

}  // namespace

void register_history_commands(CLI::App& app, Action& action) {
    register_step(app, action, "undo", true);
    register_step(app, action, "redo", false);
    register_history(app, action);
}

}  // namespace comb::cli
