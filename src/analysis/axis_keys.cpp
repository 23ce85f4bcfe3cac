// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/axis_keys.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"

namespace comb::analysis {
namespace {

// Theme indices per code: every theme holding the code, and every ancestor of such a theme.
std::vector<std::vector<std::int32_t>> themes_by_code(const CodingFacts& facts) {
    std::vector<std::vector<std::int32_t>> out(facts.codes.size());
    std::map<core::ThemeId, std::size_t> index;
    for (std::size_t t = 0; t < facts.themes.size(); ++t) index[facts.themes[t].id] = t;
    for (std::size_t t = 0; t < facts.themes.size(); ++t) {
        for (const auto code : facts.themes[t].codes) {
            const auto c = facts.code_index(code);
            if (c == kNone) continue;
            std::optional<std::size_t> at = t;
            std::set<std::size_t> guard;  // a parent cycle is a broken store; do not loop on it
            while (at && guard.insert(*at).second) {
                out[static_cast<std::size_t>(c)].push_back(static_cast<std::int32_t>(*at));
                const auto& parent = facts.themes[*at].parent;
                at = parent && index.count(*parent) ? std::optional<std::size_t>(index[*parent]) : std::nullopt;
            }
        }
    }
    for (auto& v : out) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    return out;
}

}  // namespace

AxisKeys::AxisKeys(const CodingFacts& facts, const Axis& axis) {
    switch (axis.dimension) {
        case Dimension::codes:
            source_ = Source::code;
            for (std::size_t c = 0; c < facts.codes.size(); ++c) {
                labels.push_back(facts.code_path(static_cast<std::int32_t>(c)));
                by_source_.push_back({static_cast<std::int32_t>(c)});
            }
            break;
        case Dimension::themes:
            source_ = Source::code;
            for (const auto& t : facts.themes) labels.push_back(t.name);
            by_source_ = themes_by_code(facts);
            break;
        case Dimension::comb:
            source_ = Source::tags;
            for (auto c : core::kAllComB) labels.emplace_back(core::to_string(c));
            for (const auto& t : facts.tagsets) {
                std::vector<std::int32_t> keys;
                for (int i = 0; i < 6; ++i) if (t.comb_mask & (1u << i)) keys.push_back(i);
                by_source_.push_back(keys);
            }
            break;
        case Dimension::level: {
            source_ = Source::tags;
            // Base levels always; each actor right after its level (facts.levels is sorted).
            std::vector<core::LevelTag> tags;
            for (auto l : core::kAllLevels) {
                tags.push_back({l, {}});
                for (const auto& t : facts.levels) if (t.level == l && !t.actor.empty()) tags.push_back(t);
            }
            for (const auto& t : tags) labels.push_back(t.to_string());
            for (const auto& t : facts.tagsets) {
                if (t.level == kNone) {
                    by_source_.push_back({});
                    continue;
                }
                const auto& tag = facts.levels[static_cast<std::size_t>(t.level)];
                by_source_.push_back({static_cast<std::int32_t>(std::find(tags.begin(), tags.end(), tag) - tags.begin())});
            }
            break;
        }
        case Dimension::valence:
            source_ = Source::tags;
            for (auto v : core::kAllValences) labels.emplace_back(core::to_string(v));
            for (const auto& t : facts.tagsets) {
                by_source_.push_back(t.valence == kNone ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{t.valence});
            }
            break;
        case Dimension::cases:
            source_ = Source::case_;
            for (std::size_t c = 0; c < facts.cases.size(); ++c) {
                labels.push_back(facts.cases[c].name);
                by_source_.push_back({static_cast<std::int32_t>(c)});
            }
            break;
        case Dimension::attribute: {
            source_ = Source::case_;
            const auto column = facts.attribute_column(axis.key);
            if (!column) {
                std::string known;
                for (const auto& n : facts.attribute_names()) known += (known.empty() ? "" : ", ") + n;
                throw core::InputError::argument("no attribute \"" + axis.key + "\" in this project (known: " +
                                                           (known.empty() ? "none" : known) + ")");
            }
            std::set<std::string> values;
            for (const auto& v : *column) if (v) values.insert(*v);
            labels.assign(values.begin(), values.end());
            for (const auto& v : *column) {
                if (!v) {
                    by_source_.push_back({});
                    continue;
                }
                by_source_.push_back({static_cast<std::int32_t>(std::find(labels.begin(), labels.end(), *v) - labels.begin())});
            }
            break;
        }
    }
}

}  // namespace comb::analysis
