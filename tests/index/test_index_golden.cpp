// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: speeding up the index build must not change what a search finds. A fixed
// generated corpus is indexed and fixed queries (ranked, phrase, wildcard, boolean, filtered)
// must give exactly the hits, order, weights and snippets recorded in
// tests/data/index-hits.txt, which was written by the index before the speed work (commit
// 0f4cddf's index_build.cpp).
// COMB_WRITE_GOLDEN=1 rewrites the file (only when the index is meant to change).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "index/passage_index.h"
#include "support/project_builder.h"

using namespace comb;

namespace {

const char* const kWords[] = {"the", "time", "training", "we", "managers", "protected", "never", "funding", "council",
                              "trained", "trainers", "rota", "Weight", "management", "café", "smoking", "cessation",
                              "support", "supported", "supports", "leadership", "budget", "cuts", "and", "of", "to",
                              "résumé", "workload", "stress", "confidence", "it's", "don't", "patients", "leaflets"};

// Deterministic transcripts: interviewer questions and participant answers from kWords.
std::string transcript(unsigned seed, int turns) {
    std::uint64_t x = seed * 2654435761u + 1;
    auto next = [&] { x = x * 6364136223846793005ull + 1442695040888963407ull; return static_cast<unsigned>(x >> 33); };
    std::string text;
    for (int t = 0; t < turns; ++t) {
        text += t % 2 ? "P" + std::to_string(seed) + ": " : "Interviewer: ";
        const int words = 4 + static_cast<int>(next() % (t % 2 ? 60 : 10));
        for (int w = 0; w < words; ++w) {
            text += kWords[next() % (sizeof kWords / sizeof *kWords)];
            text += (w + 1) % 11 == 0 ? ". " : " ";
        }
        text += "\n";
    }
    return text;
}

std::string hits_text(const index::PassageIndex& ix) {
    index::Filters barrier;
    barrier.valences = {"barrier"};
    index::Filters trainers;
    trainers.codes = {"Org"};
    const std::vector<std::pair<std::string, index::Filters>> queries = {
        {"time", {}}, {"training", barrier}, {"supports", {}}, {"\"protected time\"", {}}, {"train*", {}},
        {"funding OR budget", {}}, {"manager NEAR/3 training", {}}, {"Weight", {}}, {"café", {}}, {"resume", {}},
        {"don't", {}}, {"time -funding", trainers}, {"", barrier}, {"smoking cessation", {}}, {"leadership", trainers}};
    std::ostringstream out;
    for (const auto& [q, f] : queries) {
        // A wildcard's weights and snippets use per-shard bounds, and which shard takes which
        // document depends on the two writer threads' timing: its hits are compared all, in
        // document order, without weights or snippets.
        const bool wildcard = q.find('*') != std::string::npos;
        auto hits = ix.search({q, f, wildcard ? std::size_t{0} : std::size_t{25}, std::nullopt});
        if (wildcard) {
            std::sort(hits.begin(), hits.end(), [](const index::Hit& a, const index::Hit& b) {
                return std::tie(a.doc, a.span.start) < std::tie(b.doc, b.span.start);
            });
        }
        out << "query " << q << " [" << f.describe() << "] " << hits.size() << "\n";
        for (const auto& h : hits) {
            char w[32];
            std::snprintf(w, sizeof w, "%.6f", h.score);
            out << h.doc.value << ":" << h.span.start.value << "-" << h.span.end.value << " " << (wildcard ? "-" : w) << " "
                << h.case_name.value_or("-") << " " << (wildcard ? "-" : h.snippet) << "\n";
        }
    }
    return out.str();
}

}  // namespace

TEST_CASE("the index finds exactly what it found before the speed work", "[index][golden]") {
    test::ProjectBuilder b;
    std::vector<core::DocumentId> docs;
    for (unsigned d = 1; d <= 40; ++d) {
        docs.push_back(b.add_document("D" + std::to_string(d), transcript(d, 30), d % 7 ? std::optional("P" + std::to_string(d % 9)) : std::nullopt));
    }
    // Codings with tags, so filters and facet terms are part of it.
    for (std::size_t i = 0; i < docs.size(); i += 3) {
        b.project().execute(core::ApplyCodings({{docs[i], {core::CodePoint(15), core::CodePoint(90)}}}, "Org/Time", "t"));
    }
    core::TagPatch tags;
    tags.valence = core::Valence::barrier;
    b.project().execute(core::TagCode("Org/Time", tags));
    index::PassageIndex ix(index::PassageIndex::folder_for(b.path()));
    core::NullProgress quiet;
    ix.rebuild(b.file(), quiet);
    const std::string got = hits_text(ix);
    const std::string golden_path = std::string(COMB_TESTS_DIR) + "/data/index-hits.txt";
    if (std::getenv("COMB_WRITE_GOLDEN")) std::ofstream(golden_path, std::ios::binary) << got;
    std::ifstream in(golden_path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream golden;
    golden << in.rdbuf();
    CHECK(got.size() > 5000);
    CHECK(got == golden.str());
}
