// SPDX-License-Identifier: GPL-3.0-or-later
// Report builders on the hand-counted fixture (fixture.h): theme table rows and quote choice,
// summary groups, codebook rows; quote shortening.
#include <catch2/catch.hpp>

#include "analysis/coding_facts.h"
#include "analysis/quotes.h"
#include "analysis/report_builders.h"
#include "fixture.h"

using namespace comb;

namespace {

analysis::ReportOptions options() {
    analysis::ReportOptions o;
    o.project = "fixture";
    o.date = "2025-03-12";
    return o;
}

std::string quotes_of(const exporters::ThemeRow& row) {
    std::string out;
    for (const auto& q : row.quotes) out += q.text + " (" + q.participant + ")\n";
    return out;
}

}  // namespace

TEST_CASE("quotes are cut at sentence boundaries with an ellipsis", "[analysis][quotes]") {
    CHECK(analysis::shorten_quote("Short one.", 50) == "Short one.");
    CHECK(analysis::shorten_quote("  Line one\n\nline  two. ", 50) == "Line one line two.");
    CHECK(analysis::shorten_quote("First sentence here. Second sentence is longer than that.", 30) ==
          "First sentence here. \u2026");
    CHECK(analysis::shorten_quote("He said \"stop.\" Then we left the room quietly.", 20) == "He said \"stop.\" \u2026");
    CHECK(analysis::shorten_quote("No sentence end in this rather long stretch of words", 20) == "No sentence end in\u2026");
    CHECK(analysis::shorten_quote("Is it? Yes, it is, absolutely and without doubt.", 10) == "Is it? \u2026");
    // Code points, not bytes: "é" and "👍" count one each.
    CHECK(analysis::shorten_quote("Café 👍 ok. More text follows here.", 11) == "Café 👍 ok. \u2026");
}

TEST_CASE("theme table: rows per theme and subtheme, aggregated tags, chosen quotes", "[analysis][theme-table]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto table = analysis::build_theme_table(f, fx.b.file(), options());
    CHECK(table.meta.date == "2025-03-12");
    CHECK(table.meta.coders == std::vector<std::string>{"tester"});
    CHECK_FALSE(table.meta.quote_rule.empty());
    REQUIRE(table.rows.size() == 4);

    SECTION("a theme with a subtheme: a heading row, then the subtheme") {
        const auto& head = table.rows[0];
        CHECK(head.theme == "Organisation");
        CHECK(head.subtheme.empty());
        CHECK(head.description == "Inside organisations.");
        CHECK(head.level == core::LevelTag{core::Level::organisational, ""});
        CHECK(head.comb == std::vector<core::ComB>{core::ComB::O_Ph, core::ComB::O_So, core::ComB::M_Re});
        CHECK(head.valence == core::Valence::barrier);
        CHECK(head.n_participants == 2);
        // Only its own member code's quotes; one per participant, document order.
        CHECK(quotes_of(head) == "never have time. Managers (P1)\n");
        const auto& sub = table.rows[1];
        CHECK(sub.theme == "Organisation");
        CHECK(sub.subtheme == "Time pressure");
        CHECK(sub.n_participants == 2);
        // 4 is the interviewer's; 10 is P1's second: distinct participants in document order.
        CHECK(quotes_of(sub) == "We never have time. (P1)\nTime is short here. (P2)\n");
        CHECK(sub.quotes[0].attribute == "manager");
        CHECK(sub.quotes[0].document == "A");
    }
    SECTION("barriers and facilitators each with their codes, COM-B and participants") {
        const auto& head = table.rows[0];
        CHECK_FALSE(head.barriers.codes.empty());
        CHECK(head.barriers.comb == head.comb);
        CHECK(head.barriers.n_participants == 2);
        CHECK(head.facilitators.codes.empty());
        CHECK(head.facilitators.n_participants == 0);
        const auto& training = table.rows[2];
        CHECK(training.barriers.codes.empty());
        CHECK(training.facilitators.comb == std::vector<core::ComB>{core::ComB::C_Ps});
        CHECK(training.facilitators.n_participants == training.n_participants);
    }
    SECTION("pinned quotes come first") {
        const auto& training = table.rows[2];
        CHECK(training.theme == "Training");
        CHECK(training.level == core::LevelTag{core::Level::individual, "trainer"});
        CHECK(training.comb == std::vector<core::ComB>{core::ComB::C_Ps});  // implied by TDF Knowledge
        CHECK(training.valence == core::Valence::facilitator);
        CHECK(quotes_of(training) == "The training was great. (P2)\nTraining was good. (P1)\n");
    }
    SECTION("pinning changes the choice, --quotes caps it") {
        fx.b.project().execute(core::PinCoding(fx.coding[10], true));
        auto o = options();
        o.quotes.max_quotes = 1;
        const auto again = analysis::build_theme_table(analysis::CodingFacts::load(fx.b.file()), fx.b.file(), o);
        CHECK(quotes_of(again.rows[1]) == "Time again. (P1)\n");
    }
}

