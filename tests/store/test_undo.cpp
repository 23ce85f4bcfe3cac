// SPDX-License-Identifier: GPL-3.0-or-later
// Apply → undo equals before; redo equals after; across reopening too.
#include <catch2/catch.hpp>

#include <random>

#include "core/error.h"
#include "support/project_builder.h"
#include "support/random_commands.h"
#include "support/snapshot.h"

using namespace comb;

TEST_CASE("undo and redo survive closing and reopening the project", "[store][undo]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "Interviewer: Why?\nP1: No time at all.\n", "P1");
    b.code(doc, "No time", "Time");
    const auto after = test::snapshot(b.file());
    b.reopen();
    REQUIRE(b.project().undo_label() == std::optional<std::string>("Code passage as Time"));
    b.project().undo();
    CHECK(b.file().codings().empty());
    b.reopen();
    REQUIRE(b.project().redo_label() == std::optional<std::string>("Code passage as Time"));
    b.project().redo();
    CHECK(test::snapshot(b.file()) == after);
}

TEST_CASE("a new action drops the redo history", "[store][undo]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma\n", "P1");
    b.code(doc, "alpha", "A");
    b.project().undo();
    b.code(doc, "beta", "B");
    CHECK_FALSE(b.project().redo_label().has_value());
    CHECK_THROWS_WITH(b.project().redo(), "nothing to redo");
}

// Random sequences of commands: after each, undo must restore the snapshot before it and redo
// the snapshot after it.
TEST_CASE("random command sequences undo and redo exactly", "[store][undo][property]") {
    const unsigned seed = GENERATE(1u, 7u, 20261123u);
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    test::ProjectBuilder b;
    const std::string text = "Interviewer: Tell me 😀\nP1: Time is short, café closed, שלום friends.\r\n";
    const auto doc = b.add_document("P1", text, "P1");
    const auto len = core::utf8::length(text);
    for (int step = 0; step < 40; ++step) {
        const auto before = test::snapshot(b.file());
        const auto cmd = test::random_command(rng, doc, len, b.file().codings());
        if (!cmd) continue;
        core::ChangeSet applied;
        try {
            applied = b.project().execute(*cmd);
        } catch (const core::InputError&) {
            REQUIRE(test::snapshot(b.file()) == before);  // a refused action changes nothing
            continue;
        }
        if (applied.empty()) continue;
        const auto after = test::snapshot(b.file());
        b.project().undo();
        REQUIRE(test::snapshot(b.file()) == before);
        b.project().redo();
        REQUIRE(test::snapshot(b.file()) == after);
    }
    CHECK(b.file().integrity_check() == "ok");
}
