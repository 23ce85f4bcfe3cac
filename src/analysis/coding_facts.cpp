// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/coding_facts.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace comb::analysis {
namespace {

template <class Key>
std::int32_t lookup(const std::vector<std::pair<Key, std::int32_t>>& sorted, Key key) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(key, std::int32_t{-2147483647}));
    return it != sorted.end() && it->first == key ? it->second : kNone;
}

bool level_less(const core::LevelTag& a, const core::LevelTag& b) {
    if (a.level != b.level) return a.level < b.level;
    return a.actor < b.actor;
}

// Ids are dense in practice: a direct table beats a binary search per coding. Sparse ids (say
// after a REFI import that kept large ones) get no table (empty): the caller searches.
template <class Key>
std::vector<std::int32_t> dense_table(const std::vector<std::pair<Key, std::int32_t>>& sorted_ids) {
    const std::int64_t top = sorted_ids.empty() ? 0 : sorted_ids.back().first.value;
    if (top > 64 * static_cast<std::int64_t>(sorted_ids.size()) + (1 << 20)) return {};
    std::vector<std::int32_t> table(static_cast<std::size_t>(top) + 1, kNone);
    for (const auto& [id, index] : sorted_ids) table[static_cast<std::size_t>(id.value)] = index;
    return table;
}

// An id's index: from its dense table, or by search when there is none.
template <class Key>
std::int32_t index_of(const std::vector<std::int32_t>& table, const std::vector<std::pair<Key, std::int32_t>>& sorted_ids,
                      Key id) {
    if (table.empty()) return lookup(sorted_ids, id);
    return id.value > 0 && static_cast<std::size_t>(id.value) < table.size() ? table[static_cast<std::size_t>(id.value)] : kNone;
}

// Sorts each document's bucket [first[d], fill[d]) of `rows` by start, end, id and closes the
// holes that skipped rows left at the end of each bucket.
void sort_buckets(std::vector<CodingRow>& rows, const std::vector<std::size_t>& first, const std::vector<std::size_t>& fill) {
    const auto before = [](const CodingRow& a, const CodingRow& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        return a.id < b.id;
    };
    std::size_t used = 0;
    for (std::size_t d = 0; d + 1 < first.size(); ++d) {
        const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(first[d]);
        const auto end = rows.begin() + static_cast<std::ptrdiff_t>(fill[d]);
        if (!std::is_sorted(begin, end, before)) std::sort(begin, end, before);
        used += fill[d] - first[d];
        if (used != fill[d]) std::move(begin, end, rows.begin() + static_cast<std::ptrdiff_t>(used - (fill[d] - first[d])));
    }
    rows.resize(used);
}

}  // namespace

CodingFacts CodingFacts::load(const core::Repository& repo) {
    // One pass over the codings; the tag overrides are parsed once per distinct text.
    std::vector<RawCoding> raw;
    std::vector<core::TagSet> overrides;
    std::unordered_map<std::string_view, std::int32_t> override_ids;
    std::vector<std::unique_ptr<std::string>> override_texts;  // the keys of override_ids
    raw.reserve(static_cast<std::size_t>(repo.coding_count()));
    // The coders come from the same pass: a second scan with DISTINCT cost as much as this one.
    std::set<std::string, std::less<>> coders;
    std::string last_coder;
    repo.scan_codings([&](const core::StoredCoding& c) {
        RawCoding r{c.id.value, c.document, c.span.start.value, c.span.end.value, c.code, kNone, c.pinned};
        if (c.tag_override) {
            auto it = override_ids.find(*c.tag_override);
            if (it == override_ids.end()) {
                override_texts.push_back(std::make_unique<std::string>(*c.tag_override));
                overrides.push_back(core::TagSet::parse(*override_texts.back()));
                it = override_ids.emplace(*override_texts.back(), static_cast<std::int32_t>(overrides.size() - 1)).first;
            }
            r.override_ = it->second;
        }
        if (raw.empty() || c.coder != last_coder) {
            last_coder = c.coder;
            coders.insert(last_coder);
        }
        raw.push_back(r);
    });
    auto facts = assemble(repo, std::move(raw), overrides);
    facts.coders.assign(coders.begin(), coders.end());
    return facts;
}

CodingFacts CodingFacts::from(const core::Repository& repo) {
    std::vector<RawCoding> raw;
    std::vector<core::TagSet> overrides;
    std::map<std::string, std::int32_t> override_ids;
    std::set<std::string> coders;
    for (const auto& c : repo.codings()) {
        coders.insert(c.coder);
        RawCoding r{c.id.value, c.document, c.span.start.value, c.span.end.value, c.code, kNone, c.pinned};
        if (c.tag_override) {
            auto [it, fresh] = override_ids.try_emplace(c.tag_override->to_string(), static_cast<std::int32_t>(overrides.size()));
            if (fresh) overrides.push_back(*c.tag_override);
            r.override_ = it->second;
        }
        raw.push_back(r);
    }
    auto facts = assemble(repo, std::move(raw), overrides);
    facts.coders.assign(coders.begin(), coders.end());
    return facts;
}

