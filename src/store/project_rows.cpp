// SPDX-License-Identifier: GPL-3.0-or-later
// Reading rows of the project file: SqlRepository's statements on SQLite, and the reads only
// this store has (the count table, document summaries).
#include "core/error.h"
#include "project_file.h"

namespace comb::store {
using namespace comb::core;

namespace {

// A Statement's current row, as SqlRepository reads it.
class StatementCells final : public RowCells {
public:
    explicit StatementCells(const Statement& st) : st_(st) {}
    bool is_null(int col) const override { return st_.is_null(col); }
    std::int64_t int64(int col) const override { return st_.int64(col); }
    double real(int col) const override { return st_.real(col); }
    std::string_view text_view(int col) const override { return st_.text_view(col); }

private:
    const Statement& st_;
};

}  // namespace

void ProjectFile::query(std::string_view sql, const Cells& params, const VisitRow& visit) const {
    Statement st(db_, sql);
    st.bind_all(params);
    const StatementCells cells(st);
    while (st.step()) visit(cells);
}

std::optional<Document> ProjectFile::find_document_by_name(std::string_view name) const {
    return first_document("WHERE name = ?", std::string(name));
}

std::vector<DocumentSummary> ProjectFile::document_summaries() const {
    Statement st(db_, "SELECT id, name, case_id, text_id, chars, position, "
                      "(SELECT count(*) FROM turns t WHERE t.document_id = documents.id) FROM documents ORDER BY position, id");
    std::vector<DocumentSummary> out;
    while (st.step()) {
        out.push_back({DocumentId(st.int64(0)), st.text(1), st.is_null(2) ? std::nullopt : std::optional(CaseId(st.int64(2))),
                       TextId(st.int64(3)), st.int64(4), st.int64(5), st.int64(6)});
    }
    return out;
}

void ProjectFile::scan_coding_counts(const std::function<void(const CodingCount&)>& visit) const {
    Statement st(db_, "SELECT case_key, code_id, has_override, tag_override, interviewer, n FROM coding_counts WHERE n > 0");
    while (st.step()) {
        const auto case_key = st.int64(0);
        CodingCount c{case_key ? std::optional(CaseId(case_key)) : std::nullopt, CodeId(st.int64(1)), std::nullopt,
                      st.int64(4) != 0, st.int64(5)};
        if (st.int64(2) != 0) c.tag_override = st.text_view(3);
        visit(c);
    }
}

}  // namespace comb::store
