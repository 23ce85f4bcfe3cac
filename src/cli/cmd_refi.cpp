// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA on the command line: `comb codebook add` and `comb codebook list`. `comb import`
// and `comb export` reach .qdpx and .qdc through the registries (refi::register_formats()).
#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/session.h"
#include "core/error.h"
#include "refi/codebook.h"
#include "refi/formats.h"
#include "refi/import_project.h"

namespace comb::cli {
namespace fs = std::filesystem;

namespace {

void register_codebook(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("codebook", "Framework codebooks");
    cmd->require_subcommand(1);
    auto* list = cmd->add_subcommand("list", "List the built-in codebooks and the files they are read from");
    list->callback([&action] {
        action = [] {
            const auto dir = refi::codebooks_dir();
            for (const auto& n : refi::builtin_codebooks()) {
                std::cout << n << "\t" << (dir ? (*dir / (n + ".qdc")).string() : "(not found: set COMB_CODEBOOKS)") << "\n";
            }
            return 0;
        };
    });
    auto* add = cmd->add_subcommand("add", "Add a built-in codebook (comb, tdf, levels, valence, cfir) or a .qdc file");
    auto project = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    add->add_option("project", *project, "The project file")->required();
    add->add_option("codebook", *name, "A built-in codebook name or a REFI-QDA .qdc file")->required();
    add->callback([&action, project, name] {
        action = [project, name] {
            Session s(*project);
            refi::RefiProject book = refi::load_codebook(*name);
            const std::size_t total = book.codes.size();
            for (const auto& w : book.warnings) std::cerr << "comb: warning: " << *name << ": " << w << "\n";
            const auto changes = s.run(refi::ImportProject(std::move(book), "Add codebook " + *name));
            std::size_t added = 0;
            for (const auto& c : changes.changes) {
                if (!c.before && c.after && std::holds_alternative<core::Code>(*c.after)) ++added;
            }
            std::cout << "Added " << added << " of " << total << " codes from codebook " << *name;
            if (added < total) std::cout << " (" << total - added << " already in the project)";
            std::cout << "\n";
            return 0;
        };
    });
}

}  // namespace

void register_refi_commands(CLI::App& app, Action& action) {
    // .qdpx and .qdc through the import and export registries, like every other format.
    refi::register_formats();
    register_codebook(app, action);
}

}  // namespace comb::cli
