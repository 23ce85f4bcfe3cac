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
#include "store/project_file.h"

using namespace comb;

namespace {

double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void generate(const std::filesystem::path& path, std::int64_t n_codings) {
    auto file = store::ProjectFile::create(path);
    core::Project project(*file, [] { return std::string("2025-01-01T00:00:00Z"); });
    std::mt19937_64 rng(42);
    constexpr int kDocs = 2000, kTurns = 40, kTurnChars = 500, kCodes = 200;
    std::vector<core::NewDocument> docs;
    for (int d = 0; d < kDocs; ++d) {
        core::NewDocument nd;
        nd.name = "D" + std::to_string(d);
        nd.case_name = "P" + std::to_string(d % 300);
        for (int t = 0; t < kTurns; ++t) {
            const std::int64_t at = static_cast<std::int64_t>(nd.text.size());
            const bool interviewer = t % 2 == 0;
            std::string label = interviewer ? "Interviewer: " : "P: ";
            std::string body(kTurnChars - label.size() - 1, 'a' + static_cast<char>(t % 26));
            nd.text += label + body + "\n";
            core::Turn turn;
            turn.span = {core::CodePoint(at), core::CodePoint(at + kTurnChars - 1)};
            turn.body = {core::CodePoint(at + static_cast<std::int64_t>(label.size())), turn.span.end};
            turn.speaker = interviewer ? "Interviewer" : "P";
            turn.is_interviewer = interviewer;
            nd.turns.push_back(turn);
        }
        nd.hash = nd.name;
        docs.push_back(std::move(nd));
    }
    project.execute(core::ImportDocuments(std::move(docs)));
    const char* actors[] = {"", "trainer", "agent"};
    for (int c = 0; c < kCodes; ++c) {
        const std::string p = "Group " + std::to_string(c / 20) + "/Code " + std::to_string(c);
        core::TagPatch patch;
        patch.comb = std::vector<core::ComB>{core::kAllComB[c % 6]};
        if (c % 3 == 0) patch.comb->push_back(core::kAllComB[(c / 6) % 6]);
        const auto level = core::kAllLevels[c % 3];
        patch.level = core::LevelTag{level, level == core::Level::individual ? actors[c % 3 == 2 ? 1 + (c / 3) % 2 : 0] : ""};
        patch.valence = core::kAllValences[(c / 3) % 4];
        project.execute(core::DefineCode(p, {}));
        project.execute(core::TagCode(p, patch));
    }
    const auto codes = file->codes();
    std::vector<std::int64_t> leaf_ids;
    for (const auto& c : codes) if (c.parent) leaf_ids.push_back(c.id.value);
    const auto documents = file->documents();
    // The million codings go in with one prepared statement in one transaction: the bench
    // measures counting, not the command layer.
    auto& db = file->connection();
    db.exec("BEGIN");
    store::Statement ins(db, "INSERT INTO codings(document_id, start, \"end\", code_id, coder, created, tag_override, pinned) "
                             "VALUES(?, ?, ?, ?, 'bench', '2025-01-01T00:00:00Z', ?, 0)");
    for (std::int64_t i = 0; i < n_codings; ++i) {
        const auto& d = documents[static_cast<std::size_t>(rng() % documents.size())];
        const std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(d.chars - 200));
        ins.bind(1, d.id.value).bind(2, start).bind(3, start + 20 + static_cast<std::int64_t>(rng() % 150));
        ins.bind(4, leaf_ids[static_cast<std::size_t>(rng() % leaf_ids.size())]);
        if (i % 50 == 0) ins.bind(5, std::string("comb=M.Au; level=individual:agent; valence=facilitator"));
        else ins.bind(5, std::nullopt);
        ins.run();
        ins.reset();
    }
    db.exec("COMMIT");
}

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
        generate(path, n);
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
