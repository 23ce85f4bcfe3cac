// SPDX-License-Identifier: GPL-3.0-or-later
// The agreement's unit mask ignoring whitespace and speaker labels (analysis/unit_mask.h),
// against a character-by-character count over texts with multi-byte whitespace, emoji and
// overlapping labels.
#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "analysis/unit_mask.h"
#include "core/utf8.h"

using namespace comb;

namespace {

// Each piece is one code point.
const std::vector<std::string> kPieces = {"a", "b", " ", "\n", "\t", "\xC2\xA0" /* NBSP */, "\xE2\x80\x83" /* EM SPACE */,
                                          "\xE3\x80\x80" /* IDEOGRAPHIC SPACE */, "\xC3\xA9" /* é */,
                                          "\xF0\x9F\x98\x80" /* emoji */, "\xEF\xBB\xBF" /* BOM */, "\xE2\x80\x8B" /* ZWSP: not space */};

bool piece_is_space(const std::string& p) {
    return p == " " || p == "\n" || p == "\t" || p == "\xC2\xA0" || p == "\xE2\x80\x83" || p == "\xE3\x80\x80" || p == "\xEF\xBB\xBF";
}

core::Turn turn(std::int64_t start, std::int64_t body_start, std::int64_t body_end, std::int64_t end) {
    core::Turn t;
    t.span = {core::CodePoint(start), core::CodePoint(end)};
    t.body = {core::CodePoint(body_start), core::CodePoint(body_end)};
    return t;
}

}  // namespace

TEST_CASE("unit mask: counts equal a character-by-character count", "[analysis][agreement]") {
    std::mt19937 rng(1234);
    for (int round = 0; round < 200; ++round) {
        const int n = 1 + static_cast<int>(rng() % 120);
        std::string text;
        std::vector<bool> space;
        for (int i = 0; i < n; ++i) {
            const auto& p = kPieces[rng() % kPieces.size()];
            text += p;
            space.push_back(piece_is_space(p));
        }
        core::Document doc;
        doc.chars = core::utf8::length(text);
        REQUIRE(doc.chars == n);
        // Turns with labels at the start, at the end and overlapping each other.
        std::vector<bool> dropped = space;
        for (int t = 0; t < 3; ++t) {
            const std::int64_t s = rng() % n, e = s + rng() % (n - s + 1);
            const std::int64_t bs = s + rng() % (e - s + 1), be = bs + rng() % (e - bs + 1);
            doc.turns.push_back(turn(s, bs, be, e));
            for (auto i = s; i < bs; ++i) dropped[static_cast<std::size_t>(i)] = true;
            for (auto i = be; i < e; ++i) dropped[static_cast<std::size_t>(i)] = true;
        }
        std::vector<std::int64_t> points;
        for (int k = 0; k < 6; ++k) points.push_back(static_cast<std::int64_t>(rng() % (n + 5)) - 2);  // some outside
        const analysis::UnitMask mask(doc, text, points);
        const auto expect = [&](std::int64_t a, std::int64_t b) {
            std::int64_t units = 0;
            for (auto i = std::max<std::int64_t>(a, 0); i < std::min<std::int64_t>(b, n); ++i) units += dropped[static_cast<std::size_t>(i)] ? 0 : 1;
            return units;
        };
        INFO("round " << round << ": " << text);
        CHECK(mask.total() == expect(0, n));
        for (const auto a : points) {
            CHECK(mask.count(0, a) == expect(0, a));
            for (const auto b : points) CHECK(mask.count(a, b) == expect(a, b));
        }
    }
}

TEST_CASE("unit mask: every character counts unless whitespace is ignored", "[analysis][agreement]") {
    const analysis::UnitMask all(10);
    CHECK(all.total() == 10);
    CHECK(all.count(2, 7) == 5);
    CHECK(all.count(-3, 40) == 10);
    core::Document doc;
    doc.chars = 8;
    const analysis::UnitMask ws(doc, "Ann: a b", {5, 7});
    CHECK(ws.total() == 6);  // "Ann:" and "a" and "b"; no turns, so the label is text
    CHECK(ws.count(5, 7) == 1);
    CHECK_THROWS_AS(ws.count(1, 7), std::out_of_range);  // 1 was not asked for
}
