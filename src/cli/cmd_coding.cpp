// SPDX-License-Identifier: GPL-3.0-or-later
// comb code, codes, codings, tag.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "core/utf8.h"

namespace comb::cli {
namespace {

std::int64_t parse_offset(const std::string& s, const char* what) {
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(s, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != s.size() || v < 0) throw core::InputError::argument(std::string(what) + " must be a whole number ≥ 0, got \"" + s + "\"");
    return v;
}

// The span of the `occurrence`-th (1-based) match of `quote` in `text`, in code points.
core::Span find_quote(const std::string& text, const std::string& quote, int occurrence, const std::string& doc) {
    if (quote.empty()) throw core::InputError::argument("--text may not be empty");
    std::vector<std::size_t> hits;
    for (auto at = text.find(quote); at != std::string::npos; at = text.find(quote, at + 1)) hits.push_back(at);
    if (hits.empty()) throw core::InputError::argument("the text \"" + quote + "\" does not occur in " + doc);
    if (occurrence == 0 && hits.size() > 1) {
        throw core::InputError::argument("the text occurs " + std::to_string(hits.size()) + " times in " + doc + "; pick one with --occurrence N");
    }
    const std::size_t k = occurrence == 0 ? 0 : static_cast<std::size_t>(occurrence - 1);
    if (k >= hits.size()) throw core::InputError::argument("the text occurs only " + std::to_string(hits.size()) + " times in " + doc);
    const auto start = core::utf8::to_code_point(text, hits[k]);
    return {start, core::CodePoint(start.value + core::utf8::length(quote))};
}

void register_code(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("code", "Code a passage: DOC START END CODE (code points, END exclusive)");
    struct Args {
        std::string project;
        std::vector<std::string> args;
        std::string memo, quote;
        int occurrence = 0;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("args", a->args, "DOC START END CODE, or DOC CODE with --text")->required();
    cmd->add_option("--memo", a->memo, "A memo on the new coding");
    cmd->add_option("--text", a->quote, "Code this exact text instead of START END");
    cmd->add_option("--occurrence", a->occurrence, "Which occurrence of --text (1-based)");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            const bool by_text = !a->quote.empty();
            if (a->args.size() != (by_text ? 2u : 4u)) {
                throw core::InputError::argument(by_text ? "with --text, give DOC CODE" : "give DOC START END CODE");
            }
            const auto doc = s.document(a->args[0]);
            core::Span span;
            if (by_text) {
                span = find_quote(s.text_of(doc), a->quote, a->occurrence, doc.name);
            } else {
                span = {core::CodePoint(parse_offset(a->args[1], "START")), core::CodePoint(parse_offset(a->args[2], "END"))};
            }
            const std::string& code = a->args.back();
            core::ApplyCodings cmd({{doc.id, span}}, code, s.coder(),
                                   a->memo.empty() ? std::nullopt : std::optional(a->memo));
            const auto changes = s.run(cmd);
            for (const auto& c : changes.changes) {
                if (const auto* coding = c.after ? std::get_if<core::Coding>(&*c.after) : nullptr) {
                    std::cout << "Coded " << doc.name << " " << span.start.value << "-" << span.end.value << " as "
                              << code << " (coding " << coding->id.value << ")\n";
                    return 0;
                }
            }
            std::cout << "Already coded: " << doc.name << " " << span.start.value << "-" << span.end.value << " as " << code << "\n";
            return 0;
        };
    });
}

void register_codes(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("codes", "List the codes with their tags and counts");
    auto project = std::make_shared<std::string>();
    auto untagged = std::make_shared<bool>(false);
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_flag("--untagged", *untagged, "Only codes without COM-B, TDF, level or valence tags");
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, untagged, as_json] {
        action = [project, untagged, as_json] {
            Session s(*project);
            const core::CodeTree tree(s.repo().codes());
            std::map<core::CodeId, std::int64_t> n;
            std::map<core::CodeId, std::set<std::int64_t>> cases;
            std::map<core::DocumentId, std::optional<core::CaseId>> doc_case;
            for (const auto& d : s.repo().documents()) doc_case[d.id] = d.case_id;
            for (const auto& c : s.repo().codings()) {
                ++n[c.code];
                if (const auto k = doc_case[c.document]) cases[c.code].insert(k->value);
            }
            json out = json::array();
            std::vector<std::vector<std::string>> rows;
            for (const auto& c : tree.codes()) {
                if (*untagged && !c.tags.empty()) continue;
                const std::string path = tree.path(c.id);
                json j = {{"id", c.id.value}, {"code", path}, {"name", c.name},
                          {"parent", c.parent ? json(tree.path(*c.parent)) : json(nullptr)}, {"colour", c.colour},
                          {"definition", c.definition}, {"codings", n[c.id]}, {"cases", cases[c.id].size()},
                          {"codable", c.codable}};
                j.update(tags_json(c.tags));
                out.push_back(j);
                rows.push_back({std::to_string(c.id.value), c.codable ? path : path + " (category)", std::to_string(n[c.id]),
                                std::to_string(cases[c.id].size()), c.tags.to_string()});
            }
            if (*as_json) print_json(out);
            else print_table({"id", "code", "codings", "cases", "tags"}, rows);
            return 0;
        };
    });
}

