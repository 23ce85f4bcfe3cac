// SPDX-License-Identifier: GPL-3.0-or-later
// Search: stemmed words, phrases, NEAR, wildcards, boolean operators, every filter, query
// fields, snippets, code point offsets, and incremental updates after commands.
#include "index_fixture.h"

using namespace comb;
using comb::test::IndexFixture;
using comb::test::Where;

TEST_CASE("words match by stem, phrases by position, NEAR by distance, wildcards by prefix", "[index][search]") {
    IndexFixture f;
    const Where p01_never = f.turn(f.p01, "We never"), p01_what = f.turn(f.p01, "What gets"),
                p01_manager = f.turn(f.p01, "Our manager"), p01_funding = f.turn(f.p01, "Funding"),
                p02_train = f.turn(f.p02, "I train"), p03_cafe = f.turn(f.p03, "The café");

    // "protect" finds "protected" in both interviews; "training" finds "train" too.
    CHECK(f.sorted(f.search("protect")) == std::vector<Where>{p01_never, p02_train});
    CHECK(f.sorted(f.search("training")) == std::vector<Where>{p01_what, p01_never, p01_manager, p02_train});
    CHECK(f.search("\"protected time\"") == std::vector<Where>{p01_never});
    CHECK(f.search("manager NEAR room") == std::vector<Where>{p01_manager});
    CHECK(f.search("protected NEAR/2 trainers") == std::vector<Where>{p02_train});
    CHECK(f.search("protected NEAR/1 trainers").empty());
    CHECK(f.search("sess*") == std::vector<Where>{p01_manager});
    CHECK(f.sorted(f.search("training NOT rota")) == std::vector<Where>{p01_what, p01_manager, p02_train});
    CHECK(f.sorted(f.search("funding OR café")) == std::vector<Where>{p01_funding, p03_cafe});
    CHECK(f.search("funding AND café").empty());
}

TEST_CASE("hits carry code point offsets, the case and a snippet with the matches marked", "[index][search]") {
    IndexFixture f;
    const auto hits = f.index->search({"confident", {}, 20, std::nullopt});
    REQUIRE(hits.size() == 1);
    // The passage runs from the emoji (code point 134) to before the newline: code point 198,
    // byte 201, as the emoji takes 4 bytes.
    CHECK(hits[0].doc == f.p02);
    CHECK(hits[0].span.start.value == 134);
    CHECK(hits[0].span.end.value == 198);
    CHECK(hits[0].case_name == std::optional<std::string>("P02"));
    CHECK(hits[0].text == "😀 Trainers felt confident after the course on smoking cessation.");
    // Xapian's snippet generator starts at the first word.
    CHECK(hits[0].snippet == "Trainers felt «confident» after the course on smoking cessation.");
    CHECK(hits[0].score > 0);

    const auto stemmed = f.index->search({"protecting", {}, 20, std::nullopt});
    REQUIRE(stemmed.size() == 2);
    for (const auto& h : stemmed) CHECK(h.snippet.find("«protected»") != std::string::npos);
}

TEST_CASE("every filter narrows the passages, and filters alone list them in document order", "[index][search]") {
    IndexFixture f;
    const Where never = f.turn(f.p01, "We never"), manager = f.turn(f.p01, "Our manager"),
                p02_train = f.turn(f.p02, "I train"), p03_cafe = f.turn(f.p03, "The café");
    auto only = [](auto member, std::vector<std::string> v) {
        index::Filters fl;
        fl.*member = std::move(v);
        return fl;
    };
    using F = index::Filters;
    CHECK(f.search("", only(&F::codes, {"Organisational"})) == std::vector<Where>{never, manager, p02_train});
    CHECK(f.search("", only(&F::codes, {"organisational/time"})) == std::vector<Where>{never, p02_train});
    CHECK(f.search("", only(&F::themes, {"Workplace"})) == std::vector<Where>{never, p02_train});
    CHECK(f.search("", only(&F::comb, {"O.Ph"})) == std::vector<Where>{never});  // the override has no COM-B
    CHECK(f.search("", only(&F::comb, {"O.So"})) == std::vector<Where>{manager});  // implied by TDF Social influences
    CHECK(f.search("", only(&F::comb, {"O"})) == std::vector<Where>{never, manager});
    CHECK(f.search("", only(&F::levels, {"organisational"})) == std::vector<Where>{never, manager});
    CHECK(f.search("", only(&F::levels, {"individual"})) == std::vector<Where>{p02_train});
    CHECK(f.search("", only(&F::levels, {"individual:trainer"})) == std::vector<Where>{p02_train});
    CHECK(f.search("", only(&F::valences, {"barrier"})) == std::vector<Where>{never});
    CHECK(f.search("", only(&F::valences, {"facilitator"})) == std::vector<Where>{manager, p02_train});
    CHECK(f.search("", only(&F::cases, {"P03"})) == std::vector<Where>{f.turn(f.p03, "Anything"), p03_cafe});
    CHECK(f.search("", only(&F::attributes, {"role=trainer"})) ==
          std::vector<Where>{f.turn(f.p02, "Tell me"), p02_train, f.turn(f.p02, "😀")});
    CHECK(f.search("", only(&F::attributes, {"org=NHS Trust"})).size() == 5);
    CHECK(f.search("", only(&F::speakers, {"Interviewer"})) ==
          std::vector<Where>{f.turn(f.p01, "What gets"), f.turn(f.p01, "And the"), f.turn(f.p02, "Tell me"),
                             f.turn(f.p03, "Anything")});
    // Values of one kind are alternatives; kinds combine.
    CHECK(f.search("", only(&F::cases, {"P01", "P03"})).size() == 7);
    F both = only(&F::codes, {"Organisational/Time"});
    both.levels = {"organisational"};
    CHECK(f.search("", both) == std::vector<Where>{never});
    CHECK(f.search("time", only(&F::levels, {"organisational"})) == std::vector<Where>{never});
    CHECK(f.sorted(f.search("time")) == std::vector<Where>{never, p02_train});  // "Time" at a sentence start too
    CHECK_THROWS_AS(f.search("", only(&F::comb, {"X.Y"})), core::InputError);
    CHECK_THROWS_AS(f.search("", only(&F::levels, {"galactic"})), core::InputError);
}

