// SPDX-License-Identifier: GPL-3.0-or-later
#include "baselines.h"

#include <stdexcept>

namespace comb::bench {
namespace {

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    sqlite3_stmt* get() { return st_; }

private:
    sqlite3_stmt* st_ = nullptr;
};

void bind_text(sqlite3_stmt* st, int i, const std::string& s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::string facet_word(const std::string& prefix, const std::string& value) {
    std::string w = prefix;
    for (const char c : value) {
        if (std::isalnum(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return w;
}

Baselines::Baselines(const std::filesystem::path& file) {
    if (sqlite3_open(file.string().c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + file.string());
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
}

Baselines::~Baselines() { sqlite3_close(db_); }

void Baselines::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(msg);
    }
}

void Baselines::build_fts(const std::vector<BenchPassage>& passages) {
    exec("CREATE VIRTUAL TABLE fts USING fts5(body, facets, doc UNINDEXED, start UNINDEXED, end UNINDEXED,"
         " tokenize='porter unicode61')");
    exec("BEGIN");
    Stmt st(db_, "INSERT INTO fts(rowid, body, facets, doc, start, end) VALUES (?,?,?,?,?,?)");
    std::int64_t rowid = 0;
    for (const auto& p : passages) {
        sqlite3_bind_int64(st.get(), 1, ++rowid);
        bind_text(st.get(), 2, p.body);
        bind_text(st.get(), 3, p.facets);
        sqlite3_bind_int64(st.get(), 4, p.doc);
        sqlite3_bind_int64(st.get(), 5, p.start);
        sqlite3_bind_int64(st.get(), 6, p.end);
        sqlite3_step(st.get());
        sqlite3_reset(st.get());
    }
    exec("COMMIT");
}

void Baselines::build_plain(const std::vector<BenchPassage>& passages) {
    exec("CREATE TABLE plain(id INTEGER PRIMARY KEY, body TEXT, facets TEXT, doc INT, start INT, end INT)");
    exec("BEGIN");
    Stmt st(db_, "INSERT INTO plain(body, facets, doc, start, end) VALUES (?,?,?,?,?)");
    for (const auto& p : passages) {
        bind_text(st.get(), 1, p.body);
        bind_text(st.get(), 2, p.facets);
        sqlite3_bind_int64(st.get(), 3, p.doc);
        sqlite3_bind_int64(st.get(), 4, p.start);
        sqlite3_bind_int64(st.get(), 5, p.end);
        sqlite3_step(st.get());
        sqlite3_reset(st.get());
    }
    exec("COMMIT");
}

int Baselines::fts_search(const std::string& match, int limit) {
    Stmt st(db_, "SELECT doc, start, end, snippet(fts, 0, '«', '»', '…', 24) FROM fts WHERE fts MATCH ? "
                 "ORDER BY rank LIMIT ?");
    bind_text(st.get(), 1, match);
    sqlite3_bind_int(st.get(), 2, limit);
    int n = 0;
    while (sqlite3_step(st.get()) == SQLITE_ROW) ++n;
    return n;
}

int Baselines::like_search(const std::string& body_pattern, const std::string& facet_pattern, int limit) {
    Stmt st(db_, "SELECT doc, start, end, body FROM plain WHERE body LIKE ? AND facets LIKE ? LIMIT ?");
    bind_text(st.get(), 1, body_pattern);
    bind_text(st.get(), 2, facet_pattern);
    sqlite3_bind_int(st.get(), 3, limit);
    int n = 0;
    while (sqlite3_step(st.get()) == SQLITE_ROW) ++n;
    return n;
}

void Baselines::fts_update_facets(std::int64_t rowid, const std::string& facets) {
    Stmt st(db_, "UPDATE fts SET facets = ? WHERE rowid = ?");
    bind_text(st.get(), 1, facets);
    sqlite3_bind_int64(st.get(), 2, rowid);
    sqlite3_step(st.get());
}

}  // namespace comb::bench
