// SPDX-License-Identifier: GPL-3.0-or-later
// comb uncode, coders, agreement: team coding (issue 15).
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "analysis/agreement_table.h"
#include "analysis/matrix_format.h"
#include "analysis/report_builders.h"
#include "core/project.h"
#include "export/registry.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "cli/team_support.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"

namespace comb::cli {
namespace {

struct CoderStats {
    std::int64_t codings = 0;
    std::string first, last;
};

std::map<std::string, CoderStats> coder_stats(const core::Repository& repo) {
    std::map<std::string, CoderStats> out;
    for (const auto& c : repo.codings()) {
        auto& s = out[c.coder];
        ++s.codings;
        if (!c.created.empty() && (s.first.empty() || c.created < s.first)) s.first = c.created;
        if (c.created > s.last) s.last = c.created;
    }
    return out;
}

void register_uncode(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("uncode", "Remove codings by id (one undoable step)");
    auto project = std::make_shared<std::string>();
    auto ids = std::make_shared<std::vector<std::string>>();
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_option("ids", *ids, "Coding ids (see comb codings --json)")->required();
    cmd->callback([&action, project, ids] {
        action = [project, ids] {
            Session s(*project);
            std::vector<core::CodingId> wanted;
            std::set<std::int64_t> seen;
            for (const auto& text : *ids) {
                std::size_t used = 0;
                long long v = 0;
                try {
                    v = std::stoll(text, &used);
                } catch (const std::exception&) {
                    used = 0;
                }
                if (used != text.size() || v <= 0) throw core::InputError::argument("a coding id is a whole number > 0, got \"" + text + "\"");
                if (seen.insert(v).second) wanted.emplace_back(v);
            }
            if (wanted.size() > 1) s.backup_before("uncode");  // a bulk delete
            s.run(core::RemoveCodings(wanted));
            std::cout << "Removed " << wanted.size() << (wanted.size() == 1 ? " coding" : " codings") << "\n";
            return 0;
        };
    });
}

void register_coders(CLI::App& app, Action& action) {
    add_project_command(app, action, "coders", "List the coders: codings, first and last coding (UTC)", [](Session& s, bool as_json) {
        json out = json::array();
        std::vector<std::vector<std::string>> rows;
        for (const auto& [name, st] : coder_stats(s.repo())) {
            out.push_back({{"name", name}, {"codings", st.codings}, {"first", st.first.empty() ? json(nullptr) : json(st.first)},
                           {"last", st.last.empty() ? json(nullptr) : json(st.last)}});
            rows.push_back({name, std::to_string(st.codings), st.first.empty() ? "-" : st.first, st.last.empty() ? "-" : st.last});
        }
        if (as_json) print_json(out);
        else print_table({"coder", "codings", "first", "last"}, rows);
        return 0;
    });
}

json number_or_null(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

json row_json(const analysis::AgreementRow& row, const core::CodeTree& tree, bool two) {
    json j = {{"code", row.code ? json(tree.path(*row.code)) : json(nullptr)},
              {"doc", row.doc ? json(row.doc->value) : json(nullptr)},
              {"units", row.units()}};
    if (two) {
        j["both"] = row.table.both;
        j["a_only"] = row.table.a_only;
        j["b_only"] = row.table.b_only;
        j["neither"] = row.table.neither;
        j["agreement"] = number_or_null(row.agreement());
        j["kappa"] = number_or_null(row.kappa());
    } else {
        j["fleiss_kappa"] = number_or_null(row.fleiss());
    }
    j["alpha"] = number_or_null(row.alpha());
    return j;
}

// "Cohen's kappa 0.6532, Krippendorff's alpha 0.6532 (ann, bob; 12 codes; character level)".
std::string agreement_figure(const analysis::AgreementResult& r, bool two) {
    std::string coders;
    for (const auto& c : r.coders) coders += (coders.empty() ? "" : ", ") + c;
    const auto& p = r.pooled;
    return std::string(two ? "Cohen's kappa " : "Fleiss' kappa ") + analysis::format_coefficient(two ? p.kappa() : p.fleiss()) +
           ", Krippendorff's alpha " + analysis::format_coefficient(p.alpha()) + " (" + coders + "; " +
           std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row" : " rows") + "; character level)";
}

struct AgreementArgs {
    std::string project, coders, by = "code", format, out;
    std::vector<std::string> codes;
    std::string exclusive;  // a parent code whose children are mutually exclusive
    bool ignore_whitespace = false, all_documents = false, json = false;
};

// α nominal over the children of `parent` (mutually exclusive codes: ATLAS.ti's semantic domain).
json nominal_json(Session& s, const analysis::AgreementInput& input, const analysis::AgreementOptions& o,
                  const std::string& parent) {
    const core::CodeTree tree(s.repo().codes());
    const auto group = tree.children(tree.path_id(parent));
    if (group.size() < 2) throw core::InputError::argument("--exclusive needs a code with two or more child codes; \"" + parent + "\" has " + std::to_string(group.size()));
    const auto n = analysis::compute_nominal_alpha(input, o, group);
    json codes = json::array();
    for (const auto id : group) codes.push_back(tree.path(id));
    return {{"group", parent}, {"codes", codes}, {"units", n.units}, {"alpha", number_or_null(n.alpha)}};
}

int run_agreement(const AgreementArgs& a) {
    Session s(a.project);
    if (a.by != "code" && a.by != "document") throw core::InputError::argument("--by takes code or document, got \"" + a.by + "\"");
    if (!a.format.empty() && a.format != "csv" && a.format != "md") throw core::InputError::argument("--format takes csv or md, got \"" + a.format + "\"");
    analysis::AgreementOptions o;
    o.coders = parse_coders(s, a.coders, 2, 64);
    o.codes = parse_codes(s, a.codes);
    o.by_document = a.by == "document";
    o.ignore_whitespace = a.ignore_whitespace;
    o.all_documents = a.all_documents;
    const auto input = analysis::agreement_input(s.repo());
    const auto r = analysis::compute_agreement(input, o);
    if (r.documents.empty()) {
        std::cerr << "comb: warning: no document was coded by every one of these coders (use --all-documents to count the rest)\n";
    }
    const core::CodeTree tree(s.repo().codes());
    const bool two = o.coders.size() == 2;
    const std::string figure = agreement_figure(r, two);
    // Kept for the theme table's COREQ line ("the agreement figure when one was computed").
    s.repo().set_setting(analysis::kAgreementSetting, figure);
    const json nominal = a.exclusive.empty() ? json(nullptr) : nominal_json(s, input, o, a.exclusive);
    if (a.json) {
        json rows = json::array();
        for (const auto& row : r.rows) rows.push_back(row_json(row, tree, two));
        json out = {{"coders", o.coders}, {"unit", "character"}, {"rows", rows}, {"pooled", row_json(r.pooled, tree, two)}};
        if (!nominal.is_null()) out["nominal"] = nominal;
        print_json(out);
        return 0;
    }
    std::map<core::DocumentId, std::string> names;
    for (const auto& d : input.documents) names[d.id] = d.name;
    const auto t = analysis::agreement_table(r, [&](core::CodeId id) { return tree.path(id); },
                                             [&](core::DocumentId id) { return names[id]; });
    if (!a.out.empty()) {
        exporters::AgreementReport report;
        report.meta.project = std::filesystem::path(a.project).stem().string();
        report.meta.coders = o.coders;
        report.meta.agreement = figure;
        report.meta.date = core::utc_now_iso8601().substr(0, 10);
        report.header = t.header;
        report.rows = t.rows;
        report.note = "Unit: one character (Unicode code point)" +
                      std::string(o.ignore_whitespace ? ", whitespace and speaker labels left out" : "") + "; " +
                      std::to_string(r.documents.size()) + (r.documents.size() == 1 ? " document" : " documents") +
                      (o.all_documents ? "" : " coded by every coder") +
                      ". Kappa labels: Landis & Koch (1977). Alpha: reliable >= .800, tentative >= .667 (Krippendorff).";
        exporters::write_agreement_table(report, a.out);
        std::cout << "Wrote " << a.out << "\n";
        return 0;
    }
    if (a.format == "csv") std::cout << analysis::table_csv(t.header, t.rows);
    else if (a.format == "md") std::cout << analysis::table_md(t.header, t.rows);
    else {
        std::vector<std::string> header(t.header.begin() + 1, t.header.end());
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : t.rows) rows.emplace_back(row.begin() + 1, row.end());
        std::cout << "Coders: " << t.rows.front().front() << "; unit: character; " << r.documents.size()
                  << " documents coded by every coder" << (o.all_documents ? " (all documents counted)" : "") << "\n";
        print_table(header, rows);
        if (!nominal.is_null()) {
            const auto alpha = nominal["alpha"].is_null() ? std::optional<double>() : std::optional(nominal["alpha"].get<double>());
            std::cout << "Mutually exclusive codes under " << a.exclusive << ": Krippendorff's alpha (nominal) "
                      << analysis::format_coefficient(alpha) << " (" << analysis::krippendorff_label(alpha) << ") over "
                      << nominal["units"].get<std::int64_t>() << " characters\n";
        }
    }
    return 0;
}

void register_agreement(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("agreement", "Inter-coder agreement at character level: PA, Cohen's kappa, Krippendorff's alpha, Fleiss' kappa");
    auto a = std::make_shared<AgreementArgs>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("--coders", a->coders, "The coders compared: A,B[,C...]")->required();
    cmd->add_option("--code", a->codes, "Only this code (repeatable; default: every code they applied)");
    cmd->add_option("--by", a->by, "code (pooled over documents, the default) or document (NVivo's table)");
    cmd->add_option("--exclusive", a->exclusive, "Also alpha (nominal) over this code's children, taken as mutually exclusive");
    cmd->add_flag("--ignore-whitespace", a->ignore_whitespace, "Leave whitespace and speaker labels out of the units");
    cmd->add_flag("--all-documents", a->all_documents, "Count documents not every coder coded too");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->add_option("--format", a->format, "csv or md");
    cmd->add_option("-o,--output", a->out, "Write the table to a file: .csv, .xlsx, .docx or .md");
    cmd->callback([&action, a] { action = [a] { return run_agreement(*a); }; });
}

}  // namespace