CodingFacts CodingFacts::read_tables(const core::Repository& repo, const std::vector<core::TagSet>& overrides,
                                     bool with_documents, std::vector<std::int32_t>& tagset_of_source) {
    CodingFacts f;
    if (with_documents) f.documents = repo.documents();
    f.cases = repo.cases();
    f.codes = repo.codes();
    f.themes = repo.themes();
    f.attributes_ = repo.attributes();
    f.attribute_values_ = repo.attribute_values();
    f.tree_ = core::CodeTree(f.codes);
    for (std::size_t i = 0; i < f.codes.size(); ++i) {
        f.code_ids_.emplace_back(f.codes[i].id, static_cast<std::int32_t>(i));
        f.paths_.push_back(f.tree_.path(f.codes[i].id));
    }
    for (std::size_t i = 0; i < f.documents.size(); ++i) f.doc_ids_.emplace_back(f.documents[i].id, static_cast<std::int32_t>(i));
    for (std::size_t i = 0; i < f.cases.size(); ++i) f.case_ids_.emplace_back(f.cases[i].id, static_cast<std::int32_t>(i));
    std::sort(f.code_ids_.begin(), f.code_ids_.end());
    std::sort(f.doc_ids_.begin(), f.doc_ids_.end());
    std::sort(f.case_ids_.begin(), f.case_ids_.end());

    // Intern the level tags of codes and overrides, sorted, then the tag sets themselves.
    std::vector<const core::TagSet*> sources;
    for (const auto& c : f.codes) sources.push_back(&c.tags);
    for (const auto& o : overrides) sources.push_back(&o);
    for (const auto* t : sources) {
        if (t->level && std::find(f.levels.begin(), f.levels.end(), *t->level) == f.levels.end()) f.levels.push_back(*t->level);
    }
    std::sort(f.levels.begin(), f.levels.end(), level_less);
    for (const auto* t : sources) {
        TagFacts tf;
        for (auto c : t->effective_comb()) tf.comb_mask |= static_cast<std::uint8_t>(1u << static_cast<int>(c));
        if (t->level) {
            tf.level = static_cast<std::int32_t>(std::find(f.levels.begin(), f.levels.end(), *t->level) - f.levels.begin());
        }
        if (t->valence) tf.valence = static_cast<std::int32_t>(*t->valence);
        auto it = std::find(f.tagsets.begin(), f.tagsets.end(), tf);
        if (it == f.tagsets.end()) {
            f.tagsets.push_back(tf);
            f.tagset_sources.push_back(*t);
            it = f.tagsets.end() - 1;
        }
        tagset_of_source.push_back(static_cast<std::int32_t>(it - f.tagsets.begin()));
    }
    return f;
}

CodingFacts CodingFacts::load_counts(const core::Repository& repo) {
    struct Group {
        core::CodeId code;
        std::optional<core::CaseId> case_id;
        std::int32_t override_ = kNone;
        bool interviewer = false;
        std::int64_t n = 0;
    };
    std::vector<Group> groups;
    std::vector<core::TagSet> overrides;
    std::map<std::string, std::int32_t, std::less<>> override_ids;
    repo.scan_coding_counts([&](const core::CodingCount& c) {
        Group g{c.code, c.case_id, kNone, c.interviewer_only, c.n};
        if (c.tag_override) {
            auto it = override_ids.find(*c.tag_override);
            if (it == override_ids.end()) {
                overrides.push_back(core::TagSet::parse(*c.tag_override));
                it = override_ids.emplace(std::string(*c.tag_override), static_cast<std::int32_t>(overrides.size() - 1)).first;
            }
            g.override_ = it->second;
        }
        groups.push_back(g);
    });
    std::vector<std::int32_t> tagset_of_source;
    CodingFacts f = read_tables(repo, overrides, false, tagset_of_source);
    f.counts_only_ = true;
    for (const auto& g : groups) {
        CodingRow row;
        row.doc = kNone;
        row.code = f.code_index(g.code);
        if (row.code == kNone) continue;  // foreign keys forbid this; be safe
        row.tags = g.override_ != kNone ? tagset_of_source[f.codes.size() + static_cast<std::size_t>(g.override_)]
                                        : tagset_of_source[static_cast<std::size_t>(row.code)];
        row.case_ = g.case_id ? f.case_index(*g.case_id) : kNone;
        row.interviewer_only = g.interviewer;
        row.n = g.n;
        f.codings.push_back(row);
    }
    return f;
}

