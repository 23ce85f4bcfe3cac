// SPDX-License-Identifier: GPL-3.0-or-later
// comb merge, disagreements, resolve: bringing coders' work together (issue 15).
#include <filesystem>
#include <iostream>
#include <map>

#include "analysis/disagreements.h"
#include "cli/json_out.h"
#include "cli/team_support.h"
#include "core/commands/resolve_disagreement.h"
#include "core/error.h"
#include "core/utf8.h"
#include "import/registry.h"
#include "refi/merge_project.h"
#include "refi/qdpx_reader.h"
#include "store/backup.h"

namespace comb::cli {
namespace {

namespace fs = std::filesystem;


refi::RefiProject read_other(Session& s, const fs::path& other) {
    if (!fs::exists(other)) throw core::InputError({other.string()}, "no such file");
    std::error_code ec;
    if (fs::equivalent(other, s.file().path(), ec)) throw core::InputError::argument("cannot merge a project into itself");
    const std::string ext = importers::lower_extension(other);
    if (ext == ".qdpx") return refi::read_qdpx(other);
    if (ext == ".comb") {
        const auto file = store::ProjectFile::open(other);
        return refi::project_as_refi(*file, other.string());
    }
    throw core::InputError({other.string()}, "not a project to merge (give a .comb or a .qdpx)");
}

json report_json(const refi::MergeReport& r, const fs::path& backup) {
    json issues = json::array();
    for (const auto& i : r.issues) issues.push_back({{"kind", i.kind}, {"item", i.item}, {"ours", i.ours}, {"theirs", i.theirs}});
    return {{"source", r.source},
            {"backup", backup.string()},
            {"documents", {{"added", r.documents_added}, {"matched", r.documents_matched}, {"skipped", r.documents_skipped}}},
            {"codes", {{"added", r.codes_added}, {"matched", r.codes_matched}, {"updated", r.codes_updated}}},
            {"codings", {{"added", r.codings_added}, {"present", r.codings_present}, {"skipped", r.codings_skipped}}},
            {"memos", {{"added", r.memos_added}, {"present", r.memos_present}}},
            {"cases", {{"added", r.cases_added}}},
            {"themes", {{"added", r.themes_added}, {"updated", r.themes_updated}}},
            {"issues", issues},
            {"warnings", r.warnings}};
}

void print_report(const refi::MergeReport& r, const fs::path& backup) {
    std::cout << "Backup first: " << backup.string() << "\n" << refi::report_text(r);
}

void register_merge(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("merge", "Merge a colleague's copy (.comb or .qdpx) as one undoable step; prints the merge report");
    auto project = std::make_shared<std::string>();
    auto other = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_option("other", *other, "The copy to merge: OTHER.comb or OTHER.qdpx")->required();
    cmd->add_flag("--json", *as_json, "Print the report as JSON");
    cmd->callback([&action, project, other, as_json] {
        action = [project, other, as_json] {
            Session s(*project);
            refi::MergeProject merge(read_other(s, *other));
            const auto backup = store::backup_project(s.file(), "merge", s.project().now());
            s.run(merge);
            if (*as_json) print_json(report_json(merge.report(), backup));
            else print_report(merge.report(), backup);
            return 0;
        };
    });
}

std::string context_of(const std::string& text, core::Span span, std::int64_t chars, bool before) {
    const std::int64_t n = 40;
    const core::Span ctx = before ? core::Span{core::CodePoint(std::max<std::int64_t>(0, span.start.value - n)), span.start}
                                  : core::Span{span.end, core::CodePoint(std::min(chars, span.end.value + n))};
    return std::string(core::utf8::slice(text, ctx));
}

void register_disagreements(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("disagreements", "Passages one coder coded with a code and the other did not");
    struct Args {
        std::string project, coders;
        std::vector<std::string> codes;
        bool all_documents = false, json = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("--coders", a->coders, "The two coders: A,B")->required();
    cmd->add_option("--code", a->codes, "Only this code (repeatable)");
    cmd->add_flag("--all-documents", a->all_documents, "Include documents not both coders coded");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            analysis::AgreementOptions o;
            o.coders = parse_coders(s, a->coders, 2, 2);
            o.codes = parse_codes(s, a->codes);
            o.all_documents = a->all_documents;
            const auto input = analysis::agreement_input(s.repo());
            const auto found = analysis::find_disagreements(input, o);
            const core::CodeTree tree(s.repo().codes());
            std::map<core::DocumentId, const core::Document*> docs;
            for (const auto& d : input.documents) docs[d.id] = &d;
            std::map<core::DocumentId, std::string> texts;
            json out = json::array();
            std::vector<std::vector<std::string>> rows;
            for (const auto& d : found) {
                const auto& doc = *docs[d.doc];
                if (!texts.count(d.doc)) texts[d.doc] = s.text_of(doc);
                const auto& text = texts[d.doc];
                const std::string quote(core::utf8::slice(text, d.span));
                json ids = json::array(), other = json::array();
                for (auto id : d.codings) ids.push_back(id.value);
                for (auto id : d.other_codings) other.push_back(id.value);
                out.push_back({{"code", tree.path(d.code)}, {"doc", d.doc.value}, {"document", doc.name},
                               {"start", d.span.start.value}, {"end", d.span.end.value}, {"coder", o.coders[d.coder]},
                               {"missing", o.coders[1 - d.coder]}, {"text", quote},
                               {"before", context_of(text, d.span, doc.chars, true)},
                               {"after", context_of(text, d.span, doc.chars, false)}, {"codings", ids}, {"other_codings", other}});
                std::string q = quote;
                std::replace(q.begin(), q.end(), '\n', ' ');
                if (core::utf8::length(q) > 50) q = std::string(core::utf8::slice(q, {core::CodePoint(0), core::CodePoint(47)})) + "...";
                rows.push_back({tree.path(d.code), doc.name, std::to_string(d.span.start.value) + "-" + std::to_string(d.span.end.value),
                                d.coder == 0 ? q : "", d.coder == 1 ? q : ""});
            }
            if (a->json) print_json(out);
            else print_table({"code", "document", "span", o.coders[0] + " only", o.coders[1] + " only"}, rows);
            return 0;
        };
    });
}

