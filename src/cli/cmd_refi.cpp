// REFI-QDA on the command line: `comb codebook add`. `comb import` and `comb export` reach
// .qdpx and .qdc through the registries (refi::register_formats()).
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

fs::path exe_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

void register_codebook(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("codebook", "Framework codebooks");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add a built-in codebook (comb, tdf, levels, valence, cfir) or a .qdc file");
    auto project = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    add->add_option("project", *project, "The project file")->required();
    add->add_option("codebook", *name, "A built-in codebook name or a REFI-QDA .qdc file")->required();
    add->callback([&action, project, name] {
        action = [project, name] {
            Session s(*project);
            refi::RefiProject book = refi::load_codebook(*name, exe_dir());
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
