// SPDX-License-Identifier: GPL-3.0-or-later
// comb new, comb import, comb docs.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "cli/terminal.h"
#include "core/commands/case_commands.h"
#include "core/commands/import_documents.h"
#include "core/error.h"
#include "import/attribute_sheet.h"
#include "import/import_batch.h"
#include "import/sheet_reader.h"
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
        std::vector<std::string> speaker_patterns, interviewers;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("files", a->files, "Files or folders to import")->required();
    cmd->add_option("--case", a->case_name, "Assign the documents to this case (created if new)");
    cmd->add_option("--attr", a->attrs, "KEY=VALUE attribute of the case (repeatable)");
    cmd->add_option("--speaker-pattern", a->speaker_patterns,
                    "Regex for a speaker label at a paragraph's start, one capture group for the name (repeatable)");
    cmd->add_option("--interviewer", a->interviewers, "A speaker name to count as interviewer (repeatable)");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            importers::BatchRequest request;
            request.project = a->project;
            request.paths.assign(a->files.begin(), a->files.end());
            if (!a->case_name.empty()) request.case_name = a->case_name;
            request.read.speaker_patterns = a->speaker_patterns;
            request.read.interviewer_names = a->interviewers;
            for (const auto& kv : a->attrs) {
                const auto eq = kv.find('=');
                if (eq == std::string::npos || eq == 0) {
                    throw core::InputError::argument("--attr wants KEY=VALUE, got \"" + kv + "\"");
                }
                request.attributes.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            }
            if (!request.attributes.empty() && !request.case_name) {
                throw core::InputError::argument("--attr needs --case (attributes belong to a case)");
            }
            TerminalProgress progress;
            const auto batch = importers::read_batch(request, progress);
            for (const auto& line : batch.descriptions) std::cout << line << "\n";
            for (const auto& command : batch.commands) s.run(*command);
            std::cout << "Imported " << batch.documents << (batch.documents == 1 ? " document" : " documents")
                      << " (" << batch.turns << " turns) into " << a->project << "\n";
            for (const auto& w : batch.warnings) std::cerr << "comb: warning: " << w << "\n";
            return 0;
        };
    });
}

void register_docs(CLI::App& app, Action& action) {
    add_project_command(app, action, "docs", "List the documents", [](Session& s, bool as_json) {
        const auto docs = s.repo().documents();
        json out = json::array();
        std::vector<std::vector<std::string>> rows;
        for (const auto& d : docs) {
            const auto c = s.case_name(d.case_id);
            out.push_back({{"id", d.id.value}, {"name", d.name}, {"case", c ? json(*c) : json(nullptr)},
                           {"chars", d.chars}, {"turns", d.turns.size()}});
            rows.push_back({std::to_string(d.id.value), d.name, c.value_or("-"), std::to_string(d.chars),
                            std::to_string(d.turns.size())});
        }
        if (as_json) print_json(out);
        else print_table({"id", "name", "case", "chars", "turns"}, rows);
        return 0;
    });
}

void register_attributes(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("attributes", "Set case attributes from a CSV or XLSX sheet (first column: case name)");
    auto project = std::make_shared<std::string>();
    auto sheet_path = std::make_shared<std::string>();
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_option("sheet", *sheet_path, "The sheet (.csv or .xlsx)")->required();
    cmd->callback([&action, project, sheet_path] {
        action = [project, sheet_path] {
            Session s(*project);
            const auto sheet = importers::read_sheet(*sheet_path);
            s.run(importers::attributes_from_sheet(sheet, s.repo().attributes(), *sheet_path));
            std::cout << "Set " << sheet.header.size() - 1 << " attributes of " << sheet.rows.size() << " cases\n";
            return 0;
        };
    });
}

}  // namespace

void register_project_commands(CLI::App& app, Action& action) {
    register_attributes(app, action);
    register_new(app, action);
    register_import(app, action);
    register_docs(app, action);
}

}  // namespace comb::cli
