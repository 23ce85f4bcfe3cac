// SPDX-License-Identifier: GPL-3.0-or-later
#include "repository.h"

#include <set>
#include <tuple>
#include "error.h"

namespace comb::core {

std::int64_t Repository::coding_count() const { return static_cast<std::int64_t>(codings().size()); }

void Repository::scan_codings(const std::function<void(const StoredCoding&)>& visit) const {
    for (const auto& c : codings()) {
        const std::string override_text = c.tag_override ? c.tag_override->to_string() : std::string();
        StoredCoding row{c.id, c.document, c.span, c.code, c.coder, std::nullopt, c.pinned};
        if (c.tag_override) row.tag_override = override_text;
        visit(row);
    }
}

std::optional<Document> Repository::find_document_by_name(std::string_view name) const {
    for (auto& d : documents()) if (d.name == name) return std::move(d);
    return std::nullopt;
}

std::vector<DocumentSummary> Repository::document_summaries() const {
    std::vector<DocumentSummary> out;
    for (const auto& d : documents()) {
        out.push_back({d.id, d.name, d.case_id, d.text_id, d.chars, d.position, static_cast<std::int64_t>(d.turns.size())});
    }
    return out;
}

void Repository::scan_coding_counts(const std::function<void(const CodingCount&)>& visit) const {
    std::map<DocumentId, Document> docs;
    for (auto& d : documents()) docs.emplace(d.id, std::move(d));
    // (case or 0, code, has override, override text, interviewer-only) -> n
    std::map<std::tuple<std::int64_t, std::int64_t, bool, std::string, bool>, std::int64_t> groups;
    for (const auto& c : codings()) {
        const auto it = docs.find(c.document);
        if (it == docs.end()) continue;
        const auto& d = it->second;
        ++groups[{d.case_id ? d.case_id->value : 0, c.code.value, c.tag_override.has_value(),
                  c.tag_override ? c.tag_override->to_string() : std::string(), inside_interviewer_turn(d.turns, c.span)}];
    }
    for (const auto& [key, n] : groups) {
        const auto& [case_key, code, has_override, text, interviewer] = key;
        CodingCount row{case_key ? std::optional(CaseId(case_key)) : std::nullopt, CodeId(code), std::nullopt, interviewer, n};
        if (has_override) row.tag_override = text;
        visit(row);
    }
}

std::map<CodeId, CodeCount> Repository::code_counts() const {
    std::map<CodeId, CodeCount> out;
    std::map<CodeId, std::set<std::int64_t>> cases;
    scan_coding_counts([&](const CodingCount& g) {
        out[g.code].codings += g.n;
        if (g.case_id) cases[g.code].insert(g.case_id->value);
    });
    for (const auto& [code, ids] : cases) out[code].cases = static_cast<std::int64_t>(ids.size());
    return out;
}

void Repository::scan_texts(const std::function<void(TextId, std::string_view, std::string_view)>&) const {
    throw StoreError("list texts", "this store cannot list its texts");
}

std::vector<std::pair<std::string, std::string>> Repository::settings() const {
    throw StoreError("list settings", "this store cannot list its settings");
}

}  // namespace comb::core
