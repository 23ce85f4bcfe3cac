// SPDX-License-Identifier: GPL-3.0-or-later
// comb undo, comb redo, comb history.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "privacy/key_matcher.h"

namespace comb::cli {
namespace {

void register_step(CLI::App& app, Action& action, const std::string& name, bool undo) {
    const char* help = undo ? "Undo your own last action (COMB_CODER; kept in the project file)"
                            : "Redo your own last undone action";
    auto key_file = std::make_shared<std::string>();
    auto* cmd = add_project_command(app, action, name, help, [undo, key_file](Session& s, bool) {
        const auto label = undo ? s.project().undo_label() : s.project().redo_label();
        // A pseudonymisation (and what came before it) undoes only with its key.
        std::optional<privacy::KeyMatcher> key;
        if (!key_file->empty()) {
            key.emplace(privacy::read_key(*key_file));
            // As after pseudonymising: an index updated in place could keep originals in its
            // free blocks, so it is built again from scratch.
            std::filesystem::remove_all(s.index_folder());
        }
        const core::NameMatcher* k = key ? &*key : nullptr;
        if (undo) s.project().undo(k); else s.project().redo(k);
        if (key) s.compact_securely();
        std::cout << (undo ? "Undid: " : "Redid: ") << label.value_or("") << "\n";
        return 0;
    });
    cmd->add_option("--key", *key_file, "The pseudonymisation key (KEY.csv), to undo or redo a pseudonymisation");
}

// What an entry changed: one {op, kind, id} per row ("insert", "update", "delete").
json rows_json(const core::ChangeSet& changes) {
    json rows = json::array();
    for (const auto& c : changes.changes) {
        const core::Row& r = c.after ? *c.after : *c.before;
        const std::string key = core::row_key(r);
        json row = {{"op", !c.before ? "insert" : !c.after ? "delete" : "update"},
                    {"kind", std::string(core::to_string(core::kind_of(r)))}};
        if (const auto* v = std::get_if<core::AttributeValue>(&r)) {
            row["case"] = v->case_id.value;
            row["attribute"] = v->attribute_id.value;
        } else {
            row["id"] = std::stoll(key.substr(key.rfind(':') + 1));
        }
        rows.push_back(row);
    }
    return rows;
}

void register_history(CLI::App& app, Action& action) {
    add_project_command(app, action, "history", "The audit log: who did what, when (undo and redo included)",
                        [](Session& s, bool as_json) {
        json out = json::array();
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : s.repo().history(std::nullopt, true)) {
            out.push_back({{"seq", e.seq}, {"who", e.who}, {"when", e.time}, {"what", e.label},
                           {"kind", std::string(core::to_string(e.kind))},
                           {"target", e.target ? json(*e.target) : json(nullptr)}, {"rows", rows_json(e.changes)}});
            rows.push_back({std::to_string(e.seq), e.time, e.who.empty() ? "-" : e.who, e.label});
        }
        if (as_json) print_json(out);
        else print_table({"seq", "when", "who", "action"}, rows);
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
