// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opening a project as a user does (`comb docs`, the workbench's first screen), timed in a
// fresh process so that peak RSS is the opening's own: the bench re-runs itself with
// --open-child PROJECT and reads the child's step times and peak RSS (VmHWM) from a pipe,
// its CPU time from wait4().
#include <filesystem>
#include <string>

namespace comb::bench {

struct OpenReport {
    // In the child, in order: what the user waits for.
    double project_file_ms = 0;  // store::ProjectFile::open, including PRAGMA quick_check
    double project_ms = 0;       // core::Project over it
    double index_ms = 0;         // PassageIndex opened and rebuild_reason()
    double lists_ms = 0;         // documents(), codes(), cases(), codings()
    double total_ms = 0;         // the four above
    // The narrow reads a first screen needs (issue 17): document_summaries(), codes(), cases(),
    // code_counts(); and open + index + those, as a first screen built on them would wait.
    double narrow_ms = 0;
    double narrow_total_ms = 0;
    // Then, for comparison, each on a fresh connection.
    double quick_check_ms = 0;   // PRAGMA quick_check alone
    double sqlite_ms = 0;        // sqlite3_open + SELECT count(*) FROM documents
    std::string index_state;     // "current" or rebuild_reason()
    long documents = 0, codings = 0;
    // Of the child process; peak RSS includes the two comparison steps (small).
    double wall_ms = 0, cpu_ms = 0;
    long max_rss_kb = 0;
};

// The child's side: opens `project` step by step and prints the times on stdout. Returns
// the exit code.
int open_project_child(const std::filesystem::path& project);

// Runs this executable with --open-child `project` and measures it. Throws
// std::runtime_error when the child cannot be started or fails.
OpenReport measure_open(const std::filesystem::path& project);

// Markdown rows for the report.
std::string open_rows(const OpenReport& r);

}  // namespace comb::bench