TEST_CASE("the query language has fields for codes, tags, cases, speakers and attributes", "[index][search]") {
    IndexFixture f;
    const Where never = f.turn(f.p01, "We never"), manager = f.turn(f.p01, "Our manager"),
                p02_train = f.turn(f.p02, "I train");
    CHECK(f.search("code:Organisational/Time") == std::vector<Where>{never, p02_train});
    CHECK(f.search("theme:workplace level:organisational") == std::vector<Where>{never});
    CHECK(f.search("comb:O.So") == std::vector<Where>{manager});
    CHECK(f.search("valence:facilitator case:P02") == std::vector<Where>{p02_train});
    CHECK(f.sorted(f.search("role:agent training")) == std::vector<Where>{f.turn(f.p01, "What gets"), never, manager});
    CHECK(f.search("speaker:P03") == std::vector<Where>{f.turn(f.p03, "The café")});
    CHECK(f.search("code:Organisational/Time", {}, index::Order::relevance).size() == 2);

    // Attributes named like a built-in field, or in two spellings, do not break the parser.
    f.b.project().execute(core::SetCaseAttributes({{"P03", {{"Level", "x"}, {"ROLE", "y"}, {"Case", "z"}}}}));
    core::NullProgress quiet;
    f.index->rebuild(f.b.file(), quiet);
    CHECK(f.search("level:organisational") == std::vector<Where>{never, manager});
    CHECK(f.search("ROLE:y") == std::vector<Where>{f.turn(f.p03, "Anything"), f.turn(f.p03, "The café")});
}

TEST_CASE("commands update only the affected passages, and the index stays current", "[index][search]") {
    IndexFixture f;
    core::NullProgress quiet;
    std::vector<std::optional<std::string>> reasons;
    auto hook = f.b.project().changed().subscribe(
        [&](const core::ProjectChanged& e) { reasons.push_back(f.index->update(f.b.file(), e.changes, quiet)); });
    const Where cafe = f.turn(f.p03, "The café");
    index::Filters time;
    time.codes = {"Organisational/Time"};

    f.b.code(f.p03, "café résumé workshop", "Organisational/Time");
    CHECK(f.search("", time) == std::vector<Where>{f.turn(f.p01, "We never"), f.turn(f.p02, "I train"), cafe});
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));

    core::DefineTheme::Spec theme;
    theme.name = "Workplace";
    theme.add_codes = {"Individual"};
    f.b.project().execute(core::DefineTheme(theme));
    index::Filters workplace;
    workplace.themes = {"Workplace"};
    CHECK(f.search("", workplace).back() == cafe);

    f.b.project().execute(core::SetCaseAttributes({{"P03", {{"role", "trainer"}}}}));
    index::Filters trainer;
    trainer.attributes = {"role=trainer"};
    CHECK(f.search("", trainer).back() == cafe);

    f.b.project().undo();
    f.b.project().undo();
    f.b.project().undo();
    CHECK(f.search("", time) == std::vector<Where>{f.turn(f.p01, "We never"), f.turn(f.p02, "I train")});
    CHECK(f.search("", trainer).size() == 3);
    CHECK(reasons == std::vector<std::optional<std::string>>(6, std::nullopt));  // never a rebuild
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
}

// Issue 14: Xapian read "(training" as "training", so a broken query looked like a search.
TEST_CASE("an unbalanced bracket is refused with its column, brackets in a phrase are words", "[index][search]") {
    IndexFixture f;
    try {
        f.search("(training OR funding");
        FAIL("no error");
    } catch (const core::InputError& e) {
        CHECK(e.pos().column == 1);
        CHECK(e.reason() == "cannot read the query \"(training OR funding\": the bracket at column 1 is never closed");
    }
    try {
        f.search("café) training");
        FAIL("no error");
    } catch (const core::InputError& e) {
        CHECK(e.pos().column == 5);  // code points: é is one
        CHECK(e.reason() == "cannot read the query \"café) training\": the bracket at column 5 closes nothing");
    }
    CHECK(f.search("(funding OR café)").size() == 2);
    CHECK_NOTHROW(f.search("\"protected (time\""));
}
