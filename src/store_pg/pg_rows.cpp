// SPDX-License-Identifier: GPL-3.0-or-later
// SqlRepository's statements on PostgreSQL: row descriptions' cells as text parameters, result
// rows read by column. The rows themselves, their queries and orders are SqlRepository's
// (src/store/sql_repository.cpp), so both stores list identically; names sort by bytes
// (COLLATE "C", pg_project.h) as SQLite's do.
#include "pg_cells.h"
#include "pg_project.h"

namespace comb::store {

namespace {

// One row of a result, as SqlRepository reads it.
class ResultCells final : public RowCells {
public:
    ResultCells(const PgResult& r, int row) : r_(r), row_(row) {}
    bool is_null(int col) const override { return r_.is_null(row_, col); }
    std::int64_t int64(int col) const override { return r_.int64(row_, col); }
    double real(int col) const override { return r_.real(row_, col); }
    std::string_view text_view(int col) const override { return r_.text_view(row_, col); }

private:
    const PgResult& r_;
    int row_;
};

}  // namespace

void PgProject::query(std::string_view sql, const Cells& params, const VisitRow& visit) const {
    const auto r = db_->exec(sql, to_params(params));
    for (int i = 0; i < r.rows(); ++i) visit(ResultCells(r, i));
}

}  // namespace comb::store
