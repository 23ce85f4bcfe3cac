// SPDX-License-Identifier: GPL-3.0-or-later
#include "coding_counts.h"

#include <string>

namespace comb::store {
namespace {

// The group of coding row X (NEW, OLD or a table alias): its document's case (0 for none),
// whether it has an override and its text ('' for none), and core::inside_interviewer_turn in
// SQL (the last turn starting at or before it, by start then seq, is an interviewer's and
// contains it).
std::string case_of(const std::string& x) {
    return "COALESCE((SELECT case_id FROM documents WHERE id = " + x + ".document_id), 0)";
}
std::string interviewer_of(const std::string& x) {
    return "COALESCE((SELECT t.is_interviewer AND t.start <= " + x + ".start AND " + x + ".\"end\" <= t.\"end\" FROM turns t "
           "WHERE t.document_id = " + x + ".document_id AND t.start <= " + x + ".start ORDER BY t.start DESC, t.seq DESC LIMIT 1), 0)";
}
std::string group_of(const std::string& x) {
    return x + ".code_id, " + case_of(x) + ", " + x + ".tag_override IS NOT NULL, COALESCE(" + x + ".tag_override, ''), " +
           interviewer_of(x);
}

const char* const kColumns = "coding_counts(code_id, case_key, has_override, tag_override, interviewer, n)";
const char* const kMerge = " ON CONFLICT(code_id, case_key, has_override, tag_override, interviewer) DO UPDATE SET n = n + excluded.n";

std::string add_one(const std::string& x) {
    return std::string("INSERT INTO ") + kColumns + " VALUES(" + group_of(x) + ", 1)" + kMerge + ";";
}
std::string remove_one(const std::string& x) {
    return std::string("INSERT INTO ") + kColumns + " VALUES(" + group_of(x) + ", -1)" + kMerge + ";" +
           "DELETE FROM coding_counts WHERE code_id = " + x + ".code_id AND n = 0;";
}

}  // namespace

void add_coding_counts(Connection& db) {
    db.exec(R"SQL(
CREATE INDEX turns_start ON turns(document_id, start);
CREATE TABLE coding_counts(
  code_id INTEGER NOT NULL, case_key INTEGER NOT NULL,
  has_override INTEGER NOT NULL, tag_override TEXT NOT NULL, interviewer INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY(code_id, case_key, has_override, tag_override, interviewer)) WITHOUT ROWID;
)SQL");
    db.exec("CREATE TRIGGER coding_counts_insert AFTER INSERT ON codings BEGIN " + add_one("NEW") + " END;");
    db.exec("CREATE TRIGGER coding_counts_delete AFTER DELETE ON codings BEGIN " + remove_one("OLD") + " END;");
    db.exec("CREATE TRIGGER coding_counts_update AFTER UPDATE OF document_id, start, \"end\", code_id, tag_override ON codings "
            "BEGIN " + remove_one("OLD") + add_one("NEW") + " END;");
    refill_coding_counts(db);
}

void refill_coding_counts(Connection& db) {
    db.exec("DELETE FROM coding_counts");
    db.exec(std::string("INSERT INTO ") + kColumns + " SELECT " + group_of("c") + ", count(*) FROM codings c WHERE true " +
            "GROUP BY 1, 2, 3, 4, 5");
}

void shift_document_counts(Connection& db, std::int64_t id, int sign) {
    Statement st(db, std::string("INSERT INTO ") + kColumns + " SELECT " + group_of("c") + ", " + std::to_string(sign) +
                         " * count(*) FROM codings c WHERE c.document_id = ? GROUP BY 1, 2, 3, 4, 5" + kMerge);
    st.bind(1, id).run();
    if (sign < 0) return;
    Statement prune(db, "DELETE FROM coding_counts WHERE n = 0 AND code_id IN (SELECT code_id FROM codings WHERE document_id = ?)");
    prune.bind(1, id).run();
}

}  // namespace comb::store
