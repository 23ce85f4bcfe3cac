// comb new, comb import, comb docs.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "cli/import_files.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "core/commands/import_documents.h"
#include "core/error.h"
#include "store/project_file.h"

namespace comb::cli {
namespace fs = std::filesystem;

namespace {

void register_new(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("new", "Create an empty project file");
    auto path = std::make_shared<std::string>();
    cmd->add_option("project", *path, "The project file to create (*.comb)")->required();
    cmd->callback([&action, path] {
        action = [path] {
            store::ProjectFile::create(*path);
            std::cout << "Created " << *path << "\n";
            return 0;
        };
    });
}

void register_import(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("import", "Import transcripts (files or folders) in one undoable step");
    struct Args {
        std::string project;
        std::vector<std::string> files;
        std::string case_name;
        std::vector<std::string> attrs;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("files", a->files, "Files or folders to import")->required();
    cmd->add_option("--case", a->case_name, "Assign the documents to this case (created if new)");
    cmd->add_option("--attr", a->attrs, "KEY=VALUE attribute of the case (repeatable)");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            ImportRequest request;
            request.paths.assign(a->files.begin(), a->files.end());
            if (!a->case_name.empty()) request.case_name = a->case_name;
            for (const auto& kv : a->attrs) {
                const auto eq = kv.find('=');
                if (eq == std::string::npos || eq == 0) {
                    throw core::InputError({"<argument>"}, "--attr wants KEY=VALUE, got \"" + kv + "\"");
                }
                request.attributes.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            }
            if (!request.attributes.empty() && !request.case_name) {
                throw core::InputError({"<argument>"}, "--attr needs --case (attributes belong to a case)");
            }
            const ImportSummary summary = import_files(s, request);
            std::cout << "Imported " << summary.documents << (summary.documents == 1 ? " document" : " documents")
                      << " (" << summary.turns << " turns) into " << a->project << "\n";
            for (const auto& w : summary.warnings) std::cerr << "comb: warning: " << w << "\n";
            return 0;
        };
    });
}

void register_docs(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("docs", "List the documents");
    auto project = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, as_json] {
        action = [project, as_json] {
            Session s(*project);
            const auto docs = s.repo().documents();
            if (*as_json) {
                json out = json::array();
                for (const auto& d : docs) {
                    const auto c = s.case_name(d.case_id);
                    out.push_back({{"id", d.id.value}, {"name", d.name}, {"case", c ? json(*c) : json(nullptr)},
                                   {"chars", d.chars}, {"turns", d.turns.size()}});
                }
                print_json(out);
                return 0;
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& d : docs) {
                rows.push_back({std::to_string(d.id.value), d.name, s.case_name(d.case_id).value_or("-"),
                                std::to_string(d.chars), std::to_string(d.turns.size())});
            }
            print_table({"id", "name", "case", "chars", "turns"}, rows);
            return 0;
        };
    });
}

}  // namespace

void register_project_commands(CLI::App& app, Action& action) {
    register_new(app, action);
    register_import(app, action);
    register_docs(app, action);
}

}  // namespace comb::cli
