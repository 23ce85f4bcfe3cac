// comb undo, comb redo, comb history.
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "store/connection.h"

namespace comb::cli {
namespace {

void register_step(CLI::App& app, Action& action, const std::string& name, bool undo) {
    auto* cmd = app.add_subcommand(name, undo ? "Undo the last action (kept in the project file)" : "Redo the last undone action");
    auto project = std::make_shared<std::string>();
    cmd->add_option("project", *project, "The project file")->required();
    cmd->callback([&action, project, undo] {
        action = [project, undo] {
            Session s(*project);
            const auto label = undo ? s.project().undo_label() : s.project().redo_label();
            if (undo) s.project().undo(); else s.project().redo();
            std::cout << (undo ? "Undid: " : "Redid: ") << label.value_or("") << "\n";
            return 0;
        };
    });
}

void register_history(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("history", "List the undo history");
    auto project = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, as_json] {
        action = [project, as_json] {
            Session s(*project);
            store::Statement st(s.file().connection(), "SELECT seq, label, time, applied FROM history ORDER BY seq");
            json out = json::array();
            std::vector<std::vector<std::string>> rows;
            while (st.step()) {
                out.push_back({{"seq", st.int64(0)}, {"label", st.text(1)}, {"time", st.text(2)}, {"applied", st.int64(3) != 0}});
                rows.push_back({std::to_string(st.int64(0)), st.text(2), st.int64(3) ? "done" : "undone", st.text(1)});
            }
            if (*as_json) print_json(out);
            else print_table({"seq", "time", "state", "action"}, rows);
            return 0;
        };
    });
}

}  // namespace

void register_history_commands(CLI::App& app, Action& action) {
    register_step(app, action, "undo", true);
    register_step(app, action, "redo", false);
    register_history(app, action);
}

}  // namespace comb::cli