std::vector<std::string> parse_coders(Session& s, const std::string& list, std::size_t min, std::size_t max) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto comma = list.find(',', from);
        const std::string name = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!name.empty()) out.push_back(name);
        if (comma == std::string::npos) break;
        from = comma + 1;
    }
    const auto known = coder_stats(s.repo());
    std::string names;
    for (const auto& [n, st] : known) names += (names.empty() ? "" : ", ") + n;
    std::set<std::string> seen;
    for (const auto& c : out) {
        if (!known.count(c)) throw core::InputError::argument("no codings by coder \"" + c + "\" (coders: " + (names.empty() ? "none" : names) + ")");
        if (!seen.insert(c).second) throw core::InputError::argument("coder \"" + c + "\" is named twice in --coders");
    }
    if (out.size() < min || out.size() > max) {
        throw core::InputError::argument(min == max ? "give exactly " + std::to_string(min) + " coders (--coders A,B)"
                                   : "give at least " + std::to_string(min) + " coders (--coders A,B[,C...])");
    }
    return out;
}

std::vector<core::CodeId> parse_codes(Session& s, const std::vector<std::string>& paths) {
    const core::CodeTree tree(s.repo().codes());
    std::vector<core::CodeId> out;
    for (const auto& p : paths) out.push_back(tree.path_id(p));
    return out;
}

void register_team_commands(CLI::App& app, Action& action) {
    register_uncode(app, action);
    register_coders(app, action);
    register_agreement(app, action);
    register_merge_commands(app, action);
}

}  // namespace comb::cli
