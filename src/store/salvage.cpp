// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/salvage.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <set>

#include "core/error.h"
#include "store/connection.h"
#include "store/project_file.h"
#include "store/project_paths.h"
#include "store/schema.h"

namespace comb::store {
namespace fs = std::filesystem;
using core::InputError;

namespace {

constexpr std::int64_t kMaxRowid = std::int64_t(1) << 50;

// Reads one table of `src` in rowid order, from `from`; stops at the first error.
class TableReader {
public:
    TableReader(sqlite3* src, const std::string& table, const std::vector<std::string>& columns) : src_(src) {
        std::string cols;
        for (const auto& c : columns) cols += ", \"" + c + "\"";
        sql_ = "SELECT rowid" + cols + " FROM \"" + table + "\" WHERE rowid >= ? ORDER BY rowid";
    }
    ~TableReader() { sqlite3_finalize(st_); }
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // Starts at `from`; returns SQLITE_ROW (a row is ready), SQLITE_DONE or an error code.
    int start(std::int64_t from) {
        sqlite3_finalize(st_);
        st_ = nullptr;
        if (sqlite3_prepare_v2(src_, sql_.c_str(), -1, &st_, nullptr) != SQLITE_OK) return sqlite3_errcode(src_);
        sqlite3_bind_int64(st_, 1, from);
        return sqlite3_step(st_);
    }
    int next() { return sqlite3_step(st_); }
    sqlite3_stmt* row() const { return st_; }

private:
    sqlite3* src_;
    sqlite3_stmt* st_ = nullptr;
    std::string sql_;
};

std::vector<std::string> columns_of(sqlite3* db, const std::string& table) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, ("PRAGMA table_info(\"" + table + "\")").c_str(), -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    }
    sqlite3_finalize(st);
    return out;
}

// After an error at `failed`: the smallest start > failed from which the scan reads a row
// (or ends cleanly), found by doubling the step and then halving back. Returns kMaxRowid when
// nothing after `failed` can be reached.
std::int64_t next_readable(TableReader& reader, std::int64_t failed) {
    std::int64_t bad = failed, good = -1;
    for (std::int64_t step = 1; failed + step < kMaxRowid; step *= 2) {
        const int rc = reader.start(failed + step);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
            good = failed + step;
            break;
        }
        bad = failed + step;
    }
    if (good < 0) return kMaxRowid;
    while (good - bad > 1) {
        const std::int64_t mid = bad + (good - bad) / 2;
        const int rc = reader.start(mid);
        (rc == SQLITE_ROW || rc == SQLITE_DONE ? good : bad) = mid;
    }
    return good;
}

void copy_table(sqlite3* src, Connection& dst, const std::string& table, SalvagedTable& out) {
    auto columns = columns_of(dst.handle(), table);
    const auto have = columns_of(src, table);
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [&](const std::string& c) { return std::find(have.begin(), have.end(), c) == have.end(); }),
                  columns.end());
    if (columns.empty()) {
        out.lost = true;
        return;
    }
    std::string names = "rowid", marks = "?";
    for (const auto& c : columns) {
        names += ", \"" + c + "\"";
        marks += ", ?";
    }
    // meta: the damaged project's values (id counters, settings) win over the new file's.
    const std::string verb = table == "meta" ? "INSERT OR REPLACE" : "INSERT OR IGNORE";
    sqlite3_stmt* ins = nullptr;
    if (sqlite3_prepare_v2(dst.handle(), (verb + " INTO \"" + table + "\"(" + names + ") VALUES(" + marks + ")").c_str(), -1,
                           &ins, nullptr) != SQLITE_OK) {
        dst.fail("salvage " + table);
    }
    TableReader reader(src, table, columns);
    std::int64_t last = 0;  // the last rowid read
    int rc = reader.start(std::numeric_limits<std::int64_t>::min());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        const auto resume = next_readable(reader, 0);
        if (resume == kMaxRowid) out.lost = true;
        else out.unreadable.emplace_back(1, resume - 1);
        rc = resume == kMaxRowid ? SQLITE_DONE : reader.start(resume);
    }
    while (rc == SQLITE_ROW || (rc != SQLITE_DONE && !out.lost)) {
        if (rc != SQLITE_ROW) {
            const auto resume = next_readable(reader, last + 1);
            out.unreadable.emplace_back(last + 1, resume == kMaxRowid ? kMaxRowid : resume - 1);
            if (resume == kMaxRowid) break;
            rc = reader.start(resume);
            continue;
        }
        last = sqlite3_column_int64(reader.row(), 0);
        for (int i = 0; i <= static_cast<int>(columns.size()); ++i) sqlite3_bind_value(ins, i + 1, sqlite3_column_value(reader.row(), i));
        if (sqlite3_step(ins) == SQLITE_DONE && sqlite3_changes(dst.handle()) > 0) ++out.copied;
        sqlite3_reset(ins);
        rc = reader.next();
    }
    sqlite3_finalize(ins);
}

