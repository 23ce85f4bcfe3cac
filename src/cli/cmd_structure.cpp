// SPDX-License-Identifier: GPL-3.0-or-later
// comb theme, themes, define-code, rename-code, move-code, merge-codes, delete-code, memo.
#include <iostream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "core/commands/code_commands.h"
#include "core/commands/memo_commands.h"
#include "core/commands/theme_commands.h"
#include "core/error.h"

namespace comb::cli {
namespace {

void register_theme(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("theme", "Create or update a theme: parent, description, member codes");
    struct Args {
        std::string project, parent, description;
        core::DefineTheme::Spec spec;
        bool has_description = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("theme", a->spec.name, "The theme's name")->required();
    cmd->add_option("--parent", a->parent, "Make it a subtheme of this theme");
    auto* desc = cmd->add_option("--description", a->description, "What the theme captures");
    cmd->add_option("--add", a->spec.add_codes, "Add a member code (repeatable)");
    cmd->add_option("--remove", a->spec.remove_codes, "Remove a member code (repeatable)");
    cmd->callback([&action, a, desc] {
        action = [a, desc] {
            Session s(a->project);
            auto spec = a->spec;
            if (!a->parent.empty()) spec.parent = a->parent;
            if (desc->count()) spec.description = a->description;
            s.run(core::DefineTheme(spec));
            std::cout << "Theme " << spec.name << " saved\n";
            return 0;
        };
    });
}

void register_themes(CLI::App& app, Action& action) {
    add_project_command(app, action, "themes", "List themes and their codes", [](Session& s, bool as_json) {
        const core::CodeTree tree(s.repo().codes());
        const auto themes = s.repo().themes();
        json out = json::array();
        for (const auto& t : themes) {
            json codes = json::array();
            for (auto c : t.codes) codes.push_back(tree.path(c));
            std::string parent;
            for (const auto& p : themes) if (t.parent == p.id) parent = p.name;
            out.push_back({{"id", t.id.value}, {"theme", t.name}, {"parent", parent.empty() ? json(nullptr) : json(parent)},
                           {"description", t.description}, {"codes", codes}});
            if (as_json) continue;
            const std::string indent = parent.empty() ? "" : "  ";
            std::cout << indent << t.name << (t.description.empty() ? "" : " — " + t.description) << "\n";
            for (const auto& c : codes) std::cout << indent << "    " << c.get<std::string>() << "\n";
        }
        if (as_json) print_json(out);
        return 0;
    });
}

void register_define_code(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("define-code", "Create a code or edit its colour, definition and notes");
    struct Args { std::string project, path, colour, definition, inclusion, exclusion, example; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("code", a->path, "The code path (Parent/Child)")->required();
    auto* o1 = cmd->add_option("--colour", a->colour, "#RRGGBB");
    auto* o2 = cmd->add_option("--definition", a->definition, "What the code means");
    auto* o3 = cmd->add_option("--inclusion", a->inclusion, "When to apply it");
    auto* o4 = cmd->add_option("--exclusion", a->exclusion, "When not to apply it");
    auto* o5 = cmd->add_option("--example", a->example, "A typical passage");
    cmd->callback([&action, a, o1, o2, o3, o4, o5] {
        action = [a, o1, o2, o3, o4, o5] {
            Session s(a->project);
            core::CodeFields f;
            if (o1->count()) f.colour = a->colour;
            if (o2->count()) f.definition = a->definition;
            if (o3->count()) f.inclusion = a->inclusion;
            if (o4->count()) f.exclusion = a->exclusion;
            if (o5->count()) f.example = a->example;
            s.run(core::DefineCode(a->path, f));
            std::cout << "Code " << a->path << " saved\n";
            return 0;
        };
    });
}

// rename-code, move-code, merge-codes, delete-code share one shape: PROJECT ARG [ARG].
void register_tree_edits(CLI::App& app, Action& action) {
    struct Args { std::string project, first, second; };
    auto add = [&](const char* name, const char* help, const char* second_help, bool second_required,
                   std::function<std::unique_ptr<core::Command>(const Args&)> make) {
        auto* cmd = app.add_subcommand(name, help);
        auto a = std::make_shared<Args>();
        cmd->add_option("project", a->project, "The project file")->required();
        cmd->add_option("code", a->first, "The code path")->required();
        if (second_help) {
            auto* opt = cmd->add_option("second", a->second, second_help);
            if (second_required) opt->required();
        }
        cmd->callback([&action, a, make, name] {
            action = [a, make, name] {
                Session s(a->project);
                const auto command = make(*a);
                if (std::string_view(name) == "delete-code") s.backup_before("delete-code");  // a bulk delete
                s.run(*command);
                std::cout << command->label() << "\n";
                return 0;
            };
        });
    };
    add("rename-code", "Rename a code", "The new name", true,
        [](const Args& a) { return std::make_unique<core::RenameCode>(a.first, a.second); });
    add("move-code", "Move a code under another parent (none: to the top)", "The new parent's path", false,
        [](const Args& a) { return std::make_unique<core::MoveCode>(a.first, a.second.empty() ? std::nullopt : std::optional(a.second)); });
    add("merge-codes", "Merge the first code into the second", "The code to merge into", true,
        [](const Args& a) { return std::make_unique<core::MergeCodes>(a.first, a.second); });
    add("delete-code", "Delete a code with its children and codings", nullptr, false,
        [](const Args& a) { return std::make_unique<core::DeleteCode>(a.first); });
}

void register_memo(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("memo", "Write a memo on the project, a document, a code or a coding");
    struct Args { std::string project, on = "project", title, text; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("text", a->text, "The memo's text")->required();
    cmd->add_option("--on", a->on, "project | document:DOC | code:PATH | coding:ID | theme:NAME");
    cmd->add_option("--title", a->title, "A title");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            core::Memo m;
            m.title = a->title;
            m.text = a->text;
            m.author = s.coder();
            m.created = s.project().now();
            const auto colon = a->on.find(':');
            const std::string kind = a->on.substr(0, colon);
            const std::string ref = colon == std::string::npos ? "" : a->on.substr(colon + 1);
            if (kind == "document") { m.target = core::MemoTarget::document; m.target_id = s.document(ref).id.value; }
            else if (kind == "code") { m.target = core::MemoTarget::code; m.target_id = core::CodeTree(s.repo().codes()).path_id(ref).value; }
            else if (kind == "coding") { m.target = core::MemoTarget::coding; m.target_id = std::stoll(ref); }
            else if (kind == "theme") {
                const auto t = core::find_theme(s.repo().themes(), ref);
                if (!t) throw core::InputError::argument("no theme named \"" + ref + "\"");
                m.target = core::MemoTarget::theme; m.target_id = t->id.value;
            } else if (kind != "project") throw core::InputError::argument("--on wants project, document:, code:, coding: or theme:");
            s.run(core::AddMemo(m));
            std::cout << "Memo saved\n";
            return 0;
        };
    });
}

}  // namespace

void register_structure_commands(CLI::App& app, Action& action) {
    register_theme(app, action);
    register_themes(app, action);
    register_define_code(app, action);
    register_tree_edits(app, action);
    register_memo(app, action);
}

}  // namespace comb::cli
