// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix counts on the hand-counted fixture (fixture.h lists every coding and its tags).
#include <catch2/catch.hpp>

#include "analysis/coding_facts.h"
#include "analysis/matrix.h"
#include "analysis/matrix_format.h"
#include "core/error.h"
#include "fixture.h"

using namespace comb;
using analysis::Axis;
using analysis::CountUnit;
using analysis::Dimension;

namespace {

analysis::Matrix count(const analysis::CodingFacts& f, const std::string& rows, const std::string& cols,
                       CountUnit unit = CountUnit::segments) {
    const analysis::MatrixSpec spec{Axis::parse(rows, "--rows"), Axis::parse(cols, "--cols"), unit, std::nullopt};
    INFO(spec.describe());
    return analysis::count_matrix(f, spec);
}

// The cells as text, one "row col n" per non-zero cell, so a failure shows the whole matrix.
std::string nonzero(const analysis::Matrix& m) {
    std::string out;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        for (std::size_t c = 0; c < m.cols.size(); ++c) {
            if (m.cells[r][c]) out += m.rows[r] + " × " + m.cols[c] + " = " + std::to_string(m.cells[r][c]) + "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("coding facts resolve effective tags, cases and interviewer turns", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    REQUIRE(f.codings.size() == 10);
    const auto from_repo = analysis::CodingFacts::from(fx.b.file());
    REQUIRE(from_repo.codings.size() == 10);
    int interviewer = 0;
    for (std::size_t i = 0; i < f.codings.size(); ++i) {
        CHECK(f.codings[i].id == from_repo.codings[i].id);
        CHECK(f.codings[i].tags == from_repo.codings[i].tags);
        if (f.codings[i].interviewer_only) ++interviewer;
    }
    CHECK(interviewer == 2);
    // Document order: A's interviewer question (coding 4) comes first.
    CHECK(f.codings[0].id == fx.coding[4].value);
    CHECK(f.coders == std::vector<std::string>{"tester"});
}

TEST_CASE("COM-B × level counts segments and distinct cases", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto seg = count(f, "comb", "level");
    CHECK(seg.rows == std::vector<std::string>{"C.Ph", "C.Ps", "O.Ph", "O.So", "M.Re", "M.Au"});
    CHECK(seg.cols == std::vector<std::string>{"macro", "organisational", "individual", "individual:agent", "individual:trainer"});
    CHECK(nonzero(seg) ==
          "C.Ps × individual:trainer = 3\n"    // 3, 6, 8 (TDF Knowledge implies C.Ps)
          "O.Ph × macro = 1\n"                 // 9
          "O.Ph × organisational = 4\n"        // 1, 4, 7, 10
          "O.So × organisational = 1\n"        // 2 (5 is overridden)
          "M.Re × organisational = 1\n"        // 2
          "M.Au × individual:agent = 1\n");    // 5
    const auto cases = count(f, "comb", "level", CountUnit::cases);
    CHECK(nonzero(cases) ==
          "C.Ps × individual:trainer = 2\n"    // P1 (3), P2 (6); 8 is the interviewer's
          "O.Ph × macro = 1\n"
          "O.Ph × organisational = 2\n"        // P1 (1, 10), P2 (7)
          "O.So × organisational = 1\n"
          "M.Re × organisational = 1\n"
          "M.Au × individual:agent = 1\n");
}

TEST_CASE("every row and column dimension counts by hand", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());

    SECTION("codes × cases") {
        const auto m = count(f, "codes", "cases");
        CHECK(m.cols == std::vector<std::string>{"P1", "P2"});
        CHECK(nonzero(m).size() > 0);
        CHECK(m.at("Time/No time", "P1") == 3);  // 1, 4, 10
        CHECK(m.at("Time/No time", "P2") == 1);
        CHECK(m.at("Leadership/Managers", "P1") == 2);
        CHECK(m.at("Training/Good", "P1") == 1);
        CHECK(m.at("Training/Good", "P2") == 2);
        CHECK(m.at("Funding", "P1") == 1);
        CHECK(m.at("Time", "P1") == 0);  // a parent counts only its own codings
        CHECK(m.rows.size() == 7);
    }
    SECTION("themes × valence: a theme counts its subthemes' codes") {
        const auto m = count(f, "themes", "valence");
        CHECK(m.rows == std::vector<std::string>{"Organisation", "Time pressure", "Training", "Macro"});
        CHECK(m.cols == std::vector<std::string>{"barrier", "facilitator", "mixed", "neutral"});
        CHECK(nonzero(m) ==
              "Organisation × barrier = 5\n"      // 2 + 1, 4, 7, 10
              "Organisation × mixed = 1\n"        // 5 (override)
              "Time pressure × barrier = 4\n"
              "Training × facilitator = 3\n"
              "Macro × barrier = 1\n");
    }
    SECTION("cases × valence, segments and cases") {
        CHECK(nonzero(count(f, "cases", "valence")) ==
              "P1 × barrier = 5\nP1 × facilitator = 1\nP1 × mixed = 1\nP2 × barrier = 1\nP2 × facilitator = 2\n");
        CHECK(nonzero(count(f, "cases", "valence", CountUnit::cases)) ==
              "P1 × barrier = 1\nP1 × facilitator = 1\nP1 × mixed = 1\nP2 × barrier = 1\nP2 × facilitator = 1\n");
    }
    SECTION("attr:role × comb") {
        const auto m = count(f, "attr:role", "comb");
        CHECK(m.rows == std::vector<std::string>{"manager", "nurse"});
        CHECK(nonzero(m) ==
              "manager × C.Ps = 1\nmanager × O.Ph = 4\nmanager × O.So = 1\nmanager × M.Re = 1\nmanager × M.Au = 1\n"
              "nurse × C.Ps = 2\nnurse × O.Ph = 1\n");
    }
    SECTION("level × themes, level × codes, comb × attr") {
        CHECK(count(f, "level", "themes").at("individual:agent", "Organisation") == 1);
        CHECK(count(f, "level", "codes").at("organisational", "Time/No time") == 4);
        CHECK(count(f, "comb", "attr:role", CountUnit::cases).at("O.Ph", "nurse") == 1);
        CHECK(count(f, "themes", "cases", CountUnit::cases).at("Organisation", "P2") == 1);
    }
    SECTION("an unknown attribute or dimension is the user's error") {
        CHECK_THROWS_AS(count(f, "attr:age", "comb"), core::InputError);
        CHECK_THROWS_WITH(Axis::parse("colour", "--rows"), Catch::Contains("unknown dimension \"colour\""));
    }
}

TEST_CASE("a restriction to passages keeps only the codings overlapping them", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto doc = *fx.b.file().find_document(fx.bdoc);
    analysis::MatrixSpec spec{{Dimension::comb, {}}, {Dimension::valence, {}}, CountUnit::segments,
                              std::vector<analysis::PassageRef>{{fx.bdoc, doc.turns.at(1).span}}};
    INFO(spec.describe());
    CHECK(nonzero(analysis::count_matrix(f, spec)) == "C.Ps × facilitator = 1\nO.Ph × barrier = 1\n");
}

TEST_CASE("the quotes behind a cell (--cell) come in document order", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    analysis::MatrixSpec spec{{Dimension::comb, {}}, {Dimension::level, {}}, CountUnit::segments, std::nullopt};
    auto quotes = analysis::cell_quotes(f, fx.b.file(), analysis::cell_codings(f, spec, "O.Ph", "organisational"));
    REQUIRE(quotes.size() == 4);
    CHECK(quotes[0].text == "What about time?");
    CHECK(quotes[0].span.start.value == 13);
    CHECK(quotes[0].span.end.value == 29);
    CHECK(quotes[1].text == "We never have time.");
    CHECK(quotes[1].code == "Time/No time");
    CHECK(quotes[1].case_name == std::optional<std::string>("P1"));
    CHECK(quotes[2].text == "Time is short here.");
    CHECK(quotes[2].doc == fx.bdoc);
    CHECK(quotes[3].text == "Time again.");
    spec.count = CountUnit::cases;
    quotes = analysis::cell_quotes(f, fx.b.file(), analysis::cell_codings(f, spec, "O.Ph", "organisational"));
    CHECK(quotes.size() == 3);  // the interviewer's question is no participant's
    CHECK_THROWS_WITH(analysis::cell_codings(f, spec, "C.Xx", "macro"), Catch::Contains("no row \"C.Xx\""));
}

TEST_CASE("code co-occurrence by overlap and within one passage", "[analysis][cooccurrence]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    analysis::CooccurrenceSpec spec;
    INFO(spec.describe());
    auto m = analysis::cooccurrence(f, spec);
    CHECK(nonzero(m) ==
          "Time/No time × Time/No time = 4\n"
          "Time/No time × Leadership/Managers = 1\n"  // 1 overlaps 5
          "Leadership/Managers × Time/No time = 1\n"
          "Leadership/Managers × Leadership/Managers = 2\n"
          "Training/Good × Training/Good = 3\n"
          "Funding × Funding = 1\n");
    spec.scope = analysis::CooccurrenceScope::passage;
    m = analysis::cooccurrence(f, spec);
    CHECK(m.at("Time/No time", "Leadership/Managers") == 1);  // A's P1 turn
    CHECK(m.at("Time/No time", "Training/Good") == 2);        // A's and B's participant turns
    CHECK(m.at("Training/Good", "Leadership/Managers") == 1);
    CHECK(m.at("Funding", "Time/No time") == 1);              // C's turn
    spec.count = CountUnit::cases;
    m = analysis::cooccurrence(f, spec);
    CHECK(m.at("Time/No time", "Training/Good") == 2);  // P1 and P2
    CHECK(m.at("Funding", "Time/No time") == 1);
    CHECK(m.at("Training/Good", "Training/Good") == 2);  // P1, P2 (8 is the interviewer's)
}

TEST_CASE("a cube over three axes agrees with the matrices", "[analysis][matrix]") {
    test::AnalysisFixture fx;
    const auto f = analysis::CodingFacts::load(fx.b.file());
    const auto cube = analysis::count_cube(f, {{Dimension::comb, {}}, {Dimension::level, {}}, {Dimension::valence, {}}},
                                           CountUnit::segments);
    REQUIRE(cube.cells.size() == 6 * 5 * 4);
    // O.Ph (2) × organisational (1) × barrier (0)
    CHECK(cube.cells[(2 * 5 + 1) * 4 + 0] == 4);
    // M.Au (5) × individual:agent (3) × mixed (2)
    CHECK(cube.cells[(5 * 5 + 3) * 4 + 2] == 1);
    std::int64_t total = 0;
    for (auto n : cube.cells) total += n;
    CHECK(total == 11);  // 10 codings; coding 2 has two COM-B tags
}

TEST_CASE("matrices from the count table equal matrices from every coding", "[analysis][matrix][counts]") {
    // Issue 17: `comb matrix` reads the store's count table (CodingFacts::load_counts) unless
    // it needs each coding; every dimension pair and both units must come out the same.
    test::AnalysisFixture fx;
    // More codings across cases, an unassigned document and a second override, so every kind
    // of group is there.
    const auto d = fx.b.add_document("D", "Interviewer: Any time?\nP3: Time and money, always money.\n");
    fx.b.code(d, "Any time?", "Time/No time");
    const auto m = fx.b.code(d, "always money", "Funding");
    fx.b.code(d, "Time and money", "Time/No time");
    fx.b.code(d, "Time and", "Time/No time");  // the same group as the line above
    fx.b.project().execute(core::TagCoding(m, core::TagSet::parse("comb=C.Ph; level=macro; valence=neutral")));
    fx.b.project().execute(core::AssignCase(fx.c, "P3"));
    const auto every = analysis::CodingFacts::load(fx.b.file());
    const auto counts = analysis::CodingFacts::load_counts(fx.b.file());
    CHECK(counts.counts_only());
    CHECK(counts.codings.size() == every.codings.size() - 1);
    std::int64_t total = 0;
    for (const auto& row : counts.codings) total += row.n;
    CHECK(total == static_cast<std::int64_t>(every.codings.size()));
    const std::vector<std::string> dims = {"codes", "themes", "comb", "level", "valence", "cases", "attr:role"};
    int compared = 0;
    for (const auto& r : dims) {
        for (const auto& c : dims) {
            for (const auto unit : {CountUnit::segments, CountUnit::cases}) {
                const analysis::MatrixSpec spec{Axis::parse(r, "--rows"), Axis::parse(c, "--cols"), unit, std::nullopt};
                INFO(spec.describe());
                const auto a = analysis::count_matrix(every, spec), b = analysis::count_matrix(counts, spec);
                CHECK(a.rows == b.rows);
                CHECK(a.cols == b.cols);
                CHECK(nonzero(a) == nonzero(b));
                ++compared;
            }
        }
    }
    CHECK(compared == 98);
    const std::vector<Axis> cube = {{Dimension::comb, {}}, {Dimension::level, {}}, {Dimension::valence, {}}};
    CHECK(analysis::count_cube(every, cube, CountUnit::segments).cells == analysis::count_cube(counts, cube, CountUnit::segments).cells);
    CHECK(analysis::count_cube(every, cube, CountUnit::cases).cells == analysis::count_cube(counts, cube, CountUnit::cases).cells);
    // What needs each coding refuses counts rather than answer wrongly.
    CHECK_THROWS_AS(analysis::cooccurrence(counts, {}), std::logic_error);
    CHECK_THROWS_AS(analysis::cell_codings(counts, {Axis::parse("codes", "--rows"), Axis::parse("comb", "--cols"), CountUnit::segments,
                                                    std::nullopt}, "Funding", "O.Ph"),
                    std::logic_error);
}

TEST_CASE("matrices render as CSV and Markdown", "[analysis][format]") {
    analysis::Matrix m;
    m.corner = "level";
    m.rows = {"macro", "individual:trainer"};
    m.cols = {"barrier", "a, \"b\""};
    m.cells = {{1, 0}, {2, 3}};
    CHECK(analysis::matrix_csv(m) == "level,barrier,\"a, \"\"b\"\"\"\r\nmacro,1,0\r\nindividual:trainer,2,3\r\n");
    CHECK(analysis::matrix_md(m) ==
          "| level | barrier | a, \"b\" |\n|---|---:|---:|\n| macro | 1 | 0 |\n| individual:trainer | 2 | 3 |\n");
}
