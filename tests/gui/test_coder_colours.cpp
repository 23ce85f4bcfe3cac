// SPDX-License-Identifier: GPL-3.0-or-later
// Per-coder colours and blind mode beyond the transcript (issue 15): a stable colour per
// coder, used by the transcript's stripes (several coders shown) and comparison highlights,
// named in a legend, shown in the coded segments and the disagreements; blind mode hides
// others' codings and counts in the matrix and in filtered searches too.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <set>

#include <wx/listctrl.h>

#include "analysis/matrix.h"
#include "core/commands/coding_commands.h"
#include "gui/coded_segments_view.h"
#include "gui/coder_filter.h"
#include "gui/coder_legend.h"
#include "gui/disagreement_view.h"
#include "gui/matrix_view.h"
#include "gui/result_list.h"
#include "gui/search_filters.h"
#include "gui/search_view.h"
#include "gui_harness.h"
#include "team_fixture.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

using Team = TeamFixture;  // team_fixture.h

}  // namespace

TEST_CASE("each coder has a stable colour of their own", "[gui][team][colours]") {
    const auto two = gui::coder_colours({"bob", "ann"});
    REQUIRE(two.size() == 2);
    CHECK(two.at("ann") == "#0072B2");
    CHECK(two.at("bob") == "#882255");
    // The same in a larger team, and the same whatever order the names come in.
    const auto team = gui::coder_colours({"ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ann"});
    CHECK(team.size() == 8);
    CHECK(team.at("ann") == two.at("ann"));
    std::set<std::string> distinct;
    for (const auto& [name, colour] : team) distinct.insert(colour);
    CHECK(distinct.size() == 8);  // eight coders, eight colours (clashes take a free one)
    CHECK(distinct.count(gui::kBothColour) == 0);
    CHECK(gui::coder_colours({"ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal"}) == team);
    // Compared, A only and B only are A's and B's colours; both is green.
    const gui::CoderView compare{gui::CoderMode::compare, "ann", "bob"};
    CHECK(gui::side_colour(gui::Side::a_only, compare) == "#0072B2");
    CHECK(gui::side_colour(gui::Side::b_only, compare) == "#882255");
    CHECK(gui::side_colour(gui::Side::both, compare) == "#519E3E");
}

TEST_CASE("several coders shown: stripes in each coder's colour, named in a legend", "[gui][team][colours]") {
    Team f;
    auto& wb = f.frame->workbench();
    const auto colours = gui::coder_colours({"ann", "bob", "tester"});
    // Everyone's codings: each stripe in its coder's colour; the highlight keeps the code's.
    CHECK(f.stripe_colour_at("the barrier") == colours.at("ann"));
    CHECK(f.stripe_colour_at("Anything else?") == colours.at("bob"));
    CHECK(f.stripe_colour_at("released staff") == colours.at("tester"));
    CHECK(f.view().highlight_at(cp_of("barrier")) == f.view().code_colour(f.time));
    auto& legend = f.view().legend();
    CHECK(legend.IsShown());
    CHECK(legend.entries() == std::vector<gui::LegendEntry>{{"ann", colours.at("ann")}, {"bob", colours.at("bob")},
                                                            {"tester", colours.at("tester")}});
    // Comparing: highlights too, A only / B only / both.
    const gui::CoderView compare{gui::CoderMode::compare, "ann", "bob"};
    wb.set_coder_view(compare);
    pump(50);
    CHECK(f.view().highlight_at(cp_of("barrier")) == gui::side_colour(gui::Side::a_only, compare));
    CHECK(legend.entries() == std::vector<gui::LegendEntry>{{"ann only", "#0072B2"}, {"bob only", "#882255"}, {"both", "#519E3E"}});
    // One coder's codings: nothing to tell apart, stripes in the code colours, no legend.
    wb.set_coder_view({gui::CoderMode::one, "ann", ""});
    pump(50);
    CHECK(f.stripe_colour_at("the barrier").empty());
    CHECK_FALSE(legend.IsShown());
    CHECK(legend.entries().empty());
}

TEST_CASE("coded segments and disagreements show each coder's colour", "[gui][team][colours]") {
    Team f;
    const auto colours = gui::coder_colours({"ann", "bob"});
    f.frame->show_coded_segments(f.time);
    pump(100);
    auto& list = f.frame->segments().list();
    REQUIRE(list.count() == 4);
    for (std::size_t i = 0; i < list.count(); ++i) {
        const auto& row = list.rows()[i];
        INFO(row.cells.at(3));
        REQUIRE(row.colours.size() == 4);
        CHECK(row.colours[3] == colours.at(row.cells[3]));
        CHECK(list.row_html(i).find("<font color=\"" + colours.at(row.cells[3]) + "\">\u25A0</font>&nbsp;" + row.cells[3]) !=
              std::string::npos);
    }
    auto& dv = f.frame->open_disagreements();
    dv.set_coders("ann", "bob");
    pump(50);
    REQUIRE(dv.list().GetItemCount() == 2);
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    dv.list().GetColumn(3, head);
    CHECK(gui::from_wx(head.GetText()) == "ann only");
    // Row 0 is bob's "Anything else?", row 1 ann's "the barrier".
    CHECK(dv.list().GetItemTextColour(0) == wxColour(gui::to_wx(colours.at("bob"))));
    CHECK(dv.list().GetItemTextColour(1) == wxColour(gui::to_wx(colours.at("ann"))));
    dv.Close(true);
}

TEST_CASE("blind mode hides other coders' codings and counts in the matrix and in search", "[gui][team][blind]") {
    unsetenv("COMB_CODER");
    Team f;
    auto& wb = f.frame->workbench();
    auto& matrix = f.frame->matrix();
    matrix.set_axes("codes", "cases");
    const auto count_of = [&](const std::string& row) -> std::int64_t {
        const auto& m = matrix.matrix();
        for (std::size_t r = 0; r < m.rows.size(); ++r) {
            if (m.rows[r] == row) return m.cells[r].at(0);
        }
        return -1;
    };
    CHECK(count_of("Time") == 4);
    CHECK(count_of("Organisation/Leadership") == 1);
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 20000));
    REQUIRE(search.filters().choose("code", "Time"));
    CHECK(search.search("") == 3);  // the turns with "no time", "Anything else?" and "the barrier"

    wb.set_coder("ann");
    wb.set_coder_view({gui::CoderMode::blind, "", ""});
    pump(50);
    CHECK(count_of("Time") == 2);  // ann's two
    CHECK(count_of("Organisation/Leadership") <= 0);  // the tester's: not counted (or no row)
    const auto quotes = matrix.cell_quotes(0, 0);
    for (const auto& q : quotes) CHECK(q.text.find("Anything else") == std::string::npos);
    // Search by code finds passages through ann's codings only: bob's "Anything else?" goes.
    CHECK(search.search("") == 2);
    for (const auto& h : search.hits()) CHECK(h.text.find("Anything else?") == std::string::npos);
    CHECK(search.summary() == "2 passages in 1 document");
    // Words alone do not depend on codings: still found.
    search.filters().reset();
    CHECK(search.search("anything") == 1);
    wb.set_coder_view({});
    pump(50);
    CHECK(count_of("Time") == 4);
}
