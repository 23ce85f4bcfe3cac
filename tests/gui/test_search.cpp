// SPDX-License-Identifier: GPL-3.0-or-later
// The search pane's filters: every kind of index::Filters can be chosen in the window, and the
// lists follow the project (a new attribute value appears without reopening).
#include <catch2/catch.hpp>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "gui/search_filters.h"
#include "gui/result_list.h"
#include "gui/search_view.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

TEST_CASE("search filters narrow hits by code, speaker, case and attribute", "[gui][search]") {
    Fixture f;
    auto& search = f.frame->search();
    auto& filters = search.filters();
    REQUIRE(search.search("time") == 2);  // both of P01's turns

    REQUIRE(filters.choose("code", "Organisation/Leadership"));
    CHECK(search.search("time") == 1);
    CHECK(search.hits()[0].span.start == cp_of("We had no time"));
    filters.reset();

    REQUIRE(filters.choose("speaker", "Interviewer"));
    CHECK(search.search("training") == 1);
    CHECK(search.search("time") == 0);
    REQUIRE(filters.choose("speaker", "P01"));
    CHECK(search.search("time") == 2);
    filters.reset();

    REQUIRE(filters.choose("case", "P01"));
    CHECK(search.search("time") == 2);
    CHECK_FALSE(filters.choose("case", "P99"));
    filters.reset();

    CHECK_FALSE(filters.choose("attribute", "role=agent"));
    REQUIRE(f.frame->workbench().run(core::SetCaseAttributes({{"P01", {{"role", "agent"}}}})));
    pump(50);
    REQUIRE(filters.choose("attribute", "role=agent"));
    CHECK(search.search("time") == 2);
    CHECK(filters.filters().attributes == std::vector<std::string>{"role=agent"});
    CHECK(f.errors.empty());
}

TEST_CASE("search filters by COM-B and valence through the code's tags", "[gui][search]") {
    Fixture f;
    auto& search = f.frame->search();
    CHECK_FALSE(search.filters().choose("comb", "X.Yz"));
    REQUIRE(search.filters().choose("valence", "barrier"));
    CHECK(search.search("time") == 0);  // no code is tagged yet
    core::TagPatch patch;
    patch.comb = std::vector<core::ComB>{core::ComB::O_So};
    patch.valence = std::optional<core::Valence>(core::Valence::barrier);
    patch.level = std::optional<core::LevelTag>(core::LevelTag{core::Level::organisational, "manager"});
    REQUIRE(f.frame->workbench().run(core::TagCode("Organisation/Leadership", patch)));
    pump(50);
    CHECK(search.search("time") == 1);
    REQUIRE(search.filters().choose("comb", "O.So"));
    REQUIRE(search.filters().choose("level", "organisational:manager"));  // offered once a code has it
    CHECK(search.search("time") == 1);
    REQUIRE(search.filters().choose("comb", "C.Ps"));
    CHECK(search.search("time") == 0);
    search.filters().reset();
    CHECK(search.filters().filters().empty());
}

// Issue 14: no count, no "nothing found", a broken query silently empty; hits without
// document or speaker, terms only between «».
TEST_CASE("search says how many passages in how many documents, or why there are none", "[gui][search]") {
    Fixture f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    REQUIRE(search.search("time") == 2);
    CHECK(search.summary() == "2 passages in 1 document");
    REQUIRE(search.search("managers") == 1);
    CHECK(search.summary() == "1 passage in 1 document");
    CHECK(search.search("zeppelin") == 0);
    CHECK(search.summary() == "No passages match");
    CHECK(search.list().count() == 0);
    CHECK(search.search("(time OR training") == 0);
    CHECK(search.summary() == "cannot read the query \"(time OR training\": the bracket at column 1 is never closed");
    CHECK(search.search("time AND") == 0);
    CHECK(search.summary().rfind("cannot read the query \"time AND\": Syntax:", 0) == 0);
    CHECK(f.errors.empty());  // said beside the query, not in a dialog
}

TEST_CASE("search hits show document, case and speaker, and the matched terms in bold", "[gui][search]") {
    Fixture f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    REQUIRE(search.search("managers") == 1);
    const auto& row = search.list().rows().at(0);
    CHECK(row.cells == std::vector<std::string>{"P01", "P01", "P01"});
    REQUIRE(search.search("training") == 1);
    CHECK(search.list().rows().at(0).cells == std::vector<std::string>{"P01", "P01", "Interviewer"});
    const auto html = search.list().row_html(0);
    CHECK(html.find("How was the <b>training</b>?") != std::string::npos);
    CHECK(html.find("\u00AB") == std::string::npos);
    CHECK(gui::marked_to_html("a \u00ABb<c\u00BB & d") == "a <b>b&lt;c</b> &amp; d");
    CHECK(gui::marked_to_html("open \u00AB only") == "open \u00AB only");
    // The list has room: it is the tallest part of the pane.
    CHECK(search.list().GetSize().y > search.GetSize().y / 2);
}
