// SPDX-License-Identifier: GPL-3.0-or-later
// Offsets are code points end to end: what the user coded is exactly what comes back.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "support/run_cli.h"

using comb::test::run_comb;
using nlohmann::json;

TEST_CASE("emoji, combining marks, CJK, RTL and CRLF round-trip through code and codings", "[cli][unicode]") {
    comb::test::TempDir dir;
    const std::string path = (dir / "u.comb").string();
    REQUIRE(run_comb({"new", path}).status == 0);
    // CRLF line endings on disk; the stored text uses LF (one newline policy), so offsets
    // count one code point per line break whatever the file had.
    std::ofstream(dir / "u.txt", std::ios::binary)
        << "Interviewer: Hello 👋🏽\r\nP1: We felt 😀 and cafe\xCC\x81 and 時間がない\r\nP1: שלום עולם today\r\n";
    REQUIRE(run_comb({"import", path, (dir / "u.txt").string()}).status == 0);
    const auto docs = json::parse(run_comb({"docs", path, "--json"}).out);
    REQUIRE(docs[0]["chars"] == 75);

    struct Case { int start, end; const char* text; };
    const Case cases[] = {
        {19, 21, "👋🏽"},            // emoji + skin-tone modifier: two code points
        {34, 35, "😀"},
        {40, 44, "caf\xC3\xA9"},  // e + U+0301 in the file: import normalises to NFC, one code point
        {49, 54, "時間がない"},
        {59, 68, "שלום עולם"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto r = run_comb({"code", path, "1", std::to_string(c.start), std::to_string(c.end), "U"});
        REQUIRE(r.status == 0);
    }
    const auto codings = json::parse(run_comb({"codings", path, "--json"}).out);
    REQUIRE(codings.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(codings[i]["start"] == cases[i].start);
        CHECK(codings[i]["end"] == cases[i].end);
        CHECK(codings[i]["text"].get<std::string>() == cases[i].text);
    }
}
