// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a project in a fresh process: step times and peak RSS in the child, CPU from wait4().
#include "open_bench.h"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "core/project.h"
#include "index/passage_index.h"
#include "store/connection.h"
#include "store/project_file.h"

extern char** environ;

namespace comb::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

template <class F>
double timed(F&& f) {
    const auto t = Clock::now();
    f();
    return ms_since(t);
}

double ms_of(const timeval& tv) { return static_cast<double>(tv.tv_sec) * 1000 + static_cast<double>(tv.tv_usec) / 1000; }

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// The child's "key value" lines into the report.
void read_report(std::istream& in, OpenReport& r) {
    std::string key;
    while (in >> key) {
        if (key == "index_state") { in >> r.index_state; continue; }
        double v = 0;
        in >> v;
        if (key == "project_file_ms") r.project_file_ms = v;
        else if (key == "project_ms") r.project_ms = v;
        else if (key == "index_ms") r.index_ms = v;
        else if (key == "lists_ms") r.lists_ms = v;
        else if (key == "total_ms") r.total_ms = v;
        else if (key == "narrow_ms") r.narrow_ms = v;
        else if (key == "quick_check_ms") r.quick_check_ms = v;
        else if (key == "sqlite_ms") r.sqlite_ms = v;
        else if (key == "documents") r.documents = static_cast<long>(v);
        else if (key == "codings") r.codings = static_cast<long>(v);
        else if (key == "peak_rss_kb") r.max_rss_kb = static_cast<long>(v);
    }
}

// The peak RSS of this process image, from /proc/self/status. Not wait4()'s ru_maxrss: the
// kernel folds the spawning process's (vfork-shared) memory into it at exec, which would
// count the bench's whole corpus.
long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long kb = 0;
    while (status >> key) {
        if (key == "VmHWM:") { status >> kb; break; }
        status.ignore(1 << 12, '\n');
    }
    return kb;
}

}  // namespace

int open_project_child(const std::filesystem::path& project) {
    const auto start = Clock::now();
    std::unique_ptr<store::ProjectFile> file;
    std::unique_ptr<core::Project> proj;
    std::optional<index::PassageIndex> ix;
    std::optional<std::string> reason;
    std::size_t documents = 0, codings = 0;
    const double file_ms = timed([&] { file = store::ProjectFile::open(project); });
    const double project_ms = timed([&] { proj = std::make_unique<core::Project>(*file); });
    const double index_ms = timed([&] {
        ix.emplace(index::PassageIndex::folder_for(project));
        reason = ix->rebuild_reason(*file);
    });
    const double narrow_ms = timed([&] {
        file->document_summaries();
        file->codes();
        file->cases();
        file->code_counts();
    });
    const double lists_ms = timed([&] {
        documents = file->documents().size();
        file->codes();
        file->cases();
        codings = file->codings().size();
    });
    const double total_ms = ms_since(start) - narrow_ms;
    std::cout << "project_file_ms " << file_ms << "\nproject_ms " << project_ms << "\nindex_ms " << index_ms
              << "\nlists_ms " << lists_ms << "\ntotal_ms " << total_ms << "\nnarrow_ms " << narrow_ms << "\nindex_state "
              << (reason ? "rebuild:" + *reason : std::string("current")) << "\ndocuments " << documents
              << "\ncodings " << codings << "\n";
    // For comparison, on fresh connections: the check alone, and the least an open can cost.
    const double check_ms = timed([&] {
        store::Connection db(project.string(), false);
        store::Statement st(db, "PRAGMA quick_check");
        st.step();
    });
    const double sqlite_ms = timed([&] {
        store::Connection db(project.string(), false);
        store::Statement st(db, "SELECT count(*) FROM documents");
        st.step();
    });
    std::cout << "quick_check_ms " << check_ms << "\nsqlite_ms " << sqlite_ms << "\npeak_rss_kb " << peak_rss_kb() << "\n";
    return 0;
}

OpenReport measure_open(const std::filesystem::path& project) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const std::string path = project.string();
    char* argv[] = {const_cast<char*>(self.c_str()), const_cast<char*>("--open-child"), const_cast<char*>(path.c_str()),
                    nullptr};
    const auto start = Clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (spawned != 0) { ::close(out[0]); throw std::runtime_error("cannot start " + self); }
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    OpenReport r;
    r.wall_ms = ms_since(start);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("the open child failed: " + text);
    std::istringstream in(text);
    read_report(in, r);
    r.cpu_ms = ms_of(usage.ru_utime) + ms_of(usage.ru_stime);
    return r;
}

std::string open_rows(const OpenReport& r) {
    std::ostringstream o;
    o << "| open project: ProjectFile::open (quick_check only after an unclean shutdown) ms | " << fmt(r.project_file_ms) << " |\n"
      << "| open project: core::Project ms | " << fmt(r.project_ms) << " |\n"
      << "| open project: PassageIndex + rebuild_reason ms | " << fmt(r.index_ms) << " (" << r.index_state << ") |\n"
      << "| open project: documents, codes, cases, codings ms | " << fmt(r.lists_ms) << " (" << r.documents
      << " documents, " << r.codings << " codings) |\n"
      << "| open project: total in process ms | " << fmt(r.total_ms) << " |\n"
      << "| open project: narrow lists (document summaries, codes, cases, code counts) ms | " << fmt(r.narrow_ms) << " |\n"
      << "| open project: open + index + narrow lists ms (target <= 300) | "
      << fmt(r.project_file_ms + r.project_ms + r.index_ms + r.narrow_ms) << " |\n"
      << "| open project: child process wall / CPU ms (incl. start and the two rows below) | " << fmt(r.wall_ms)
      << " / " << fmt(r.cpu_ms) << " |\n"
      << "| open project: child peak RSS MB | " << fmt(static_cast<double>(r.max_rss_kb) / 1024) << " |\n"
      << "| for comparison: PRAGMA quick_check alone ms | " << fmt(r.quick_check_ms) << " |\n"
      << "| for comparison: sqlite3_open + SELECT count(*) ms | " << fmt(r.sqlite_ms) << " |\n";
    return o.str();
}

}  // namespace comb::bench
