// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA exchange on the command line: `comb codebook add`, and the hooks `comb export`
// (qdpx, codebook .qdc) and `comb import` (.qdpx) call.
#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/export_refi.h"
#include "cli/session.h"
#include "core/error.h"
#include "import/registry.h"
#include "refi/codebook.h"
#include "refi/import_project.h"
#include "refi/qdpx_reader.h"
#include "refi/qdpx_writer.h"

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

bool is_refi_project(const fs::path& file) { return importers::lower_extension(file) == ".qdpx"; }

bool export_refi(Session& session, const std::string& what, const fs::path& out) {
    if (what == "qdpx") {
        refi::export_qdpx(session.repo(), out, session.file().path().stem().string());
        std::cout << "Wrote " << out.string() << "\n";
        return true;
    }
    if (what == "codebook" && importers::lower_extension(out) == ".qdc") {
        refi::export_qdc(session.repo(), out);
        std::cout << "Wrote " << out.string() << "\n";
        return true;
    }
    return false;
}

ImportSummary import_qdpx(Session& session, const fs::path& file) {
    refi::RefiProject p = refi::read_qdpx(file);
    ImportSummary summary;
    summary.documents = p.documents.size();
    for (const auto& d : p.documents) summary.turns += d.turns.size();
    for (const auto& w : p.warnings) summary.warnings.push_back(file.string() + ": " + w);
    const auto& n = p.counts;
    std::cout << "Read " << file.string() << " (" << (p.origin.empty() ? "unknown tool" : p.origin) << "): "
              << n.sources << " sources, " << n.codes << " codes, " << n.selections << " selections, " << n.codings
              << " codings, " << n.cases << " cases, " << n.variables << " variables, " << n.notes << " notes, "
              << n.sets << " sets";
    if (!p.codings.empty()) std::cout << "; positions read as " << p.position_unit;
    std::cout << "\n";
    session.run(refi::ImportProject(std::move(p), "Import " + file.filename().string()));
    return summary;
}

void register_refi_commands(CLI::App& app, Action& action) { register_codebook(app, action); }

}  // namespace comb::cli
