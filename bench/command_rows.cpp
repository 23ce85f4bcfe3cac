// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_rows.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_bench.h"
#include "matrix_project.h"

namespace comb::bench {
namespace fs = std::filesystem;
namespace {

std::string fmt(double v, int decimals = 1) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Transcripts [0, n) of the corpus as .txt files in a fresh folder.
fs::path write_corpus(const CommandBenchSpec& spec, int n, const std::string& name) {
    const fs::path folder = spec.dir / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (int i = 0; i < n; ++i) {
        const auto d = transcript(spec.corpus, i);
        std::ofstream(folder / d.name, std::ios::binary) << d.text;
    }
    return folder;
}

// FTS5 over the passages of `project`, built in a fresh database: seconds.
double fts_seconds(const fs::path& project, const fs::path& scratch) {
    const auto passages = [&] {
        auto file = store::ProjectFile::open(project);
        return bench_passages(*file);
    }();
    fs::remove(scratch);
    Baselines base(scratch);
    const auto t = std::chrono::steady_clock::now();
    base.build_fts(passages);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

struct Import {
    ProcessTime time;
    double fts_s = 0;
};

// `comb new` then `comb import` of the folder (timed: the import, whole process, index built).
Import time_import(const CommandBenchSpec& spec, const fs::path& corpus, const std::string& name, int runs) {
    std::vector<ProcessTime> t;
    const fs::path project = spec.dir / (name + ".comb");
    for (int i = 0; i < runs; ++i) {
        for (const char* s : {"", "-wal", "-shm", "-lock"}) fs::remove(project.string() + s);
        fs::remove_all(spec.dir / (name + ".comb-index"));
        run_comb({"new", project.string()});
        t.push_back(run_comb({"import", project.string(), corpus.string()}));
    }
    return {median(t), fts_seconds(project, spec.dir / (name + "-fts.sqlite"))};
}

std::string ratio(double a, double b) { return b > 0 ? fmt(a / b, 2) + "x" : "-"; }

std::string process_row(const std::string& name, const ProcessTime& big, const ProcessTime& small, const std::string& target) {
    return "| " + name + " | " + fmt(big.wall_ms) + " (" + fmt(big.cpu_ms) + ") | " + fmt(small.wall_ms) + " (" +
           fmt(small.cpu_ms) + ") | " + ratio(big.wall_ms, small.wall_ms) + " | " + target + " |\n";
}

// `comb code` on distinct spans of the first document, so each call codes afresh. The bench
// project names it P0001.txt; `comb import` names documents by file stem (P0001).
ProcessTime time_code(const fs::path& project, const std::string& doc, int runs, int first) {
    return median_of(runs, [&](int i) {
        const int start = 40 + 10 * (first + i);
        return std::vector<std::string>{"code", project.string(), doc, std::to_string(start),
                                        std::to_string(start + 6), "Bench/CLI"};
    });
}

ProcessTime time_call(const std::vector<std::string>& args, int runs) {
    return median_of(runs, [&](int) { return args; });
}

}  // namespace

std::string command_rows(const CommandBenchSpec& spec) {
    std::ostringstream o;
    const auto small_corpus = write_corpus(spec, 10, "corpus10");
    const fs::path small = spec.dir / "ten.comb";
    time_import(spec, small_corpus, "ten", 1);
    const auto p = spec.project.string(), s = small.string();

    o << "\n| command, whole process: wall ms (CPU ms), median | on the bench project | same call, 10 documents | ratio | target |\n"
      << "|---|---|---|---|---|\n";
    o << process_row("`comb code DOC START END CODE` (9 calls)", time_code(spec.project, "P0001.txt", 9, 0),
                     time_code(small, "P0001", 9, 0),
                     "<= 50 ms and <= 2x");
    for (const char* cmd : {"docs", "codes"}) {
        o << process_row(std::string("`comb ") + cmd + "`", time_call({cmd, p}, 5), time_call({cmd, s}, 5), "<= 100 ms");
    }
    const std::vector<std::string> m = {"--rows", "comb", "--cols", "level"};
    auto matrix = [&](const std::string& project) {
        std::vector<std::string> args{"matrix", project};
        args.insert(args.end(), m.begin(), m.end());
        return time_call(args, 5);
    };
    o << process_row("`comb matrix --rows comb --cols level`", matrix(p), matrix(s), "<= 100 ms");
    if (spec.matrix_codings > 0) {
        const fs::path big_matrix = spec.dir / ("matrix-" + std::to_string(spec.matrix_codings) + ".comb");
        if (!fs::exists(big_matrix)) {
            std::cerr << "generating " << big_matrix << " ...\n";
            generate_matrix_project(big_matrix, spec.matrix_codings);
        }
        run_comb({"docs", big_matrix.string()});  // opened once (as a user would have), so no row pays a migration
        o << process_row("cold `comb matrix --rows comb --cols level` over " + std::to_string(spec.matrix_codings) + " codings",
                         matrix(big_matrix.string()), matrix(s), "<= 100 ms");
    }

    o << "\n| import from the command line (whole process, index built) | comb wall s (CPU s) | FTS5 over the same passages s | comb / FTS5 | target |\n"
      << "|---|---|---|---|---|\n";
    const auto thirty = time_import(spec, write_corpus(spec, 30, "corpus30"), "thirty", 3);
    o << "| `comb import` of 30 transcripts | " << fmt(thirty.time.wall_ms / 1000, 2) << " (" << fmt(thirty.time.cpu_ms / 1000, 2)
      << ") | " << fmt(thirty.fts_s, 2) << " | " << ratio(thirty.time.wall_ms / 1000, thirty.fts_s) << " | <= 1 s |\n";
    if (spec.import_transcripts > 0) {
        const auto many = time_import(spec, write_corpus(spec, spec.import_transcripts, "corpus-import"), "import", 1);
        o << "| `comb import` of " << spec.import_transcripts << " transcripts | " << fmt(many.time.wall_ms / 1000, 2) << " ("
          << fmt(many.time.cpu_ms / 1000, 2) << ") | " << fmt(many.fts_s, 2) << " | "
          << ratio(many.time.wall_ms / 1000, many.fts_s) << " | <= 3x FTS5 |\n";
    }
    return o.str();
}

}  // namespace comb::bench