// Deletes rows that refer to a row that was lost, until none is left; counts them per table.
void drop_orphans(Connection& dst, std::vector<SalvagedTable>& tables) {
    for (int round = 0; round < 10; ++round) {
        std::vector<std::pair<std::string, std::int64_t>> orphans;
        {
            Statement st(dst, "PRAGMA foreign_key_check");
            while (st.step()) orphans.emplace_back(st.text(0), st.int64(1));
        }
        if (orphans.empty()) return;
        std::set<std::pair<std::string, std::int64_t>> unique(orphans.begin(), orphans.end());
        for (const auto& [table, rowid] : unique) {
            Statement(dst, "DELETE FROM \"" + table + "\" WHERE rowid = ?").bind(1, rowid).run();
            for (auto& t : tables) if (t.table == table) { ++t.dropped; --t.copied; }
        }
    }
}

}  // namespace

SalvageReport salvage_project(const fs::path& damaged, const fs::path& target) {
    check_project_path(damaged);
    check_new_project_path(target);
    Connection src = Connection::read_only(damaged.string(), !fs::exists(damaged.string() + "-wal"));
    // Lets SQLite read a file shorter than its header says (a truncated file) up to its end,
    // instead of refusing it whole; nothing is written (the connection is read-only).
    sqlite3_exec(src.handle(), "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
    SalvageReport report;
    {
        auto created = ProjectFile::create(target);  // the schema, its meta rows and the lock rules
    }
    Connection dst(target.string(), false);
    dst.exec("PRAGMA foreign_keys = OFF");
    dst.exec("BEGIN IMMEDIATE");
    std::vector<std::string> tables;
    {
        Statement st(dst, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
        while (st.step()) tables.push_back(st.text(0));
    }
    for (const auto& table : tables) {
        SalvagedTable t;
        t.table = table;
        copy_table(src.handle(), dst, table, t);
        report.tables.push_back(std::move(t));
    }
    drop_orphans(dst, report.tables);
    dst.exec("COMMIT");
    {
        Statement v(dst, "PRAGMA integrity_check");
        report.integrity = v.step() ? v.text(0) : "?";
    }
    std::int64_t copied = 0;
    for (const auto& t : report.tables) copied += t.copied;
    if (copied == 0) {
        dst.close();
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-lock"}) fs::remove(target.string() + suffix, ec);
        throw InputError({damaged.string()}, "nothing could be read from the damaged project; no new project was made");
    }
    {
        sqlite3_stmt* st = nullptr;
        int version = 0;
        if (sqlite3_prepare_v2(src.handle(), "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            version = sqlite3_column_int(st, 0);
        }
        sqlite3_finalize(st);
        if (version != kSchemaVersion) {
            report.notes.push_back("the damaged project had schema " + std::to_string(version) + "; columns this build does not know were left out");
        }
    }
    report.notes.push_back("the search index of the new project is built on first use");
    return report;
}

std::string salvage_report_text(const SalvageReport& report) {
    std::string out;
    for (const auto& t : report.tables) {
        out += t.table + ": " + std::to_string(t.copied) + " rows saved";
        if (t.lost) out += "; the table could not be read at all";
        for (const auto& [a, b] : t.unreadable) {
            out += "; unreadable rows " + std::to_string(a) + (b >= kMaxRowid ? " to the end" : "-" + std::to_string(b));
        }
        if (t.dropped) out += "; " + std::to_string(t.dropped) + " dropped (they referred to lost rows)";
        out += "\n";
    }
    for (const auto& n : report.notes) out += n + "\n";
    out += "integrity of the new project: " + report.integrity + "\n";
    return out;
}

}  // namespace comb::store
