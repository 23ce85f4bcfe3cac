// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "core/tags.h"

using namespace comb::core;

TEST_CASE("a tag set prints and parses back unchanged", "[core][tags]") {
    const TagSet t = TagSet::parse("valence=barrier; comb=O.Ph,C.Ps; level=individual:trainer; tdf=Knowledge|Emotion");
    CHECK(t.to_string() == "comb=C.Ps,O.Ph; tdf=Knowledge|Emotion; level=individual:trainer; valence=barrier");
    CHECK(TagSet::parse(t.to_string()) == t);
    CHECK(TagSet::parse("").empty());
}

TEST_CASE("TDF domains imply their COM-B components unless COM-B is given", "[core][tags]") {
    TagSet t = TagSet::parse("tdf=Skills|Social/professional role and identity");
    CHECK(t.effective_comb() == std::vector<ComB>{ComB::C_Ph, ComB::C_Ps, ComB::M_Re, ComB::M_Au});
    t.comb = {ComB::O_So};
    CHECK(t.effective_comb() == std::vector<ComB>{ComB::O_So});
}

TEST_CASE("tag words parse as the CLI spells them, and unknown words are refused", "[core][tags]") {
    CHECK(parse_comb("M.Re") == ComB::M_Re);
    CHECK(parse_comb("reflective motivation") == ComB::M_Re);
    CHECK_FALSE(parse_comb("X.Y").has_value());
    CHECK(parse_level("organizational") == Level::organisational);
    CHECK(parse_level_tag("individual:Agent")->to_string() == "individual:agent");
    CHECK(parse_valence("mixed") == Valence::mixed);
    CHECK(parse_tdf("TDF.ENVR") == std::optional<std::string>("Environmental context and resources"));
    CHECK(parse_tdf("memory, attention & decision processes") ==
          std::optional<std::string>("Memory, attention and decision processes"));
    CHECK_THROWS_WITH(TagSet::parse("comb=C.Xx"), "unknown COM-B sub-component: C.Xx");
    CHECK_THROWS_WITH(TagSet::parse("colour=red"), "unknown tag kind: colour");
}
