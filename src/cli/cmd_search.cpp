// SPDX-License-Identifier: GPL-3.0-or-later
// comb search, comb similar, comb index: retrieval over the passage index, and coding the
// hits of a search in bulk as one undoable command.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "index/passage_index.h"

namespace comb::cli {
namespace {

// `where`: the line of a spans file; absent for a command-line argument.
std::int64_t parse_number(const std::string& s, const std::optional<core::SourcePos>& where, const char* what) {
    std::size_t used = 0;
    long long v = -1;
    try {
        v = std::stoll(s, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    const std::string reason = std::string(what) + " must be a whole number ≥ 0, got \"" + s + "\"";
    if (used != s.size() || v < 0) throw where ? core::InputError(*where, reason) : core::InputError::argument(reason);
    return v;
}

json hits_json(const std::vector<index::Hit>& hits) {
    json out = json::array();
    for (const auto& h : hits) {
        out.push_back({{"doc", h.doc.value}, {"start", h.span.start.value}, {"end", h.span.end.value},
                       {"score", h.score}, {"snippet", h.snippet},
                       {"case", h.case_name ? json(*h.case_name) : json(nullptr)}});
    }
    return out;
}

void print_hits(const std::vector<index::Hit>& hits, bool as_json) {
    if (as_json) { print_json(hits_json(hits)); return; }
    std::vector<std::vector<std::string>> rows;
    for (const auto& h : hits) {
        std::string snippet = h.snippet;
        for (auto& ch : snippet) if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
        std::ostringstream score;
        score.precision(3);
        score << std::fixed << h.score;
        rows.push_back({std::to_string(h.doc.value), std::to_string(h.span.start.value), std::to_string(h.span.end.value),
                        score.str(), h.case_name.value_or("-"), snippet});
    }
    print_table({"doc", "start", "end", "score", "case", "snippet"}, rows);
}

// A review file: the hits to code, one "DOC START END" a line (DOC an id or name; blank
// lines and # comments skipped), or the JSON array `comb search --json` printed.
std::vector<core::CodingTarget> read_hits_file(Session& s, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::InputError({path}, "cannot read the hits file");
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string content = buf.str();
    std::vector<core::CodingTarget> out;
    const auto first = content.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && content[first] == '[') {
        json j;
        try {
            j = json::parse(content);
        } catch (const json::parse_error& e) {
            throw core::InputError(core::SourcePos(path, std::nullopt, std::nullopt, static_cast<std::int64_t>(e.byte)),
                                   "not a JSON array of hits");
        }
        for (const auto& h : j) {
            if (!h.is_object() || !h.contains("doc") || !h.contains("start") || !h.contains("end")) {
                throw core::InputError({path}, "each hit needs doc, start and end");
            }
            const auto doc = s.document(h["doc"].is_string() ? h["doc"].get<std::string>() : std::to_string(h["doc"].get<std::int64_t>()));
            out.push_back({doc.id, {core::CodePoint(h["start"].get<std::int64_t>()), core::CodePoint(h["end"].get<std::int64_t>())}});
        }
        return out;
    }
    std::istringstream lines(content);
    std::string line;
    for (std::int64_t n = 1; std::getline(lines, line); ++n) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string x; words >> x;) w.push_back(x);
        if (w.empty()) continue;
        const core::SourcePos where(path, n, 1);
        if (w.size() < 3) throw core::InputError(where, "want DOC START END");
        const auto doc = s.document(w[0]);
        out.push_back({doc.id, {core::CodePoint(parse_number(w[1], where, "START")), core::CodePoint(parse_number(w[2], where, "END"))}});
    }
    return out;
}

void code_targets(Session& s, std::vector<core::CodingTarget> targets, const std::string& code, bool as_json) {
    std::ostream& say = as_json ? std::cerr : std::cout;
    if (targets.empty()) { say << "No passages to code as " << code << "\n"; return; }
    const auto n = targets.size();
    core::ApplyCodings cmd(std::move(targets), code, s.coder());
    const auto changes = s.run(cmd);
    std::size_t added = 0;
    for (const auto& c : changes.changes) {
        if (!c.before && c.after && std::holds_alternative<core::Coding>(*c.after)) ++added;
    }
    say << "Coded " << added << (added == 1 ? " passage" : " passages") << " as " << code;
    if (added < n) say << " (" << n - added << " already coded)";
    say << "; comb undo removes them all\n";
}

void register_search(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("search", "Search passages (stemming, phrases, AND/OR/NOT, NEAR, wildcards) with filters");
    struct Args {
        std::string project, query, order, code_as, hits_file;
        index::Filters filters;
        std::size_t limit = 20;
        bool as_json = false;
    };
    auto a = std::make_shared<Args>();
    add_project_arg(cmd, a->project);
    cmd->add_option("query", a->query, "The query; empty or absent: filters only, in document order");
    cmd->add_option("--code", a->filters.codes, "Only passages coded with this code or its children (repeatable: any)");
    cmd->add_option("--theme", a->filters.themes, "Only passages coded with a code of this theme");
    cmd->add_option("--comb", a->filters.comb, "Only passages with this COM-B tag: C.Ph C.Ps O.Ph O.So M.Re M.Au, or C O M");
    cmd->add_option("--level", a->filters.levels, "Only passages at this level: macro, organisational, individual[:ACTOR]");
    cmd->add_option("--valence", a->filters.valences, "Only barrier, facilitator, mixed or neutral passages");
    cmd->add_option("--case", a->filters.cases, "Only passages of this case");
    cmd->add_option("--attr", a->filters.attributes, "Only passages of cases with KEY=VALUE");
    cmd->add_option("--speaker", a->filters.speakers, "Only turns of this speaker");
    cmd->add_option("--limit", a->limit, "At most N hits (0: all)")->capture_default_str();
    cmd->add_option("--order", a->order, "relevance or document (default: relevance, document for filters only)");
    cmd->add_flag("--json", a->as_json, "Print JSON");
    cmd->add_option("--code-as", a->code_as, "Code every hit (or those in --hits) with CODE, as one undoable step");
    cmd->add_option("--hits", a->hits_file, "With --code-as: code only the hits listed in FILE (DOC START END a line, or search JSON)");
    cmd->callback([&action, a] {
        action = [a] {
            if (!a->hits_file.empty() && a->code_as.empty()) throw core::InputError::argument("--hits needs --code-as CODE");
            index::SearchSpec spec{a->query, a->filters, a->limit, std::nullopt};
            if (a->order == "document") spec.order = index::Order::document;
            else if (a->order == "relevance") spec.order = index::Order::relevance;
            else if (!a->order.empty()) throw core::InputError::argument("--order wants relevance or document, got \"" + a->order + "\"");
            if (a->query.find_first_not_of(" \t\r\n") == std::string::npos && spec.filters.empty()) {
                throw core::InputError::argument("give a query or a filter (--code, --theme, --comb, --level, --valence, --case, --attr, --speaker)");
            }
            Session s(a->project);
            const core::CodeTree tree(s.repo().codes());
            for (const auto& c : spec.filters.codes) tree.path_id(c);  // "no code named ..." for a typo
            const auto hits = s.with_index([&](index::PassageIndex& ix) { return ix.search(spec); });
            print_hits(hits, a->as_json);
            if (a->code_as.empty()) return 0;
            std::vector<core::CodingTarget> targets;
            if (!a->hits_file.empty()) {
                targets = read_hits_file(s, a->hits_file);
            } else {
                for (const auto& h : hits) targets.push_back({h.doc, h.span});
            }
            code_targets(s, std::move(targets), a->code_as, a->as_json);
            return 0;
        };
    });
}

void register_similar(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("similar", "Passages like a code's codings (--code CODE) or like DOC START END, not yet coded");
    struct Args {
        std::string project, code, coder;
        std::vector<std::string> seed;
        std::size_t limit = 20;
        bool as_json = false;
    };
    auto a = std::make_shared<Args>();
    add_project_arg(cmd, a->project);
    cmd->add_option("seed", a->seed, "DOC START END (code points, END exclusive)");
    cmd->add_option("--code", a->code, "Passages like the codings of this code, leaving out those coded with it");
    cmd->add_option("--coder", a->coder, "With --code: only this coder's codings seed, and only their passages are left out (blind double coding)");
    cmd->add_option("--limit", a->limit, "At most N hits (0: all)")->capture_default_str();
    cmd->add_flag("--json", a->as_json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            if (a->code.empty() == a->seed.empty()) throw core::InputError::argument("give either --code CODE or DOC START END");
            if (!a->coder.empty() && a->code.empty()) throw core::InputError::argument("--coder goes with --code CODE");
            Session s(a->project);
            index::SimilarSpec spec;
            spec.limit = a->limit;
            if (!a->code.empty()) {
                const core::CodeTree tree(s.repo().codes());
                const core::CodeId code = tree.path_id(a->code);
                spec.code = tree.path(code);
                if (!a->coder.empty()) {
                    spec.only.emplace();
                    s.repo().scan_codings([&](const core::StoredCoding& c) {
                        if (c.code == code && c.coder == a->coder) spec.only->emplace_back(c.document, c.span);
                    });
                }
            } else {
                if (a->seed.size() != 3) throw core::InputError::argument("give DOC START END");
                const std::optional<core::SourcePos> where;
                spec.doc = s.document(a->seed[0]).id;
                spec.span = {core::CodePoint(parse_number(a->seed[1], where, "START")),
                             core::CodePoint(parse_number(a->seed[2], where, "END"))};
            }
            print_hits(s.with_index([&](index::PassageIndex& ix) { return ix.similar(spec); }), a->as_json);
            return 0;
        };
    });
}

void register_index(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("index", "Check the search index, or rebuild it with --rebuild");
    auto project = std::make_shared<std::string>();
    auto rebuild = std::make_shared<bool>(false);
    add_project_arg(cmd, *project);
    cmd->add_flag("--rebuild", *rebuild, "Rebuild the index from the project");
    cmd->callback([&action, project, rebuild] {
        action = [project, rebuild] {
            Session s(*project);
            const auto started = std::chrono::steady_clock::now();
            index::PassageIndex& ix = *rebuild ? s.rebuild_index("requested") : s.index();
            const auto stats = ix.stats();
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
            std::ostringstream secs;
            secs.precision(2);
            secs << std::fixed << took.count();
            std::cout << (*rebuild ? "Rebuilt" : "Index is current:") << " " << stats.passages << " passages of "
                      << stats.documents << " documents in " << index::PassageIndex::folder_for(store::local_index_anchor(*project)).string()
                      << (*rebuild ? " (" + secs.str() + " s)" : std::string()) << "\n";
            return 0;
        };
    });
}

}  // namespace

void register_search_commands(CLI::App& app, Action& action) {
    register_search(app, action);
    register_similar(app, action);
    register_index(app, action);
}

}  // namespace comb::cli
