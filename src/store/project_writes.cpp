// SPDX-License-Identifier: GPL-3.0-or-later
// Writing rows of the project file: SqlRepository's statements on SQLite (its checks and
// messages are SqlRepository's), and the count table kept current when a document changes.
#include <string>

#include "coding_counts.h"
#include "core/error.h"
#include "project_file.h"

namespace comb::store {
using namespace comb::core;

void ProjectFile::execute(std::string_view sql, const Cells& params) {
    Statement st(db_, sql);
    st.bind_all(params);
    st.run();
}

void ProjectFile::insert_rows(const TableColumns& table, const std::vector<Cells>& rows) {
    Statement st(db_, table.insert());  // prepared once, run per row
    for (const auto& row : rows) {
        st.bind_all(row).run();
    }
}

// SQLite names the broken constraint only in its message (foreign keys are on).
bool ProjectFile::is_dangling_reference(const StoreError& e) const {
    return std::string(e.what()).find("FOREIGN KEY") != std::string::npos;
}

void ProjectFile::write_document(const Document& d) {
    // Its case and turns decide its codings' groups in the count table: out and back in.
    Statement coded(db_, "SELECT 1 FROM codings WHERE document_id = ? LIMIT 1");
    const bool has_codings = coded.bind(1, d.id.value).step();
    if (has_codings) shift_document_counts(db_, d.id.value, -1);
    SqlRepository::write_document(d);
    if (has_codings) shift_document_counts(db_, d.id.value, +1);
}

}  // namespace comb::store
