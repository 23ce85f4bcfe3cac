// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"

namespace comb::privacy {
namespace {

void add_matches(std::vector<Replacement>& out, const KeyMatcher& key, const std::string& where,
                 std::optional<core::DocumentId> doc, std::string_view text, int context) {
    const auto matches = key.matches(text);
    if (matches.empty()) return;
    const core::utf8::OffsetMap map(text);
    auto slice = [&](std::int64_t a, std::int64_t b) {
        a = std::max<std::int64_t>(0, a);
        b = std::min(map.length(), b);
        const auto s = map.byte_offset(core::CodePoint(a));
        return std::string(text.substr(s, map.byte_offset(core::CodePoint(b)) - s));
    };
    for (const auto& m : matches) {
        out.push_back({where, doc, m.span, slice(m.span.start.value - context, m.span.start.value), m.found,
                       m.replacement, slice(m.span.end.value, m.span.end.value + context)});
    }
}

}  // namespace

std::vector<Replacement> preview(const core::Repository& repo, const KeyMatcher& key, int context) {
    std::vector<Replacement> out;
    const auto docs = repo.documents();
    for (const auto& d : docs) add_matches(out, key, "document " + d.name, d.id, repo.text(d.text_id), context);
    std::map<std::int64_t, std::string> case_names;
    for (const auto& d : docs) add_matches(out, key, "document name", std::nullopt, d.name, context);
    for (const auto& d : docs) {
        for (const auto& [k, v] : d.metadata) add_matches(out, key, "document " + d.name + " " + k, std::nullopt, v, context);
    }
    for (const auto& c : repo.cases()) {
        case_names[c.id.value] = c.name;
        add_matches(out, key, "case name", std::nullopt, c.name, context);
        add_matches(out, key, "case " + c.name + " description", std::nullopt, c.description, context);
    }
    std::map<std::int64_t, std::string> attribute_names;
    for (const auto& a : repo.attributes()) attribute_names[a.id.value] = a.name;
    for (const auto& v : repo.attribute_values()) {
        add_matches(out, key, "attribute " + attribute_names[v.attribute_id.value] + " of " + case_names[v.case_id.value],
                    std::nullopt, v.value, context);
    }
    for (const auto& m : repo.memos()) {
        add_matches(out, key, "memo " + std::to_string(m.id.value), std::nullopt, m.title + "\n" + m.text, context);
    }
    for (const auto& c : repo.codes()) {
        for (const auto* s : {&c.name, &c.definition, &c.inclusion, &c.exclusion, &c.example}) {
            add_matches(out, key, "code " + c.name, std::nullopt, *s, context);
        }
    }
    for (const auto& t : repo.themes()) {
        add_matches(out, key, "theme " + t.name, std::nullopt, t.name + "\n" + t.description, context);
    }
    return out;
}

}  // namespace comb::privacy
