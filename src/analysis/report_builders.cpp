// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table and codebook builders (report_builders.h states the rules).
#include "analysis/report_builders.h"

#include <algorithm>
#include <map>
#include <set>

namespace comb::analysis {
namespace {

exporters::ReportMeta meta_of(const CodingFacts& facts, const ReportOptions& options, bool with_quote_rule) {
    exporters::ReportMeta meta;
    meta.project = options.project;
    meta.coders = facts.coders;
    meta.date = options.date;
    meta.agreement = options.agreement;
    meta.audit_trail = options.audit_trail;
    if (with_quote_rule) meta.quote_rule = options.quotes.describe();
    return meta;
}

// A theme's member codes with their descendant codes, as code indices (sorted, unique).
std::vector<std::int32_t> codes_of(const CodingFacts& facts, const std::vector<const core::Theme*>& themes) {
    std::vector<std::int32_t> out;
    for (const auto* t : themes) {
        for (const auto id : t->codes) {
            out.push_back(facts.code_index(id));
            for (const auto d : facts.tree().descendants(id)) out.push_back(facts.code_index(d));
        }
    }
    out.erase(std::remove(out.begin(), out.end(), kNone), out.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<core::LevelTag> aggregate_level(const CodingFacts& facts, const std::vector<std::int32_t>& codes) {
    std::map<core::Level, std::vector<std::string>> actors;  // level -> actor of each code
    for (const auto c : codes) {
        const auto& tags = facts.codes[static_cast<std::size_t>(c)].tags;
        if (tags.level) actors[tags.level->level].push_back(tags.level->actor);
    }
    if (actors.empty()) return std::nullopt;
    auto best = actors.begin();  // map order: macro first, so ties go to the higher level
    for (auto it = actors.begin(); it != actors.end(); ++it) {
        if (it->second.size() > best->second.size()) best = it;
    }
    const auto& a = best->second;
    const bool shared = std::all_of(a.begin(), a.end(), [&](const std::string& x) { return x == a.front(); });
    return core::LevelTag{best->first, shared ? a.front() : std::string()};
}

std::vector<core::ComB> aggregate_comb(const CodingFacts& facts, const std::vector<std::int32_t>& codes) {
    std::set<core::ComB> all;
    for (const auto c : codes) {
        for (auto x : facts.codes[static_cast<std::size_t>(c)].tags.effective_comb()) all.insert(x);
    }
    return {all.begin(), all.end()};
}

std::optional<core::Valence> aggregate_valence(const CodingFacts& facts, const std::vector<std::int32_t>& codes) {
    std::set<core::Valence> seen;
    bool neutral = false;
    for (const auto c : codes) {
        const auto& v = facts.codes[static_cast<std::size_t>(c)].tags.valence;
        if (!v) continue;
        if (*v == core::Valence::neutral) neutral = true;
        else seen.insert(*v);
    }
    if (seen.empty()) return neutral ? std::optional<core::Valence>(core::Valence::neutral) : std::nullopt;
    if (seen.size() == 1) return *seen.begin();
    return core::Valence::mixed;
}

std::vector<std::size_t> codings_of(const CodingFacts& facts, const std::vector<std::int32_t>& codes) {
    std::vector<char> wanted(facts.codes.size(), 0);
    for (const auto c : codes) wanted[static_cast<std::size_t>(c)] = 1;
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        if (wanted[static_cast<std::size_t>(facts.codings[i].code)]) out.push_back(i);
    }
    return out;
}

int count_participants(const CodingFacts& facts, const std::vector<std::size_t>& codings) {
    std::set<std::string> who;
    for (const auto i : codings) {
        if (!facts.codings[i].interviewer_only) who.insert(participant_of(facts, facts.codings[i]));
    }
    return static_cast<int>(who.size());
}

// The codes of `codes` tagged with `valence` (or mixed), with their COM-B and participants.
exporters::ThemeSide side_of(const CodingFacts& facts, const std::vector<std::int32_t>& codes, core::Valence valence) {
    exporters::ThemeSide side;
    std::vector<std::int32_t> chosen;
    for (const auto c : codes) {
        const auto& v = facts.codes[static_cast<std::size_t>(c)].tags.valence;
        if (v && (*v == valence || *v == core::Valence::mixed)) chosen.push_back(c);
    }
    for (const auto c : chosen) side.codes.push_back(facts.codes[static_cast<std::size_t>(c)].name);
    side.comb = aggregate_comb(facts, chosen);
    side.n_participants = count_participants(facts, codings_of(facts, chosen));
    return side;
}

// Every theme below `theme`, depth first, in the themes' order.
void collect_descendants(const std::vector<core::Theme>& themes, core::ThemeId theme, std::vector<const core::Theme*>& out) {
    for (const auto& t : themes) {
        if (t.parent == theme) {
            out.push_back(&t);
            collect_descendants(themes, t.id, out);
        }
    }
}

}  // namespace

exporters::ThemeTable build_theme_table(const CodingFacts& facts, const core::Repository& repo,
                                        const ReportOptions& options) {
    exporters::ThemeTable table;
    table.meta = meta_of(facts, options, true);
    TextCache texts(repo);
    auto make_row = [&](const std::string& theme, const std::string& subtheme, const std::string& description,
                        const std::vector<const core::Theme*>& counted, const std::vector<const core::Theme*>& quoted) {
        exporters::ThemeRow row;
        row.theme = theme;
        row.subtheme = subtheme;
        row.description = description;
        const auto codes = codes_of(facts, counted);
        row.level = aggregate_level(facts, codes);
        row.comb = aggregate_comb(facts, codes);
        row.valence = aggregate_valence(facts, codes);
        row.n_participants = count_participants(facts, codings_of(facts, codes));
        row.barriers = side_of(facts, codes, core::Valence::barrier);
        row.facilitators = side_of(facts, codes, core::Valence::facilitator);
        for (const auto i : choose_quotes(facts, codings_of(facts, codes_of(facts, quoted)), options.quotes.max_quotes)) {
            row.quotes.push_back(make_quote(facts, texts, i, options.quotes));
        }
        table.rows.push_back(std::move(row));
    };
    for (const auto& top : facts.themes) {
        if (top.parent) continue;
        std::vector<const core::Theme*> children;
        for (const auto& t : facts.themes) if (t.parent == top.id) children.push_back(&t);
        if (children.empty()) {
            make_row(top.name, "", top.description, {&top}, {&top});
            continue;
        }
        std::vector<const core::Theme*> all{&top};
        collect_descendants(facts.themes, top.id, all);
        make_row(top.name, "", top.description, all, {&top});
        for (const auto* sub : children) {
            std::vector<const core::Theme*> subtree{sub};
            collect_descendants(facts.themes, sub->id, subtree);
            make_row(top.name, sub->name, sub->description, subtree, subtree);
        }
    }
    return table;
}

exporters::Codebook build_codebook(const CodingFacts& facts, const ReportOptions& options) {
    exporters::Codebook book;
    book.meta = meta_of(facts, options, false);
    std::vector<int> n_codings(facts.codes.size(), 0);
    std::vector<std::set<std::int32_t>> cases(facts.codes.size());
    for (const auto& c : facts.codings) {
        ++n_codings[static_cast<std::size_t>(c.code)];
        if (c.case_ != kNone && !c.interviewer_only) cases[static_cast<std::size_t>(c.code)].insert(c.case_);
    }
    for (std::size_t i = 0; i < facts.codes.size(); ++i) {
        const auto& code = facts.codes[i];
        exporters::CodebookRow row;
        row.path = facts.code_path(static_cast<std::int32_t>(i));
        for (auto p = code.parent; p; p = facts.tree().code(*p).parent) ++row.depth;
        row.definition = code.definition;
        row.inclusion = code.inclusion;
        row.exclusion = code.exclusion;
        row.example = code.example;
        row.comb = code.tags.effective_comb();
        row.tdf = code.tags.tdf;
        row.level = code.tags.level;
        row.valence = code.tags.valence;
        row.n_codings = n_codings[i];
        row.n_cases = static_cast<int>(cases[i].size());
        row.colour = code.colour;
        book.rows.push_back(std::move(row));
    }
    return book;
}

}  // namespace comb::analysis
