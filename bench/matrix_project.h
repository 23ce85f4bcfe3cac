// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The matrix bench's project (bench/RESULTS-matrix.md): 2,000 documents of 40 alternating
// interviewer/participant turns, 300 cases, 200 tagged codes and `n_codings` codings (seed 42,
// 1 in 50 with a tag override), written with one prepared statement outside the command layer.
// Used by comb_matrix_bench and by comb_bench's cold `comb matrix` row.
#include <cstdint>
#include <filesystem>

namespace comb::bench {

void generate_matrix_project(const std::filesystem::path& path, std::int64_t n_codings);

}  // namespace comb::bench
