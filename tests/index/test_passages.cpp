// SPDX-License-Identifier: GPL-3.0-or-later
// Passages: turns, paragraphs, blocks; long ones split at sentence boundaries.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "index/passages.h"

using namespace comb;

namespace {

core::Span span(std::int64_t a, std::int64_t b) { return {core::CodePoint(a), core::CodePoint(b)}; }

std::string words(int n, const std::string& w) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + w;
    return s;
}

}  // namespace

TEST_CASE("a turn's body is a passage, without the speaker label", "[index][passages]") {
    core::Document doc;
    const std::string text = "Interviewer: Why?\nP1:  Because 😀 time.  \n";
    doc.turns.push_back({span(0, 17), span(13, 17), "Interviewer", true, {}, {}});
    doc.turns.push_back({span(18, 40), span(21, 40), "P1", false, {}, {}});
    const auto p = index::split_passages(doc, text);
    REQUIRE(p.size() == 2);
    CHECK(p[0] == index::PassageSpan{span(13, 17), "Interviewer"});
    // "Because 😀 time." starts after two blanks and ends before two: code points 23..38.
    CHECK(p[1] == index::PassageSpan{span(23, 38), "P1"});
    CHECK(core::utf8::slice(text, p[1].span) == "Because 😀 time.");
}

TEST_CASE("paragraphs outside turns are passages, and without either blank lines separate blocks", "[index][passages]") {
    const std::string text = "Title line\n\nFirst block\nstill first.\n\n\nSecond block.";
    core::Document plain;
    const auto blocks = index::split_passages(plain, text);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].span == span(0, 10));
    CHECK(blocks[1].span == span(12, 36));
    CHECK(blocks[2].span == span(39, 52));

    core::Document mixed;
    mixed.paragraphs = {span(0, 10), span(12, 36), span(39, 52)};
    mixed.turns.push_back({span(12, 36), span(12, 36), "A", false, {}, {}});
    const auto p = index::split_passages(mixed, text);
    REQUIRE(p.size() == 3);
    CHECK(p[0] == index::PassageSpan{span(0, 10), ""});
    CHECK(p[1] == index::PassageSpan{span(12, 36), "A"});
    CHECK(p[2] == index::PassageSpan{span(39, 52), ""});
}

TEST_CASE("a long turn splits at sentence boundaries into passages of at most 120 words", "[index][passages]") {
    // Three sentences of 50 words: the first two fit in 120 words, the third starts a passage.
    const std::string s1 = words(49, "alpha") + " end.";
    const std::string s2 = words(49, "beta") + " end!";
    const std::string s3 = words(49, "gamma") + " end?";
    const std::string text = s1 + " " + s2 + " " + s3;
    core::Document doc;
    const auto n = core::utf8::length(text);
    doc.paragraphs = {span(0, n)};
    const auto p = index::split_passages(doc, text);
    REQUIRE(p.size() == 2);
    const auto first_end = static_cast<std::int64_t>(s1.size() + 1 + s2.size());
    CHECK(p[0].span == span(0, first_end));
    CHECK(p[1].span == span(first_end + 1, n));

    SECTION("a run-on sentence splits at word boundaries") {
        const std::string run_on = words(300, "word");
        core::Document d;
        d.paragraphs = {span(0, core::utf8::length(run_on))};
        const auto q = index::split_passages(d, run_on);
        REQUIRE(q.size() == 3);
        CHECK(q[0].span == span(0, 120 * 5 - 1));
        CHECK(q[1].span == span(120 * 5, 240 * 5 - 1));
        CHECK(q[2].span == span(240 * 5, 300 * 5 - 1));
    }
}

TEST_CASE("splitting only around a span gives the same passages there as a full split", "[index][passages]") {
    std::string text;
    core::Document doc;
    for (int i = 0; i < 6; ++i) {
        const auto start = core::utf8::length(text);
        text += "P: " + words(30 + 40 * i, i % 2 ? "über" : "word") + ". Next sentence here.\n";
        doc.turns.push_back({span(start, core::utf8::length(text) - 1), span(start + 3, core::utf8::length(text) - 1), "P", false, {}, {}});
    }
    const auto all = index::split_passages(doc, text);
    const std::vector<core::Span> only{span(doc.turns[4].span.start.value + 10, doc.turns[4].span.start.value + 11)};
    const auto some = index::split_passages(doc, text, &only);
    std::vector<index::PassageSpan> expected;
    for (const auto& p : all) if (doc.turns[4].span.contains(p.span)) expected.push_back(p);
    REQUIRE(expected.size() == 3);  // a 190-word run split at 120 words, then the short sentence
    CHECK(some == expected);
}
