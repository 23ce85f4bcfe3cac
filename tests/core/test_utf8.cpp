// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <random>

#include "core/utf8.h"

using namespace comb::core;

TEST_CASE("code point length counts emoji, combining marks, CJK and RTL once per code point", "[core][utf8]") {
    CHECK(utf8::length("abc") == 3);
    CHECK(utf8::length("😀") == 1);                // 4 bytes, one code point (two UTF-16 units)
    CHECK(utf8::length("e\xCC\x81") == 2);         // e + combining acute: two code points
    CHECK(utf8::length("時間がない") == 5);
    CHECK(utf8::length("שלום עולם") == 9);
    CHECK(utf8::length("") == 0);
}

TEST_CASE("slice returns exactly the coded code points", "[core][utf8]") {
    const std::string text = "Hi 😀 café שלום 時間!";
    CHECK(utf8::slice(text, {CodePoint(3), CodePoint(4)}) == "😀");
    CHECK(utf8::slice(text, {CodePoint(5), CodePoint(9)}) == "café");
    CHECK(utf8::slice(text, {CodePoint(10), CodePoint(14)}) == "שלום");
    CHECK(utf8::slice(text, {CodePoint(15), CodePoint(17)}) == "時間");
    CHECK(utf8::slice(text, {CodePoint(17), CodePoint(18)}) == "!");
    CHECK_THROWS_AS(utf8::slice(text, {CodePoint(17), CodePoint(19)}), std::out_of_range);
}

TEST_CASE("first_invalid reports the byte offset of bad UTF-8", "[core][utf8]") {
    CHECK_FALSE(utf8::first_invalid("plain ✓ 😀").has_value());
    CHECK(utf8::first_invalid("ab\xFF" "cd") == std::optional<std::size_t>(2));
    CHECK(utf8::first_invalid("ok\xE2\x82") == std::optional<std::size_t>(2));      // truncated sequence
    CHECK(utf8::first_invalid("\xC0\xAF") == std::optional<std::size_t>(0));        // overlong '/'
    CHECK(utf8::first_invalid("x\xED\xA0\x80") == std::optional<std::size_t>(1));   // UTF-16 surrogate
}

TEST_CASE("OffsetMap agrees with the linear conversion on random mixed text", "[core][utf8]") {
    const std::vector<std::string> pieces = {"a", " ", "é", "😀", "時", "ש", "\n", "e\xCC\x81"};
    const unsigned seed = 20261123;
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    std::string text;
    for (int i = 0; i < 5000; ++i) text += pieces[rng() % pieces.size()];
    const utf8::OffsetMap map(text);
    REQUIRE(map.length() == utf8::length(text));
    for (int i = 0; i < 500; ++i) {
        const CodePoint cp(static_cast<std::int64_t>(rng() % (map.length() + 1)));
        const auto byte = utf8::byte_offset(text, cp);
        REQUIRE(map.byte_offset(cp) == byte);
        REQUIRE(map.code_point(byte) == cp);
    }
}

TEST_CASE("decode and append round-trip every plane", "[core][utf8]") {
    const std::string text = "A\u00e9\u6642\U0001F600\u05e9";
    std::string again;
    for (char32_t c : utf8::decode(text)) utf8::append(again, c);
    CHECK(again == text);
}