TEST_CASE("summary: barriers and facilitators per level and actor", "[analysis][summary]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto s = analysis::build_summary(f, fx.b.file(), options());
    REQUIRE(s.groups.size() == 4);  // macro, organisational, individual:agent, individual:trainer
    CHECK(s.groups[0].level.to_string() == "macro");
    CHECK(s.groups[1].level.to_string() == "organisational");
    CHECK(s.groups[2].level.to_string() == "individual:agent");
    CHECK(s.groups[3].level.to_string() == "individual:trainer");
    const auto& org = s.groups[1];
    REQUIRE(org.barriers.size() == 2);
    CHECK(org.barriers[0].label == "No time");  // 2 participants
    CHECK(org.barriers[0].n_participants == 2);
    CHECK(org.barriers[0].quotes.size() == 2);
    CHECK(org.barriers[1].label == "Managers");
    CHECK(org.facilitators.empty());
    // The overridden coding makes "Managers" mixed for agents: a barrier and a facilitator.
    CHECK(s.groups[2].barriers.size() == 1);
    CHECK(s.groups[2].facilitators.size() == 1);
    CHECK(s.groups[2].barriers[0].comb == std::vector<core::ComB>{core::ComB::M_Au});
    CHECK(s.groups[3].facilitators.at(0).n_participants == 2);
    CHECK(s.groups[3].facilitators.at(0).quotes.at(0).text == "The training was great.");
    // Heat map: O.Ph (index 2) at organisational counts 1, 4, 7, 10.
    CHECK(s.heat_map[1].counts[2] == 4);
    CHECK(s.heat_map[3].counts[1] == 3);
    CHECK(s.balance[1].barriers == 5);
    CHECK(s.balance[2].barriers == 1);
    CHECK(s.balance[2].facilitators == 1);
    CHECK(s.totals.participants == 2);
    CHECK(s.totals.documents == 3);
    CHECK(s.totals.codings == 10);
}

TEST_CASE("codebook rows: tree order, depth, tags, codings and cases", "[analysis][codebook]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto book = analysis::build_codebook(f, options());
    REQUIRE(book.rows.size() == 7);
    const auto row = [&](const std::string& path) {
        for (const auto& r : book.rows) if (r.path == path) return r;
        FAIL("no codebook row " << path);
        return exporters::CodebookRow{};
    };
    CHECK(row("Time").depth == 0);
    CHECK(row("Time").n_codings == 0);
    const auto time = row("Time/No time");
    CHECK(time.depth == 1);
    CHECK(time.n_codings == 4);
    CHECK(time.n_cases == 2);
    CHECK(time.comb == std::vector<core::ComB>{core::ComB::O_Ph});
    const auto training = row("Training/Good");
    CHECK(training.tdf == std::vector<std::string>{"Knowledge"});
    CHECK(training.comb == std::vector<core::ComB>{core::ComB::C_Ps});
    CHECK(training.n_codings == 3);
    CHECK(training.n_cases == 2);
    CHECK(training.level == core::LevelTag{core::Level::individual, "trainer"});
    CHECK(training.colour.size() == 7);
}
