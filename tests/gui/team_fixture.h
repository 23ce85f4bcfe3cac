// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A workbench with two coders' codings, for the team tests (test_team.cpp,
// test_coder_colours.cpp): ann and bob both code "no time for it" as Time; ann alone codes "the
// barrier", bob alone "Anything else?". The harness fixture's own two codings are the tester's.
#include <string>

#include "core/commands/coding_commands.h"
#include "gui_harness.h"

namespace comb::test::gui_harness {

struct TeamFixture : Fixture {
    core::CodeId time;
    TeamFixture() {
        auto& wb = frame->workbench();
        REQUIRE(wb.run(core::ApplyCodings({{doc, span_of("no time for it")}}, "Time", "ann")));
        REQUIRE(wb.run(core::ApplyCodings({{doc, span_of("no time for it")}}, "Time", "bob")));
        REQUIRE(wb.run(core::ApplyCodings({{doc, span_of("the barrier")}}, "Time", "ann")));
        REQUIRE(wb.run(core::ApplyCodings({{doc, span_of("Anything else?")}}, "Time", "bob")));
        time = code("Time");
        view().show_document(doc);
        pump(50);
    }
    // The colour of the stripe covering `needle`'s first occurrence; "(none)" without one.
    std::string stripe_colour_at(const std::string& needle) {
        const auto at = span_of(needle);
        for (const auto& s : view().stripes()) {
            if (s.span.contains(at)) return s.colour;
        }
        return "(none)";
    }
};

}  // namespace comb::test::gui_harness
