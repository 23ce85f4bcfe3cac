// SPDX-License-Identifier: GPL-3.0-or-later
// Writing rows of a PostgreSQL project: SqlRepository's checks and messages (src/store/
// sql_repository.cpp) with this server's dialect: writes only inside a transaction, a checked
// row locked until it ends, a broken reference known by its SQLSTATE, inserts batched.
#include <algorithm>

#include "core/error.h"
#include "pg_cells.h"
#include "pg_project.h"

namespace comb::store {
using namespace comb::core;

void PgProject::require_transaction(const char* what) const {
    if (!in_transaction_) throw StoreError(what, "no transaction is open");
}

std::string_view PgProject::version_lock() const {
    // FOR UPDATE: the row stays as read until this transaction ends (the advisory lock already
    // keeps other Comb writers out; this keeps out anyone editing by hand).
    return in_transaction_ ? " FOR UPDATE" : "";
}

bool PgProject::is_dangling_reference(const StoreError& e) const {
    const auto* pg = dynamic_cast<const PgError*>(&e);
    return pg && pg->sqlstate() == "23503";  // foreign_key_violation
}

void PgProject::execute(std::string_view sql, const Cells& params) { db_->exec(sql, to_params(params)); }

void PgProject::insert_rows(const TableColumns& table, const std::vector<Cells>& rows) {
    // A few statements for all rows: a round trip per turn made importing long transcripts
    // slow. 1,000 rows a statement keeps under the protocol's 65,535 parameters. Parameters go
    // as text, so a real column says its type.
    std::string marks;
    for (const auto& c : table.columns) marks += std::string(marks.empty() ? "(" : ",") + (c.type == ColumnType::real ? "?::float8" : "?");
    marks += ")";
    const std::string head = table.insert().substr(0, table.insert().find(" VALUES(")) + " VALUES";
    constexpr std::size_t kBatch = 1000;
    for (std::size_t from = 0; from < rows.size(); from += kBatch) {
        std::string sql = head;
        std::vector<PgParam> params;
        for (std::size_t i = from; i < std::min(rows.size(), from + kBatch); ++i) {
            sql += (i > from ? "," : "") + marks;
            for (const auto& cell : rows[i]) params.push_back(to_param(cell));
        }
        db_->exec(sql, params);
    }
}

}  // namespace comb::store
