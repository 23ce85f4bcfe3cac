// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// comb_bench's command-line rows (issue 17): each `comb` call as a fresh process beside its
// baseline — the same call on a ten-document project for per-command cost, SQLite FTS5 over
// the same passages for `comb import` — and a cold `comb matrix` over a generated project of
// a million codings. Prints Markdown rows.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "baselines.h"
#include "corpus.h"
#include "store/project_file.h"

namespace comb::bench {

struct CommandBenchSpec {
    CorpusSpec corpus;           // the generator (same seed as the in-process rows)
    std::filesystem::path dir;   // scratch folder (corpus files, small projects)
    std::filesystem::path project;  // the bench's big project (coded and indexed)
    int import_transcripts = 500;   // the `comb import` row
    std::int64_t matrix_codings = 1000000;  // the cold matrix row; 0 leaves it out
};

// The passages of a project with their facets as words, for the FTS5 baseline.
std::vector<BenchPassage> bench_passages(const store::ProjectFile& file);

// Runs the command-line rows and returns them as a Markdown table.
std::string command_rows(const CommandBenchSpec& spec);

}  // namespace comb::bench
