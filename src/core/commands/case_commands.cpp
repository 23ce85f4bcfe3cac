// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_commands.h"

#include <algorithm>
#include <cstdlib>
#include <cctype>

#include "core/error.h"

namespace comb::core {

CaseId ensure_case(Repository& repo, std::vector<Case>& cases, const std::string& name, ChangeSet& changes) {
    for (const auto& c : cases) if (c.name == name) return c.id;
    if (name.empty()) throw InputError::argument("a case name may not be empty");
    Case c{CaseId(repo.reserve_id(RowKind::case_)), name, {}};
    cases.push_back(c);
    changes.insert(c);
    return c.id;
}

namespace {
// YYYY-MM-DD, digits where digits belong.
bool is_iso_date(const std::string& v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    return true;
}
}  // namespace

AttributeType infer_attribute_type(const std::vector<std::string>& values) {
    bool any = false, all_number = true, all_date = true;
    for (const auto& v : values) {
        if (v.empty()) continue;
        any = true;
        char* end = nullptr;
        std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size()) all_number = false;
        if (!is_iso_date(v)) all_date = false;
    }
    if (!any) return AttributeType::text;
    if (all_number) return AttributeType::number;
    if (all_date) return AttributeType::date;
    return AttributeType::text;
}

void plan_attribute_values(Repository& repo, CaseId case_id,
                           const std::vector<std::pair<std::string, std::string>>& values,
                           std::vector<Attribute>& attributes,
                           const std::map<std::string, AttributeType>& types, ChangeSet& changes) {
    const auto existing = repo.attribute_values();
    for (const auto& entry : values) {
        // Named copies, not a structured binding: clang 14 cannot capture bindings in lambdas.
        const std::string& name = entry.first;
        const std::string& value = entry.second;
        auto attr = std::find_if(attributes.begin(), attributes.end(), [&](auto& a) { return a.name == name; });
        if (attr == attributes.end()) {
            Attribute a{AttributeId(repo.reserve_id(RowKind::attribute)), name, AttributeType::text, {}};
            const auto t = types.find(name);
            a.type = t != types.end() ? t->second : infer_attribute_type({value});
            attributes.push_back(a);
            changes.insert(a);
            attr = attributes.end() - 1;
        }
        AttributeValue v{case_id, attr->id, value};
        const auto old = std::find_if(existing.begin(), existing.end(), [&](auto& e) {
            return e.case_id == case_id && e.attribute_id == attr->id;
        });
        if (old == existing.end()) changes.insert(v);
        else if (old->value != value) changes.update(*old, v);
    }
}

std::string SetCaseAttributes::label() const {
    return "Set attributes of " + std::to_string(rows_.size()) + (rows_.size() == 1 ? " case" : " cases");
}

ChangeSet SetCaseAttributes::plan(Repository& repo) const {
    ChangeSet changes;
    auto cases = repo.cases();
    auto attributes = repo.attributes();
    for (const auto& row : rows_) {
        const CaseId id = ensure_case(repo, cases, row.case_name, changes);
        plan_attribute_values(repo, id, row.values, attributes, types_, changes);
    }
    return changes;
}

ChangeSet AssignCase::plan(Repository& repo) const {
    auto doc = repo.find_document(doc_);
    if (!doc) throw InputError::argument("no document with id " + std::to_string(doc_.value));
    ChangeSet changes;
    auto cases = repo.cases();
    const CaseId id = ensure_case(repo, cases, case_name_, changes);
    if (doc->case_id == id) return {};
    Document after = *doc;
    after.case_id = id;
    changes.update(*doc, after);
    return changes;
}

}  // namespace comb::core
