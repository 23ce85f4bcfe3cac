// SPDX-License-Identifier: GPL-3.0-or-later
// Position units, GUIDs and the Comb markers that ride in REFI-QDA descriptions.
#include <catch2/catch.hpp>

#include "refi/comb_markers.h"
#include "refi/positions.h"

using namespace comb;
using refi::PositionUnit;

TEST_CASE("positions in every unit convert to code points over LF text", "[refi][positions]") {
    // "a😀b\r\nc": the emoji is 1 code point, 2 UTF-16 units; CR LF is 1 character in Comb.
    const refi::SourceText t("a\xF0\x9F\x98\x80" "b\r\nc");
    CHECK(t.text() == "a\xF0\x9F\x98\x80" "b\nc");
    CHECK(t.length() == 5);
    // "c" in each unit.
    CHECK(t.convert(4, PositionUnit::code_points_lf) == 4);
    CHECK(t.convert(5, PositionUnit::code_points_raw) == 4);
    CHECK(t.convert(6, PositionUnit::utf16_raw) == 4);
    CHECK(t.convert(5, PositionUnit::utf16_lf) == 4);
    // The end of the text, and past it.
    CHECK(t.convert(7, PositionUnit::utf16_raw) == 5);
    CHECK_FALSE(t.convert(8, PositionUnit::utf16_raw).has_value());
    CHECK_FALSE(t.convert(6, PositionUnit::code_points_lf).has_value());
    // Inside the surrogate pair.
    CHECK_FALSE(t.convert(2, PositionUnit::utf16_raw).has_value());
    CHECK_FALSE(t.convert(-1, PositionUnit::code_points_lf).has_value());
    // A lone CR is a line break too.
    CHECK(refi::SourceText("x\ry").text() == "x\ny");
}

TEST_CASE("word boundaries treat letters of any script as word characters", "[refi][positions]") {
    const refi::SourceText t("szép \xF0\x9F\x98\x80 nap");  // "szép 😀 nap"
    CHECK(t.starts_word(0));
    CHECK_FALSE(t.starts_word(2));  // inside "szép"
    CHECK(t.ends_word(4));
    CHECK(t.starts_word(6));
    CHECK(t.ends_word(10));
}

TEST_CASE("stable GUIDs are deterministic and valid, GUIDs normalise to lower case", "[refi][guid]") {
    const auto g = refi::stable_guid("comb:case:P01");
    CHECK(g == refi::stable_guid("comb:case:P01"));
    CHECK(g != refi::stable_guid("comb:case:P02"));
    REQUIRE(g.size() == 36);
    CHECK(g[14] == '5');
    CHECK(refi::normalise_guid(g) == g);
    CHECK(refi::normalise_guid("{D299EFAE-5779-46DC-9827-A3D1A5D544BC}") == "d299efae-5779-46dc-9827-a3d1a5d544bc");
    CHECK_FALSE(refi::normalise_guid("not-a-guid").has_value());
    CHECK_FALSE(refi::normalise_guid("").has_value());
}

TEST_CASE("a code's description carries definition, notes, deductive flag and tags", "[refi][markers]") {
    core::Code c;
    c.name = "Time";
    c.definition = "Lack of time.\nSecond line.";
    c.inclusion = "workload";
    c.exclusion = "money";
    c.example = "\"no time\"";
    c.inductive = false;
    c.tags = core::TagSet::parse("comb=O.Ph; level=organisational; valence=barrier");
    const std::string d = refi::code_description(c);
    CHECK(d == "Lack of time.\nSecond line.\n\nInclusion: workload\n\nExclusion: money\n\nExample: \"no time\"\n\n"
               "Comb code: deductive\nComb tags: comb=O.Ph; level=organisational; valence=barrier");
    refi::RefiCode back;
    CHECK_FALSE(refi::parse_code_description(d, back).has_value());
    CHECK(back.definition == c.definition);
    CHECK(back.inclusion == c.inclusion);
    CHECK(back.exclusion == c.exclusion);
    CHECK(back.example == c.example);
    CHECK(back.tags == c.tags);
    CHECK_FALSE(back.inductive);

    SECTION("a built-in codebook's description") {
        refi::RefiCode k;
        refi::parse_code_description("Knowing what to do.\n\nComb tags: tdf=Knowledge", k);
        CHECK(k.definition == "Knowing what to do.");
        CHECK(k.tags.tdf == std::vector<std::string>{"Knowledge"});
        CHECK(k.inductive);
    }
    SECTION("a tag line that does not parse stays text, with a warning") {
        refi::RefiCode k;
        k.name = "X";
        const auto w = refi::parse_code_description("Def.\n\nComb tags: comb=Z.Zz", k);
        CHECK(w.has_value());
        CHECK(k.definition == "Def.\n\nComb tags: comb=Z.Zz");
        CHECK(k.tags.empty());
    }
    SECTION("only tags") {
        core::Code t;
        t.tags = core::TagSet::parse("valence=facilitator");
        CHECK(refi::code_description(t) == "Comb tags: valence=facilitator");
    }
}

TEST_CASE("markers split off the last line only", "[refi][markers]") {
    const auto m = refi::split_marker("Free text.\n\nComb theme: {\"parent\":\"Macro\"}", refi::kThemeMarker);
    CHECK(m.text == "Free text.");
    CHECK(m.json == "{\"parent\":\"Macro\"}");
    const auto none = refi::split_marker("Just text", refi::kThemeMarker);
    CHECK(none.text == "Just text");
    CHECK_FALSE(none.json.has_value());
    CHECK(refi::join_marker("", refi::kThemeMarker, "{}") == "Comb theme: {}");
}