void register_resolve(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("resolve", "Resolve one disagreement: keep, drop or agree (one undoable step, recorded as a memo)");
    struct Args {
        std::string project, coders, doc, code, decision;
        std::int64_t start = -1, end = -1;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("doc", a->doc, "DOC (id or name)")->required();
    cmd->add_option("start", a->start, "START (code points)")->required();
    cmd->add_option("end", a->end, "END (exclusive)")->required();
    cmd->add_option("code", a->code, "CODE path")->required();
    cmd->add_option("--coders", a->coders, "The two coders: A,B")->required();
    cmd->add_option("--decision", a->decision, "keep | drop | agree")->required();
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            const auto decision = core::parse_resolution(a->decision);
            if (!decision) throw core::InputError::argument("--decision takes keep, drop or agree, got \"" + a->decision + "\"");
            analysis::AgreementOptions o;
            o.coders = parse_coders(s, a->coders, 2, 2);
            const auto doc = s.document(a->doc);
            const auto code = core::CodeTree(s.repo().codes()).path_id(a->code);
            o.codes = {code};
            o.all_documents = true;
            for (const auto& d : analysis::find_disagreements(analysis::agreement_input(s.repo()), o)) {
                if (d.doc != doc.id || d.span.start.value != a->start || d.span.end.value != a->end) continue;
                core::ResolveDisagreement cmd({doc.id, code, d.span, o.coders[d.coder], o.coders[1 - d.coder]}, *decision,
                                              s.coder(), s.project().now());
                s.run(cmd);
                std::cout << "Resolved " << a->code << " " << a->start << "-" << a->end << " in " << doc.name << ": "
                          << a->decision << "\n";
                return 0;
            }
            throw core::InputError::argument("no disagreement on " + a->code + " at " + std::to_string(a->start) + "-" + std::to_string(a->end) +
                            " in " + doc.name + " (see comb disagreements)");
        };
    });
}

}  // namespace

void register_merge_commands(CLI::App& app, Action& action) {
    register_merge(app, action);
    register_disagreements(app, action);
    register_resolve(app, action);
}

}  // namespace comb::cli
