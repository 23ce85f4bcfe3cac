// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The store-neutral description of each row kind: its table, its columns (key first) and how a
// core row maps to column values and back. Both stores (SQLite here, PostgreSQL in
// src/store_pg) read and write rows only through it, so a column is named, ordered and encoded
// once. Nothing here knows a database: no SQLite or libpq type, placeholders are `?`.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/change_set.h"

namespace comb::store {

// One column value as both stores bind it: NULL, integer, real or text.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;
using Cells = std::vector<Cell>;

// One result row, read by column index (0-based) in the order the description selects.
class RowCells {
public:
    virtual bool is_null(int col) const = 0;
    virtual std::int64_t int64(int col) const = 0;
    virtual double real(int col) const = 0;
    // Valid until the store moves to the next row.
    virtual std::string_view text_view(int col) const = 0;
    std::string text(int col) const { return std::string(text_view(col)); }

protected:
    ~RowCells() = default;
};

// A column's type, for stores that send values as text and must say what they are.
enum class ColumnType { integer, real, text };

struct Column {
    const char* name;  // as SQL spells it: "\"end\"" is quoted
    ColumnType type;
};

struct TableColumns {
    const char* table;
    std::vector<Column> columns;
    std::size_t key_size;  // the first key_size columns are the primary key

    // "SELECT a.id, a.name, ... FROM table a " (no alias: plain names).
    std::string select(std::string_view alias = "") const;
    // "INSERT INTO table(columns) VALUES(?,...)".
    std::string insert() const;
    // The insert, replacing the non-key columns of a row with the same key (both dialects
    // spell it ON CONFLICT(key) DO UPDATE SET c=excluded.c).
    std::string upsert() const;
    // " WHERE id = ?" (each key column).
    std::string key_condition() const;
};

// The one table of row kinds in the store: where each kind lives. The name a history row
// carries ("coding") is core::to_string(RowKind), read back by core::parse_row_kind.
struct RowKindInfo : TableColumns {
    core::RowKind kind;
};
const RowKindInfo& row_kind_info(core::RowKind kind);
// The rows a document's turns and a theme's codes are kept in, written with their owner.
const TableColumns& turn_columns();
const TableColumns& theme_code_columns();

// A row's values in row_kind_info(kind_of(row)).columns order; its key's values.
Cells to_cells(const core::Row& row);
Cells key_cells(const core::Row& row);
std::vector<Cells> turn_cells(const core::Document& d);
std::vector<Cells> theme_code_cells(const core::Theme& t);

// Rows back from cells selected with the kind's select(). A document comes without its turns
// and a theme without its codes (their own tables). Throw what TagSet::parse and the JSON
// decoders throw for cells this build cannot read.
core::Document document_from(const RowCells& c);
core::Turn turn_from(const RowCells& c);
core::Case case_from(const RowCells& c);
core::Attribute attribute_from(const RowCells& c);
core::AttributeValue attribute_value_from(const RowCells& c);
core::Code code_from(const RowCells& c);
core::Coding coding_from(const RowCells& c);
core::Memo memo_from(const RowCells& c);
core::Theme theme_from(const RowCells& c);

}  // namespace comb::store
