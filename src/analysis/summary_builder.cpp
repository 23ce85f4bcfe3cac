// SPDX-License-Identifier: GPL-3.0-or-later
// The barrier/facilitator summary builder (report_builders.h states the rules).
#include <algorithm>
#include <map>
#include <set>

#include "analysis/report_builders.h"

namespace comb::analysis {
namespace {

struct ItemCodings {
    std::vector<std::size_t> codings;
    std::set<core::ComB> comb;
};

exporters::SummaryItem make_item(const CodingFacts& facts, TextCache& texts, std::int32_t code,
                                 const ItemCodings& found, const ReportOptions& options) {
    const auto& c = facts.codes[static_cast<std::size_t>(code)];
    exporters::SummaryItem item;
    item.label = c.name;
    item.description = c.definition;
    std::set<std::string> who;
    for (const auto i : found.codings) {
        if (!facts.codings[i].interviewer_only) who.insert(participant_of(facts, facts.codings[i]));
    }
    item.n_participants = static_cast<int>(who.size());
    item.comb.assign(found.comb.begin(), found.comb.end());
    for (const auto i : choose_quotes(facts, found.codings, options.summary_quotes)) {
        item.quotes.push_back(make_quote(facts, texts, i, options.quotes));
    }
    return item;
}

void sort_items(std::vector<exporters::SummaryItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        if (a.n_participants != b.n_participants) return a.n_participants > b.n_participants;
        return a.label < b.label;
    });
}

// [level][code] -> codings, for barriers and facilitators; levels sorted: macro,
// organisational, individual by actor.
struct ByLevel {
    std::vector<std::map<std::int32_t, ItemCodings>> barriers, facilitators;
};

void add_to(ItemCodings& item, std::size_t coding, const std::vector<core::ComB>& comb) {
    item.codings.push_back(coding);
    item.comb.insert(comb.begin(), comb.end());
}

// Counts the heat map and the balance per level and sorts each coding with a level and a
// valence into barriers or facilitators (mixed: both).
ByLevel count_levels(const CodingFacts& facts, exporters::Summary& summary) {
    const std::size_t n_levels = facts.levels.size();
    ByLevel out{decltype(ByLevel::barriers)(n_levels), decltype(ByLevel::facilitators)(n_levels)};
    summary.heat_map.resize(n_levels);
    summary.balance.resize(n_levels);
    for (std::size_t l = 0; l < n_levels; ++l) {
        summary.heat_map[l].level = facts.levels[l];
        summary.balance[l].level = facts.levels[l];
    }
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        const auto& row = facts.codings[i];
        const auto& tags = facts.tagsets[static_cast<std::size_t>(row.tags)];
        if (tags.level == kNone) continue;
        const auto l = static_cast<std::size_t>(tags.level);
        for (int b = 0; b < 6; ++b) if (tags.comb_mask & (1u << b)) ++summary.heat_map[l].counts[static_cast<std::size_t>(b)];
        if (tags.valence == kNone) continue;
        const auto v = core::kAllValences[tags.valence];
        const auto comb = facts.comb_of(row.tags);
        if (v == core::Valence::barrier || v == core::Valence::mixed) {
            ++summary.balance[l].barriers;
            add_to(out.barriers[l][row.code], i, comb);
        }
        if (v == core::Valence::facilitator || v == core::Valence::mixed) {
            ++summary.balance[l].facilitators;
            add_to(out.facilitators[l][row.code], i, comb);
        }
    }
    return out;
}

exporters::ReportMeta summary_meta(const CodingFacts& facts, const ReportOptions& options) {
    exporters::ReportMeta meta;
    meta.project = options.project;
    meta.coders = facts.coders;
    meta.date = options.date;
    analysis::QuoteRule rule = options.quotes;
    rule.max_quotes = options.summary_quotes;
    meta.quote_rule = rule.describe("barrier or facilitator");
    return meta;
}

}  // namespace

exporters::Summary build_summary(const CodingFacts& facts, const core::Repository& repo, const ReportOptions& options) {
    exporters::Summary summary;
    summary.meta = summary_meta(facts, options);
    TextCache texts(repo);
    const ByLevel found = count_levels(facts, summary);
    for (std::size_t l = 0; l < facts.levels.size(); ++l) {
        exporters::SummaryGroup group;
        group.level = facts.levels[l];
        for (const auto& [code, f] : found.barriers[l]) group.barriers.push_back(make_item(facts, texts, code, f, options));
        for (const auto& [code, f] : found.facilitators[l]) group.facilitators.push_back(make_item(facts, texts, code, f, options));
        sort_items(group.barriers);
        sort_items(group.facilitators);
        summary.groups.push_back(std::move(group));
    }
    std::set<std::int32_t> participants;
    for (const auto& d : facts.documents) {
        if (d.case_id) participants.insert(facts.case_index(*d.case_id));
    }
    summary.totals.participants = static_cast<int>(participants.size());
    summary.totals.documents = static_cast<int>(facts.documents.size());
    summary.totals.codings = static_cast<int>(facts.codings.size());
    return summary;
}

}  // namespace comb::analysis
