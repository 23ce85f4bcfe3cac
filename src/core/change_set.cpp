// SPDX-License-Identifier: GPL-3.0-or-later
#include "change_set.h"

#include <algorithm>
#include <iterator>

namespace comb::core {

RowKind kind_of(const Row& row) {
    return static_cast<RowKind>(row.index());
}

namespace {
// In RowKind order: the one list of row-kind names (history JSON, row keys, id counters).
constexpr std::string_view kRowKindNames[] = {"document", "case", "attribute", "attribute_value",
                                              "code", "coding", "memo", "theme"};
}  // namespace

std::string_view to_string(RowKind kind) { return kRowKindNames[static_cast<std::size_t>(kind)]; }

std::optional<RowKind> parse_row_kind(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kRowKindNames); ++i) {
        if (kRowKindNames[i] == name) return static_cast<RowKind>(i);
    }
    return std::nullopt;
}

std::string row_key(const Row& row) {
    const std::string kind(to_string(kind_of(row)));
    if (const auto* v = std::get_if<AttributeValue>(&row)) {
        return kind + ":" + std::to_string(v->case_id.value) + ":" + std::to_string(v->attribute_id.value);
    }
    return std::visit([&](const auto& r) -> std::string {
        if constexpr (requires { r.id.value; }) return kind + ":" + std::to_string(r.id.value);
        else return kind;
    }, row);
}

Row key_row(RowKind kind, std::int64_t id) {
    switch (kind) {
        case RowKind::document: { Document r; r.id = DocumentId(id); return r; }
        case RowKind::case_: { Case r; r.id = CaseId(id); return r; }
        case RowKind::attribute: { Attribute r; r.id = AttributeId(id); return r; }
        case RowKind::attribute_value: return AttributeValue{};
        case RowKind::code: { Code r; r.id = CodeId(id); return r; }
        case RowKind::coding: { Coding r; r.id = CodingId(id); return r; }
        case RowKind::memo: { Memo r; r.id = MemoId(id); return r; }
        case RowKind::theme: { Theme r; r.id = ThemeId(id); return r; }
    }
    return Document{};
}

std::string describe(const Row& row) {
    return std::visit([](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) return "document '" + r.name + "'";
        else if constexpr (std::is_same_v<T, Case>) return "case '" + r.name + "'";
        else if constexpr (std::is_same_v<T, Attribute>) return "attribute '" + r.name + "'";
        else if constexpr (std::is_same_v<T, AttributeValue>) {
            return "the value of attribute " + std::to_string(r.attribute_id.value) + " for case " + std::to_string(r.case_id.value);
        } else if constexpr (std::is_same_v<T, Code>) return "code '" + r.name + "'";
        else if constexpr (std::is_same_v<T, Coding>) return "coding " + std::to_string(r.id.value);
        else if constexpr (std::is_same_v<T, Memo>) return "memo " + std::to_string(r.id.value);
        else return "theme '" + r.name + "'";
    }, row);
}

std::int64_t version_of(const Row& row) {
    return std::visit([](const auto& r) { return r.version; }, row);
}

void set_version(Row& row, std::int64_t version) {
    std::visit([&](auto& r) { r.version = version; }, row);
}

bool same_content(const Row& a, const Row& b) {
    if (a.index() != b.index()) return false;
    Row b2 = b;
    set_version(b2, version_of(a));
    return a == b2;
}

ChangeSet ChangeSet::inverse() const {
    ChangeSet out;
    out.changes.reserve(changes.size());
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) out.changes.push_back({it->after, it->before});
    return out;
}

std::set<DocumentId> ChangeSet::documents_with_changed_codings() const {
    std::set<DocumentId> out;
    for (const auto& c : changes) {
        for (const auto* row : {c.before ? &*c.before : nullptr, c.after ? &*c.after : nullptr}) {
            if (!row) continue;
            if (const auto* coding = std::get_if<Coding>(row)) out.insert(coding->document);
        }
    }
    return out;
}

bool ChangeSet::touches(RowKind kind) const {
    return std::any_of(changes.begin(), changes.end(), [&](const Change& c) {
        return (c.before && kind_of(*c.before) == kind) || (c.after && kind_of(*c.after) == kind);
    });
}

}  // namespace comb::core
