// SPDX-License-Identifier: GPL-3.0-or-later
// Per-coder colours and blind mode beyond the transcript (issue 15): a stable colour per
// coder, used by the transcript's stripes (several coders shown) and comparison highlights,
// named in a legend, shown in the coded segments and the disagreements; blind mode hides
// others' codings and counts in the matrix and in filtered searches too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <wx/image.h>
#include <wx/listctrl.h>

#include "analysis/matrix.h"
#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "gui/coded_segments_view.h"
#include "gui/coder_filter.h"
#include "gui/coder_legend.h"
#include "gui/disagreement_view.h"
#include "gui/matrix_view.h"
#include "gui/result_list.h"
#include "gui/search_filters.h"
#include "gui/search_view.h"
#include "gui_harness.h"
#include "screenshot.h"
#include "support/team_texts.h"
#include "team_fixture.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

using Team = TeamFixture;  // team_fixture.h

}  // namespace

TEST_CASE("each coder has a colour of their own, in the order they first coded", "[gui][team][colours]") {
    gui::CoderPalette two(std::vector<std::string>{"bob", "ann", "bob"});
    CHECK(two.colour("bob") == "#0072B2");  // first to code: the first colour
    CHECK(two.colour("ann") == "#D55E00");
    CHECK(two.colour("cy") == "#6A3D9A");   // not in the order yet: the next free slot
    CHECK(two.slot("cy") == 2);
    // Beyond eight the colours are generated, and all stay different (from "both" too).
    const auto seq = gui::coder_colour_sequence(40);
    REQUIRE(seq.size() == 40);
    CHECK(std::vector<std::string>(seq.begin(), seq.begin() + 8) ==
          std::vector<std::string>{"#0072B2", "#D55E00", "#6A3D9A", "#882255", "#CC79A7", "#E69F00", "#8C564B", "#555555"});
    CHECK(std::set<std::string>(seq.begin(), seq.end()).size() == 40);
    CHECK(std::count(seq.begin(), seq.end(), std::string(gui::kBothColour)) == 0);
    for (const auto& hex : seq) {
        INFO(hex);
        REQUIRE(hex.size() == 7);
        // Dark enough to read as a stripe or as text on white: relative luminance at most 0.45.
        const auto lum = [&](std::size_t at) {
            const double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        CHECK(0.2126 * lum(1) + 0.7152 * lum(3) + 0.0722 * lum(5) <= 0.45);
    }
    CHECK(gui::coder_colour_sequence(12) == std::vector<std::string>(seq.begin(), seq.begin() + 12));  // the same every time
    // Compared, A only and B only are A's and B's colours; both is green.
    const gui::CoderView compare{gui::CoderMode::compare, "ann", "bob"};
    CHECK(gui::side_colour(gui::Side::a_only, compare, two) == "#D55E00");
    CHECK(gui::side_colour(gui::Side::b_only, compare, two) == "#0072B2");
    CHECK(gui::side_colour(gui::Side::both, compare, two) == "#519E3E");
}

TEST_CASE("twelve coders: twelve colours, the same after reopening, all in the legend", "[gui][team][colours]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    // The fixture's two codings are the tester's (the first coder); eleven more code one word each,
    // in an order that is not alphabetical.
    const std::vector<std::string> names = {"zoe", "kim", "ann", "lee", "bob", "max", "cy", "sam", "eve", "dan", "ivy"};
    const std::vector<std::string> words = {"training", "We", "had", "time", "managers", "never", "staff", "else", "Time", "barrier", "honestly"};
    for (std::size_t i = 0; i < names.size(); ++i) REQUIRE(wb.run(core::ApplyCodings({{f.doc, span_of(words[i])}}, "Team", names[i])));
    f.view().show_document(f.doc);
    pump(50);
    std::vector<std::string> order = {"tester"};
    order.insert(order.end(), names.begin(), names.end());
    const auto expected = gui::coder_colour_sequence(12);
    std::map<std::string, std::string> before;
    for (std::size_t i = 0; i < order.size(); ++i) {
        INFO(order[i]);
        CHECK(wb.coder_palette().colour(order[i]) == expected[i]);
        before[order[i]] = expected[i];
    }
    // The legend names all twelve in the order they first coded, each in their colour, and
    // each coder's stripe is in that colour.
    std::vector<gui::LegendEntry> legend;
    for (const auto& n : order) legend.push_back({n, before[n]});
    CHECK(f.view().legend().entries() == legend);
    CHECK(f.view().legend().IsShown());
    for (const auto& s : f.view().stripes()) {
        const auto coding = f.frame->workbench().repo().find_coding(s.coding);
        REQUIRE(coding);
        CHECK(s.colour == before[coding->coder]);
    }
    // At a narrow window the legend wraps onto more rows rather than running past the pane:
    // every swatch and name lies inside it.
    f.frame->SetSize(0, 0, 1000, 700);
    pump(100);
    auto& shown = f.view().legend();
    int swatches = 0;
    for (auto* child : shown.GetChildren()) {
        INFO(gui::from_wx(child->GetName()) << " at " << child->GetPosition().x << "+" << child->GetSize().GetWidth());
        CHECK(child->GetPosition().x + child->GetSize().GetWidth() <= shown.GetClientSize().GetWidth());
        if (gui::from_wx(child->GetName()).starts_with("#")) ++swatches;
    }
    CHECK(swatches == 12);
    f.frame->Raise();  // above any earlier test's frame still on the screen
    pump(300);
    shoot(*f.frame, "team-twelve-coders");
    // Another window and another session give the same colours: they come from the project.
    f.close_frame();
    f.open_frame();
    f.view().show_document(f.doc);
    pump(50);
    for (const auto& [name, colour] : before) CHECK(f.frame->workbench().coder_palette().colour(name) == colour);
    CHECK(f.view().legend().entries() == legend);
}

TEST_CASE("several coders shown: stripes in each coder's colour, named in a legend", "[gui][team][colours]") {
    Team f;
    auto& wb = f.frame->workbench();
    auto& palette = wb.coder_palette();
    const auto colours = palette.colours({"ann", "bob", "tester"});
    // The tester coded first (the fixture), then ann, then bob.
    CHECK(colours == std::map<std::string, std::string>{{"tester", "#0072B2"}, {"ann", "#D55E00"}, {"bob", "#6A3D9A"}});
    // Everyone's codings: each stripe in its coder's colour; the highlight keeps the code's.
    CHECK(f.stripe_colour_at("the barrier") == colours.at("ann"));
    CHECK(f.stripe_colour_at("Anything else?") == colours.at("bob"));
    CHECK(f.stripe_colour_at("released staff") == colours.at("tester"));
    CHECK(f.view().highlight_at(cp_of("barrier")) == f.view().code_colour(f.time));
    auto& legend = f.view().legend();
    CHECK(legend.IsShown());
    CHECK(legend.entries() == std::vector<gui::LegendEntry>{{"tester", colours.at("tester")}, {"ann", colours.at("ann")},
                                                            {"bob", colours.at("bob")}});
    // Comparing: highlights too, A only / B only / both.
    const gui::CoderView compare{gui::CoderMode::compare, "ann", "bob"};
    wb.set_coder_view(compare);
    pump(50);
    CHECK(f.view().highlight_at(cp_of("barrier")) == gui::side_colour(gui::Side::a_only, compare, palette));
    CHECK(legend.entries() == std::vector<gui::LegendEntry>{{"ann only", "#D55E00"}, {"bob only", "#6A3D9A"}, {"both", "#519E3E"}});
    // One coder's codings: nothing to tell apart, stripes in the code colours, no legend.
    wb.set_coder_view({gui::CoderMode::one, "ann", ""});
    pump(50);
    CHECK(f.stripe_colour_at("the barrier").empty());
    CHECK_FALSE(legend.IsShown());
    CHECK(legend.entries().empty());
}

TEST_CASE("coded segments and disagreements show each coder's colour", "[gui][team][colours]") {
    Team f;
    const auto colours = f.frame->workbench().coder_palette().colours({"ann", "bob"});
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

namespace {

// A second transcript where ann and bob code different topics as "Pressure": ann the rota and
// night shifts, bob the budget and funding; each topic comes back later, uncoded.
const std::string& kShifts = test::kShiftsTranscript;  // support/team_texts.h

core::Span span_in(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const auto start = core::utf8::to_code_point(text, at);
    return {start, core::CodePoint(start.value + core::utf8::length(needle))};
}

bool any_hit_has(const std::vector<index::Hit>& hits, const std::string& words) {
    return std::any_of(hits.begin(), hits.end(), [&](const index::Hit& h) { return h.text.find(words) != std::string::npos; });
}

}  // namespace

TEST_CASE("similar to code in blind mode seeds only from the codings the coder may see", "[gui][team][blind]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    core::NewDocument d;
    d.name = "P02";
    d.text = kShifts;
    d.hash = "P02#shifts";
    d.turns = test::CommandBuilder::turns_of(kShifts);
    REQUIRE(wb.run(core::ImportDocuments({d})));
    const auto p02 = wb.repo().find_document_by_name("P02")->id;
    REQUIRE(wb.run(core::ApplyCodings({{p02, span_in(kShifts, "The rota changes every week and the night shifts are hard to cover.")}},
                                      "Pressure", "ann")));
    REQUIRE(wb.run(core::ApplyCodings({{p02, span_in(kShifts, "The budget was cut, so funding for courses and travel money disappeared.")}},
                                      "Pressure", "bob")));
    wb.select_code(f.code("Pressure"));
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 20000));
    // Everyone's codings seed: both later passages come back, neither coded one.
    REQUIRE(search.similar_to_selected_code() > 0);
    CHECK(any_hit_has(search.hits(), "Covering night shifts"));
    CHECK(any_hit_has(search.hits(), "Without budget or funding"));
    CHECK_FALSE(any_hit_has(search.hits(), "The rota changes"));
    CHECK_FALSE(any_hit_has(search.hits(), "The budget was cut"));

    // ann coding blind: only her coding seeds; nothing about budgets comes from bob's.
    wb.set_coder("ann");
    wb.set_coder_view({gui::CoderMode::blind, "", ""});
    pump(50);
    REQUIRE(search.similar_to_selected_code() > 0);
    CHECK(any_hit_has(search.hits(), "Covering night shifts"));
    CHECK_FALSE(any_hit_has(search.hits(), "Without budget or funding"));
    CHECK_FALSE(any_hit_has(search.hits(), "The budget was cut"));  // bob's coding is not revealed either
    CHECK_FALSE(any_hit_has(search.hits(), "The rota changes"));   // her own coded passage is left out
    for (const auto& h : search.hits()) CHECK(h.text.find("funding") == std::string::npos);

    // A view of bob's codings only: the other way round.
    wb.set_coder_view({gui::CoderMode::one, "bob", ""});
    pump(50);
    REQUIRE(search.similar_to_selected_code() > 0);
    CHECK(any_hit_has(search.hits(), "Without budget or funding"));
    CHECK_FALSE(any_hit_has(search.hits(), "Covering night shifts"));
    CHECK_FALSE(any_hit_has(search.hits(), "The rota changes"));

    // Blind as someone who has not coded it: nothing to compare with, said as such.
    wb.set_coder("cy");
    wb.set_coder_view({gui::CoderMode::blind, "", ""});
    pump(50);
    f.errors.clear();
    CHECK(search.similar_to_selected_code() == 0);
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].find("no coded passages of \"Pressure\" to compare with") != std::string::npos);
}