CodingFacts CodingFacts::assemble(const core::Repository& repo, std::vector<RawCoding> raw,
                                  const std::vector<core::TagSet>& overrides) {
    std::vector<std::int32_t> tagset_of_source;
    CodingFacts f = read_tables(repo, overrides, true, tagset_of_source);
    std::vector<std::int32_t> doc_case(f.documents.size(), kNone);

    for (std::size_t i = 0; i < f.documents.size(); ++i) {
        if (f.documents[i].case_id) doc_case[i] = f.case_index(*f.documents[i].case_id);
    }
    const auto doc_table = dense_table(f.doc_ids_);
    const auto code_table = dense_table(f.code_ids_);
    const auto doc_at = [&](core::DocumentId id) { return index_of(doc_table, f.doc_ids_, id); };
    const auto code_at = [&](core::CodeId id) { return index_of(code_table, f.code_ids_, id); };
    // Bucket by document (a counting sort in import order), then sort each document's few.
    std::vector<std::size_t> per_doc(f.documents.size() + 1, 0);
    for (const auto& r : raw) {
        const auto d = doc_at(r.doc);
        if (d != kNone) ++per_doc[static_cast<std::size_t>(d) + 1];
    }
    for (std::size_t i = 1; i < per_doc.size(); ++i) per_doc[i] += per_doc[i - 1];
    f.codings.resize(per_doc.back());
    auto fill = per_doc;
    for (const auto& r : raw) {
        CodingRow row;
        row.id = r.id;
        row.start = r.start;
        row.end = r.end;
        row.doc = doc_at(r.doc);
        row.code = code_at(r.code);
        if (row.doc == kNone || row.code == kNone) continue;  // foreign keys forbid this; be safe
        row.tags = r.override_ != kNone ? tagset_of_source[f.codes.size() + static_cast<std::size_t>(r.override_)]
                                        : tagset_of_source[static_cast<std::size_t>(row.code)];
        row.case_ = doc_case[static_cast<std::size_t>(row.doc)];
        row.pinned = r.pinned;
        row.interviewer_only = core::inside_interviewer_turn(f.documents[static_cast<std::size_t>(row.doc)].turns,
                                                            {core::CodePoint(r.start), core::CodePoint(r.end)});
        f.codings[fill[static_cast<std::size_t>(row.doc)]++] = row;
    }
    sort_buckets(f.codings, per_doc, fill);
    return f;
}

std::int32_t CodingFacts::code_index(core::CodeId id) const { return lookup(code_ids_, id); }
std::int32_t CodingFacts::doc_index(core::DocumentId id) const { return lookup(doc_ids_, id); }
std::int32_t CodingFacts::case_index(core::CaseId id) const { return lookup(case_ids_, id); }

std::optional<std::string> CodingFacts::case_name(std::int32_t c) const {
    if (c == kNone) return std::nullopt;
    return cases[static_cast<std::size_t>(c)].name;
}

std::optional<std::vector<std::optional<std::string>>> CodingFacts::attribute_column(const std::string& key) const {
    const auto attr = std::find_if(attributes_.begin(), attributes_.end(), [&](const core::Attribute& a) { return a.name == key; });
    if (attr == attributes_.end()) return std::nullopt;
    std::vector<std::optional<std::string>> column(cases.size());
    for (const auto& v : attribute_values_) {
        if (v.attribute_id != attr->id) continue;
        const auto c = case_index(v.case_id);
        if (c != kNone && !v.value.empty()) column[static_cast<std::size_t>(c)] = v.value;
    }
    return column;
}

std::vector<std::string> CodingFacts::attribute_names() const {
    std::vector<std::string> names;
    for (const auto& a : attributes_) names.push_back(a.name);
    std::sort(names.begin(), names.end());
    return names;
}

std::string CodingFacts::case_label(std::int32_t c) const {
    if (c == kNone) return {};
    for (const char* key : {"role", "stakeholder_group"}) {
        if (const auto column = attribute_column(key); column && (*column)[static_cast<std::size_t>(c)]) {
            return *(*column)[static_cast<std::size_t>(c)];
        }
    }
    return {};
}

std::vector<core::ComB> CodingFacts::comb_of(std::int32_t tagset) const {
    std::vector<core::ComB> out;
    const auto mask = tagsets[static_cast<std::size_t>(tagset)].comb_mask;
    for (int i = 0; i < 6; ++i) if (mask & (1u << i)) out.push_back(core::kAllComB[i]);
    return out;
}

}  // namespace comb::analysis
