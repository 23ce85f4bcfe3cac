// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Salvage: what can still be read from a damaged project, copied into a new one
// (`comb salvage P NEW.comb`, docs/storage.md). Debian 12's libsqlite3 (3.40) does not export
// SQLite's recovery API (sqlite3_recover_*, the shell's .recover), so this is our own: every
// table of the schema is read row by row in rowid order; where a damaged page stops the scan,
// the reader skips ahead to the next rowid it can reach (searching forward, then back to the
// first readable one), and records the range it could not read. Rows that then refer to a row
// that was lost (a coding whose document is gone) are dropped and counted. The damaged file
// is only read, never written.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace comb::store {

struct SalvagedTable {
    std::string table;
    std::int64_t copied = 0;   // rows in the new project
    std::int64_t dropped = 0;  // read, but referring to a lost row
    std::vector<std::pair<std::int64_t, std::int64_t>> unreadable;  // rowid ranges, inclusive
    bool lost = false;         // not even the start of the table could be read
};

struct SalvageReport {
    std::vector<SalvagedTable> tables;
    std::vector<std::string> notes;
    std::string integrity;  // of the new project: "ok"
};

// Copies what can be read of `damaged` into a new project at `target` (which must not exist).
// Throws InputError when `target` cannot be made or nothing of `damaged` can be read.
SalvageReport salvage_project(const std::filesystem::path& damaged, const std::filesystem::path& target);

// The report as text: one line per table, then the notes.
std::string salvage_report_text(const SalvageReport& report);

}  // namespace comb::store