void register_codings(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("codings", "List coded segments in document order");
    auto project = std::make_shared<std::string>();
    auto code = std::make_shared<std::string>();
    auto as_json = std::make_shared<bool>(false);
    cmd->add_option("project", *project, "The project file")->required();
    cmd->add_option("--code", *code, "Only this code (and its children)");
    cmd->add_flag("--json", *as_json, "Print JSON");
    cmd->callback([&action, project, code, as_json] {
        action = [project, code, as_json] {
            Session s(*project);
            const core::CodeTree tree(s.repo().codes());
            std::set<core::CodeId> wanted;
            if (!code->empty()) {
                const auto id = tree.path_id(*code);
                wanted.insert(id);
                for (auto d : tree.descendants(id)) wanted.insert(d);
            }
            std::map<core::DocumentId, std::string> texts;
            json out = json::array();
            std::vector<std::vector<std::string>> rows;
            for (const auto& c : s.repo().codings()) {
                if (!wanted.empty() && !wanted.count(c.code)) continue;
                if (!texts.count(c.document)) texts[c.document] = s.text_of(*s.repo().find_document(c.document));
                const json j = coding_json(s, c, tree, texts[c.document]);
                out.push_back(j);
                std::string snippet = j["text"].get<std::string>();
                std::replace(snippet.begin(), snippet.end(), '\n', ' ');
                if (core::utf8::length(snippet) > 60) snippet = std::string(core::utf8::slice(snippet, {core::CodePoint(0), core::CodePoint(57)})) + "...";
                rows.push_back({std::to_string(c.id.value), std::to_string(c.document.value), std::to_string(c.span.start.value),
                                std::to_string(c.span.end.value), j["code"].get<std::string>(),
                                j["case"].is_null() ? "-" : j["case"].get<std::string>(), snippet});
            }
            if (*as_json) print_json(out);
            else print_table({"id", "doc", "start", "end", "code", "case", "text"}, rows);
            return 0;
        };
    });
}

core::TagPatch parse_patch(const std::vector<std::string>& comb, const std::vector<std::string>& tdf,
                           const std::string& level, const std::string& valence, bool clear) {
    core::TagPatch patch;
    if (clear) {
        patch.comb = std::vector<core::ComB>{};
        patch.tdf = std::vector<std::string>{};
        patch.level = std::optional<core::LevelTag>{};
        patch.valence = std::optional<core::Valence>{};
    }
    if (!comb.empty()) {
        patch.comb = std::vector<core::ComB>{};
        for (const auto& c : comb) {
            const auto v = core::parse_comb(c);
            if (!v) throw core::InputError::argument("unknown COM-B sub-component \"" + c + "\" (use C.Ph C.Ps O.Ph O.So M.Re M.Au)");
            patch.comb->push_back(*v);
        }
    }
    if (!tdf.empty()) {
        patch.tdf = std::vector<std::string>{};
        for (const auto& d : tdf) {
            const auto v = core::parse_tdf(d);
            if (!v) throw core::InputError::argument("unknown TDF domain \"" + d + "\"");
            patch.tdf->push_back(*v);
        }
    }
    if (!level.empty()) {
        const auto v = core::parse_level_tag(level);
        if (!v) throw core::InputError::argument("unknown level \"" + level + "\" (use macro, organisational or individual[:ACTOR])");
        patch.level = v;
    }
    if (!valence.empty()) {
        const auto v = core::parse_valence(valence);
        if (!v) throw core::InputError::argument("unknown valence \"" + valence + "\" (use barrier, facilitator, mixed or neutral)");
        patch.valence = v;
    }
    return patch;
}

void register_tag(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("tag", "Map a code (or one coding) to COM-B, TDF, level and valence");
    struct Args {
        std::string project, code, level, valence;
        std::vector<std::string> comb, tdf;
        std::int64_t coding = 0;
        bool clear = false, inherit = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("code", a->code, "The code path (Parent/Child)");
    cmd->add_option("--comb", a->comb, "COM-B sub-component: C.Ph C.Ps O.Ph O.So M.Re M.Au (repeatable)");
    cmd->add_option("--tdf", a->tdf, "TDF domain (repeatable)");
    cmd->add_option("--level", a->level, "macro | organisational | individual[:ACTOR]");
    cmd->add_option("--valence", a->valence, "barrier | facilitator | mixed | neutral");
    cmd->add_flag("--clear", a->clear, "Remove all tags first");
    cmd->add_option("--coding", a->coding, "Override the tags of this one coding (id from comb codings)");
    cmd->add_flag("--inherit", a->inherit, "With --coding: drop the override, use the code's tags again");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            const auto patch = parse_patch(a->comb, a->tdf, a->level, a->valence, a->clear);
            if (a->coding > 0) {
                const auto coding = core::require_coding(s.repo(), core::CodingId(a->coding));
                std::optional<core::TagSet> tags;
                if (!a->inherit) {
                    const core::CodeTree tree(s.repo().codes());
                    tags = patch.applied_to(coding.tag_override.value_or(tree.code(coding.code).tags));
                }
                s.run(core::TagCoding(coding.id, tags));
                std::cout << "Coding " << a->coding << ": " << (tags ? tags->to_string() : "inherits its code's tags") << "\n";
                return 0;
            }
            if (a->code.empty()) throw core::InputError::argument("give a CODE, or --coding ID");
            s.run(core::TagCode(a->code, patch));
            const core::CodeTree tree(s.repo().codes());
            std::cout << a->code << ": " << tree.code(tree.path_id(a->code)).tags.to_string() << "\n";
            return 0;
        };
    });
}

}  // namespace

void register_coding_commands(CLI::App& app, Action& action) {
    register_code(app, action);
    register_codes(app, action);
    register_codings(app, action);
    register_tag(app, action);
}

}  // namespace comb::cli
