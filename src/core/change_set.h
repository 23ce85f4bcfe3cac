// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A ChangeSet is what one user action did to the project: a list of row changes, each with
// the row before and after. Applying writes the after-images in order; reverting writes the
// before-images in reverse order. Commands only compute ChangeSets, so every action, bulk
// ones included, undoes and redoes the same way, and the history can be kept in the file.
#include <optional>
#include <string>
#include <string_view>
#include <set>
#include <variant>
#include <vector>

#include "model.h"

namespace comb::core {

using Row = std::variant<Document, Case, Attribute, AttributeValue, Code, Coding, Memo, Theme>;

enum class RowKind { document, case_, attribute, attribute_value, code, coding, memo, theme };
RowKind kind_of(const Row& row);
std::string_view to_string(RowKind kind);  // "document", "case", ... as the history JSON spells it
std::optional<RowKind> parse_row_kind(std::string_view name);  // nullopt for an unknown name

// A row's identity: "code:12", "attribute_value:3:2" (case, attribute).
std::string row_key(const Row& row);
// An empty row of `kind` with this id, to look the stored one up (not for attribute values).
Row key_row(RowKind kind, std::int64_t id);
// For messages: "code 'Time'", "coding 12", "theme 'Readiness'".
std::string describe(const Row& row);
// Whether two rows hold the same content, versions aside.
bool same_content(const Row& a, const Row& b);
std::int64_t version_of(const Row& row);
void set_version(Row& row, std::int64_t version);

struct Change {
    std::optional<Row> before;  // absent: the row is inserted
    std::optional<Row> after;   // absent: the row is deleted
    friend bool operator==(const Change&, const Change&) = default;
};

struct ChangeSet {
    std::vector<Change> changes;

    void insert(Row row) { changes.push_back({std::nullopt, std::move(row)}); }
    void update(Row before, Row after) { changes.push_back({std::move(before), std::move(after)}); }
    void erase(Row row) { changes.push_back({std::move(row), std::nullopt}); }
    bool empty() const { return changes.empty(); }
    ChangeSet inverse() const;

    // What a view needs to know to refresh itself.
    std::set<DocumentId> documents_with_changed_codings() const;
    bool touches(RowKind kind) const;
    friend bool operator==(const ChangeSet&, const ChangeSet&) = default;
};

}  // namespace comb::core
