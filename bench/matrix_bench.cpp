// SPDX-License-Identifier: GPL-3.0-or-later
// comb_matrix_bench: the COM-B × level × valence matrix over 1,000,000 codings (DESIGN.md:
// ≤ 200 ms). Generates a deterministic project (2,000 documents of 40 turns, 200 tagged codes,
// 1,000,000 codings, 1 in 50 with a tag override), then times, median of 5 runs:
//   load   CodingFacts::load (one Repository::scan_codings pass + the small tables)
//   cube   count_cube(comb, level, valence), segments and distinct cases
//   matrix count_matrix(comb × level)
// Usage: comb_matrix_bench [CODINGS] [FOLDER]   (defaults 1000000, a temporary folder)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <random>
#include <string>

#include "analysis/coding_facts.h"
#include "analysis/matrix.h"
#include "core/commands/code_commands.h"
#include "core/commands/import_documents.h"
#include "core/project.h"
#include "store/connection.h"
#include "matrix_project.h"
#include "store/project_file.h"
#include "timing.h"

using namespace comb;

namespace {

using bench::median_ms;

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t n = argc > 1 ? std::stoll(argv[1]) : 1000000;
    const auto folder = argc > 2 ? std::filesystem::path(argv[2])
                                 : std::filesystem::temp_directory_path() / "comb-matrix-bench";
    std::filesystem::create_directories(folder);
    const auto path = folder / ("bench-" + std::to_string(n) + ".comb");
    if (!std::filesystem::exists(path)) {
        std::cerr << "generating " << path << " ...\n";
        const auto a = std::chrono::steady_clock::now();
        bench::generate_matrix_project(path, n);
        std::cerr << "generated in " << std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count() << " s\n";
    }
    auto file = store::ProjectFile::open(path);
    std::optional<analysis::CodingFacts> facts;
    const double load = median_ms(5, [&] { facts = analysis::CodingFacts::load(*file); });
    const std::vector<analysis::Axis> axes = {{analysis::Dimension::comb, {}}, {analysis::Dimension::level, {}},
                                              {analysis::Dimension::valence, {}}};
    std::int64_t total = 0;
    const double cube = median_ms(5, [&] {
        total = 0;
        for (auto v : analysis::count_cube(*facts, axes, analysis::CountUnit::segments).cells) total += v;
    });
    const double cube_cases = median_ms(5, [&] { (void)analysis::count_cube(*facts, axes, analysis::CountUnit::cases); });
    const double matrix = median_ms(5, [&] {
        (void)analysis::count_matrix(*facts, {{analysis::Dimension::comb, {}}, {analysis::Dimension::level, {}},
                                              analysis::CountUnit::segments, std::nullopt});
    });
    std::printf("codings %zu (cube total %lld)\n", facts->codings.size(), static_cast<long long>(total));
    std::printf("load                               %8.1f ms\n", load);
    std::printf("cube comb x level x valence        %8.1f ms (segments)\n", cube);
    std::printf("cube comb x level x valence        %8.1f ms (distinct cases)\n", cube_cases);
    std::printf("matrix comb x level                %8.1f ms\n", matrix);
    std::printf("load + cube                        %8.1f ms (target <= 200 ms)\n", load + cube);
    return 0;
}
