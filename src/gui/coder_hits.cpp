// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coder_hits.h"

#include <algorithm>
#include <map>
#include <set>

#include "index/facets.h"

namespace comb::gui {
namespace {

using Terms = std::set<std::string>;

// Every coding facet of `filters` has a value whose term the passage carries.
bool carries(const Terms& terms, const index::Filters& f) {
    const auto any = [&](const std::vector<std::string>& values, const std::function<std::string(const std::string&)>& to_term) {
        return values.empty() || std::any_of(values.begin(), values.end(), [&](const std::string& v) { return terms.count(to_term(v)) > 0; });
    };
    using namespace index;
    return any(f.codes, [](const std::string& v) { return term(prefix::kCode, v); }) &&
           any(f.themes, [](const std::string& v) { return term(prefix::kTheme, v); }) &&
           any(f.comb, [](const std::string& v) { return comb_term(v); }) &&
           any(f.levels, [](const std::string& v) { return level_term(v); }) &&
           any(f.valences, [](const std::string& v) { return valence_term(v); });
}

}  // namespace

bool filters_on_codings(const index::Filters& f) {
    return !f.codes.empty() || !f.themes.empty() || !f.comb.empty() || !f.levels.empty() || !f.valences.empty();
}

std::vector<index::Hit> hits_shown(std::vector<index::Hit> hits, const index::Filters& filters, const core::Repository& repo,
                                   const std::function<bool(const std::string& coder)>& shows) {
    if (!filters_on_codings(filters) || hits.empty()) return hits;
    const index::FacetSource facets(repo);
    std::map<std::int64_t, std::vector<core::Coding>> shown;  // per document, the codings shown
    std::erase_if(hits, [&](const index::Hit& hit) {
        auto found = shown.find(hit.doc.value);
        if (found == shown.end()) {
            auto codings = repo.codings_of_document(hit.doc);
            std::erase_if(codings, [&](const core::Coding& c) { return !shows(c.coder); });
            found = shown.emplace(hit.doc.value, std::move(codings)).first;
        }
        Terms terms;
        for (const auto& c : found->second) {
            if (c.span.start >= hit.span.end || c.span.end <= hit.span.start) continue;
            const auto t = facets.coding_terms(c);
            terms.insert(t.begin(), t.end());
        }
        return !carries(terms, filters);
    });
    return hits;
}

}  // namespace comb::gui
