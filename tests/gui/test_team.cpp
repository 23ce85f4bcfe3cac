// SPDX-License-Identifier: GPL-3.0-or-later
// Team coding in the workbench (issue 15): the coder comparison (stripes and highlights in
// A-only / B-only / both colours), blind mode (others' codings and counts hidden), the
// disagreement view (listing, jumping to the text, resolving one, undo), File > Merge.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <wx/image.h>
#include <wx/listctrl.h>

#include "core/commands/coding_commands.h"
#include "gui/coder_filter.h"
#include "gui/command_ids.h"
#include "gui/disagreement_view.h"
#include "gui_harness.h"
#include "screenshot.h"
#include "team_fixture.h"

using namespace comb;
using namespace comb::test::gui_harness;

TEST_CASE("comparing two coders colours stripes and highlights: A only, B only, both", "[gui][team]") {
    TeamFixture f;
    auto& wb = f.frame->workbench();
    // Everyone: 2 fixture codings + 4 of the team.
    CHECK(f.view().codings().size() == 6);
    // Three coders shown: each stripe in its coder's colour (test_coder_colours.cpp).
    auto& palette = wb.coder_palette();
    CHECK(f.stripe_colour_at("the barrier") == palette.colour("ann"));
    const gui::CoderView compare{gui::CoderMode::compare, "ann", "bob"};
    wb.set_coder_view(compare);
    pump(50);
    // The tester's codings are not compared; the runs are one per side.
    CHECK(f.view().codings().size() == 4);
    REQUIRE(f.view().stripes().size() == 3);
    CHECK(f.stripe_colour_at("no time for it") == gui::side_colour(gui::Side::both, compare, palette));
    CHECK(f.stripe_colour_at("the barrier") == gui::side_colour(gui::Side::a_only, compare, palette));
    CHECK(f.stripe_colour_at("Anything else?") == gui::side_colour(gui::Side::b_only, compare, palette));
    CHECK(f.view().highlight_at(cp_of("time for")) == gui::side_colour(gui::Side::both, compare, palette));
    CHECK(f.view().highlight_at(cp_of("barrier")) == gui::side_colour(gui::Side::a_only, compare, palette));
    CHECK(f.view().highlight_at(cp_of("else?")) == gui::side_colour(gui::Side::b_only, compare, palette));
    CHECK(f.view().highlight_at(cp_of("managers")).empty());  // the tester's coding is hidden
    CHECK(gui::from_wx(f.frame->GetStatusBar()->GetStatusText(4)).find("Compare ann and bob") != std::string::npos);
    f.frame->SetSize(0, 0, 1200, 700);
    shoot(*f.frame, "team-compare");
    wb.set_coder_view({});
    pump(50);
    CHECK(f.view().codings().size() == 6);
    CHECK(f.stripe_colour_at("the barrier") == palette.colour("ann"));
}

TEST_CASE("blind mode shows only my codings and counts while I code", "[gui][team]") {
    unsetenv("COMB_CODER");  // it would win over the name set below, as on the command line
    TeamFixture f;
    auto& wb = f.frame->workbench();
    CHECK(f.model().codings_count(f.time) == 4);
    wb.set_coder("ann");
    wb.set_coder_view({gui::CoderMode::blind, "", ""});
    pump(50);
    CHECK(f.view().codings().size() == 2);
    for (const auto& c : f.view().codings()) CHECK(c.coder == "ann");
    CHECK(f.model().codings_count(f.time) == 2);
    CHECK(f.model().codings_count(f.code("Organisation/Leadership")) == 0);
    CHECK(f.view().highlight_at(cp_of("else?")).empty());
    // Coding in blind mode records me and shows at once.
    f.view().select(span_of("honestly"));
    wb.select_code(f.time);
    f.command(gui::kIdCodeSelection);
    CHECK(f.view().codings().size() == 3);
    CHECK(f.model().codings_count(f.time) == 3);
    CHECK(gui::from_wx(f.frame->GetStatusBar()->GetStatusText(4)) == "Coder: ann \u00B7 Blind: only ann's codings");
    CHECK(gui::from_wx(f.frame->GetStatusBar()->GetStatusText(0)) == "1 documents \u00B7 4 codes \u00B7 3 codings");
}

TEST_CASE("the disagreement view lists, jumps to the text and resolves one (undoable)", "[gui][team]") {
    TeamFixture f;
    auto& dv = f.frame->open_disagreements();
    dv.set_coders("ann", "bob");
    pump(50);
    REQUIRE(dv.rows().size() == 2);
    CHECK(dv.list().GetItemCount() == 2);
    CHECK(dv.summary() == "2 passages: 1 coded by ann only, 1 by bob only");
    // In text order: bob's "Anything else?" comes first.
    CHECK(dv.rows()[0].coder == 1);
    CHECK(gui::from_wx(dv.list().GetItemText(0, 4)) == "Anything else?");
    CHECK(gui::from_wx(dv.list().GetItemText(0, 5)).find("staff. Interviewer: [Anything else?] P01: Time") != std::string::npos);
    dv.show_row(1);
    pump(50);
    CHECK(f.view().selection() == span_of("the barrier"));
    f.frame->SetSize(0, 0, 1200, 700);
    dv.SetSize(100, 480, 1100, 360);
    // Mapped again above the frame (with no window manager, the frame's resize can cover it).
    dv.Hide();
    dv.Show();
    dv.Raise();
    REQUIRE(pump_until([&] { return dv.IsShownOnScreen(); }));
    pump(300);
    shoot(dv, "team-disagreements");

    REQUIRE(dv.resolve(1, core::Resolution::keep));  // bob gets "the barrier" too
    pump(50);
    CHECK(dv.rows().size() == 1);
    const auto memos = f.frame->workbench().repo().memos();
    REQUIRE_FALSE(memos.empty());
    CHECK(memos.back().title == "Disagreement resolved");
    CHECK(memos.back().text.find(": keep (decided by") != std::string::npos);
    REQUIRE(f.frame->workbench().undo());
    pump(50);
    CHECK(dv.rows().size() == 2);
    REQUIRE(dv.resolve(0, core::Resolution::drop));  // bob's "Anything else?" goes
    pump(50);
    CHECK(dv.rows().size() == 1);
    CHECK(f.view().highlight_at(cp_of("else?")).empty());
}

TEST_CASE("File > Merge brings in a colleague's copy as one undoable step, with a report", "[gui][team]") {
    TeamFixture f;
    // The colleague's copy: the same project where carol coded one more passage.
    auto& wb = f.frame->workbench();
    const auto copy = f.builder.dir() / "carol.comb";
    {
        auto* file = dynamic_cast<store::ProjectFile*>(&wb.repo());
        REQUIRE(file);
        file->connection().exec("VACUUM INTO '" + copy.string() + "'");
    }
    {
        auto other = store::ProjectFile::open(copy);
        core::Project p(*other);
        p.execute(core::ApplyCodings({{f.doc, span_of("honestly")}}, "Time", "carol"));
    }
    const auto before = wb.repo().codings().size();
    const auto report = f.frame->merge_project(copy);
    INFO(report);
    CHECK(report.find("codings: 1 added, 6 already present") != std::string::npos);
    CHECK(report.find("test.comb-backups") != std::string::npos);
    CHECK(wb.repo().codings().size() == before + 1);
    CHECK(f.frame->merge_project(copy).find("(nothing new)") != std::string::npos);
    CHECK(wb.project().undo_label() == "Merge carol.comb");
    REQUIRE(wb.undo());
    CHECK(wb.repo().codings().size() == before);
    CHECK(f.errors.empty());
}
