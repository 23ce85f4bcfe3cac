// comb undo, comb redo, comb history.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "privacy/key_matcher.h"
#include "store/connection.h"

namespace comb::cli {
namespace {

void register_step(CLI::App& app, Action& action, const std::string& name, bool undo) {
    const char* help = undo ? "Undo the last action (kept in the project file)" : "Redo the last undone action";
    auto key_file = std::make_shared<std::string>();
    auto* cmd = add_project_command(app, action, name, help, [undo, key_file](Session& s, bool) {
        const auto label = undo ? s.project().undo_label() : s.project().redo_label();
        // A pseudonymisation (and what came before it) undoes only with its key.
        std::optional<privacy::KeyMatcher> key;
        if (!key_file->empty()) {
            key.emplace(privacy::read_key(*key_file));
            // As after pseudonymising: an index updated in place could keep originals in its
            // free blocks, so it is built again from scratch.
            std::filesystem::remove_all(index::PassageIndex::folder_for(s.file().path()));
        }
        const core::NameMatcher* k = key ? &*key : nullptr;
        if (undo) s.project().undo(k); else s.project().redo(k);
        if (key) s.file().compact_securely();
        std::cout << (undo ? "Undid: " : "Redid: ") << label.value_or("") << "\n";
        return 0;
    });
    cmd->add_option("--key", *key_file, "The pseudonymisation key (KEY.csv), to undo or redo a pseudonymisation");
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
