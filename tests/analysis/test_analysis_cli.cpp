// SPDX-License-Identifier: GPL-3.0-or-later
// `comb matrix` and `comb export` end to end, and the example analysis (examples/mecc/analyse.sh).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fixture.h"
#include "support/run_cli.h"

using namespace comb;
using nlohmann::json;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("comb matrix --format json prints rows, cols and cells", "[analysis][cli]") {
    test::AnalysisFixture fx;
    const auto path = fx.b.path().string();
    const auto r = test::run_comb({"matrix", path, "--rows", "level", "--cols", "valence", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\"rows\"") < r.out.find("\"cols\""));
    CHECK(r.out.find("\"cols\"") < r.out.find("\"cells\""));
    const auto j = json::parse(r.out);
    CHECK(j.size() == 3);
    CHECK(j["rows"] == json({"macro", "organisational", "individual", "individual:agent", "individual:trainer"}));
    CHECK(j["cols"] == json({"barrier", "facilitator", "mixed", "neutral"}));
    CHECK(j["cells"] == json({{1, 0, 0, 0}, {5, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 1, 0}, {0, 3, 0, 0}}));

    const auto cases = test::run_comb({"matrix", path, "--rows", "level", "--cols", "valence", "--count", "cases", "--format", "csv"});
    CHECK(cases.out ==
          "level,barrier,facilitator,mixed,neutral\r\nmacro,1,0,0,0\r\norganisational,2,0,0,0\r\nindividual,0,0,0,0\r\n"
          "individual:agent,0,0,1,0\r\nindividual:trainer,0,2,0,0\r\n");
}

TEST_CASE("comb matrix --query counts only codings in passages the search finds", "[analysis][cli][index]") {
    test::AnalysisFixture fx;
    const auto path = fx.b.path().string();
    // "training" (stemmed) finds A's participant turn and both of B's turns: codings 1-3, 5-8.
    const auto r = test::run_comb({"matrix", path, "--rows", "comb", "--cols", "valence", "--query", "training", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out)["cells"] ==
          json({{0, 0, 0, 0}, {0, 3, 0, 0}, {2, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}}));
    const auto none = test::run_comb({"matrix", path, "--rows", "comb", "--cols", "valence", "--query", "zebra", "--format", "csv"});
    CHECK(none.out.find(",1") == std::string::npos);
}

TEST_CASE("comb matrix --cell lists quotes, bad options exit 1", "[analysis][cli]") {
    test::AnalysisFixture fx;
    const auto path = fx.b.path().string();
    const auto r = test::run_comb({"matrix", path, "--rows", "cases", "--cols", "valence", "--cell", "P2", "facilitator", "--format", "json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["text"] == "Tell me about training.");
    CHECK(j[0]["case"] == "P2");
    CHECK(j[0]["code"] == "Training/Good");
    CHECK(j[0]["start"] == 13);
    CHECK(j[0]["end"] == 36);
    CHECK(j[1]["text"] == "The training was great.");

    CHECK(test::run_comb({"matrix", path, "--rows", "colour", "--cols", "valence"}).status == 1);
    CHECK(test::run_comb({"matrix", path, "--rows", "attr:age", "--cols", "valence"}).status == 1);
    CHECK(test::run_comb({"matrix", path, "--rows", "comb", "--cols", "valence", "--cell", "X", "barrier"}).status == 1);
    CHECK(test::run_comb({"matrix", path, "--rows", "comb", "--cols", "level", "--format", "xml"}).status == 1);
    const auto co = test::run_comb({"matrix", path, "--cooccurrence", "passage", "--format", "json"});
    REQUIRE(co.status == 0);
    CHECK(json::parse(co.out)["rows"].size() == 7);
    CHECK(test::run_comb({"export", path, "theme-table", "-o", (fx.b.dir() / "t.md").string(), "--date", "12/03/2025"}).status == 1);
}

TEST_CASE("comb export writes the theme table, summary and codebook", "[analysis][cli]") {
    test::AnalysisFixture fx;
    const auto path = fx.b.path().string();
    const auto md = fx.b.dir() / "table.md";
    const auto r = test::run_comb({"export", path, "theme-table", "-o", md.string(), "--date", "2025-03-12"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto text = slurp(md);
    CHECK(text.find("**Organisation**") != std::string::npos);
    CHECK(text.find("Time pressure") != std::string::npos);
    CHECK(text.find("2025-03-12") != std::string::npos);
    const auto out = test::run_comb({"export", path, "theme-table", "-o", "-", "--date", "2025-03-12"});
    CHECK(out.out == text);
    CHECK(test::run_comb({"export", path, "summary", "-o", (fx.b.dir() / "s.html").string()}).status == 0);
    CHECK(test::run_comb({"export", path, "codebook", "-o", (fx.b.dir() / "c.csv").string()}).status == 0);
    CHECK(slurp(fx.b.dir() / "c.csv").find("Time/No time") != std::string::npos);
    CHECK(test::run_comb({"export", path, "nonsense", "-o", (fx.b.dir() / "x.md").string()}).status == 1);

    // Pinning coding 10 (P1's "Time again.") puts it first in the "Time pressure" row.
    REQUIRE(test::run_comb({"pin", path, std::to_string(fx.coding[10].value)}).status == 0);
    const auto pinned = test::run_comb({"export", path, "theme-table", "-o", "-", "--quotes", "1"});
    CHECK(pinned.out.find("*\u201cTime again.\u201d* (P1)") != std::string::npos);
    CHECK(test::run_comb({"pin", path, "999"}).status == 1);
}

TEST_CASE("the example analysis gives the three themes and the same bytes twice", "[analysis][cli][example]") {
    const auto script = std::filesystem::path(COMB_TESTS_DIR) / ".." / "examples" / "mecc" / "analyse.sh";
    if (!std::filesystem::exists(std::filesystem::path(COMB_TESTS_DIR) / ".." / "examples" / "mecc" / "codings.tsv")) {
        WARN("examples/mecc has no codings.tsv yet; skipped");
        return;
    }
    test::TempDir dir;
    auto run = [&](const std::string& name) {
        const std::string cmd = "bash " + test::shell_quote(script.string()) + " " + test::shell_quote(COMB_CLI_PATH) + " " +
                                test::shell_quote((dir / name).string()) + " --date 2025-03-12 > " +
                                test::shell_quote((dir / (name + ".stdout")).string()) + " 2> " +
                                test::shell_quote((dir / (name + ".stderr")).string());
        return std::system(cmd.c_str());
    };
    const int first = run("one");
    INFO(slurp(dir / "one.stderr"));
    REQUIRE(first == 0);
    REQUIRE(run("two") == 0);
    const auto md = slurp(dir / "one" / "theme-table.md");
    CHECK(slurp(dir / "one.stdout") == md);
    for (const char* theme : {"**Macro-level influences**", "**Organisational readiness**", "**Individual capability and motivation**"}) {
        CHECK(md.find(theme) != std::string::npos);
    }
    CHECK(md.find("| MECC trainers |") != std::string::npos);
    CHECK(md.find("(P4)") != std::string::npos);
    CHECK(md.find("Date: 2025-03-12.") != std::string::npos);
    CHECK(md.find("Comb example analyst") != std::string::npos);
    for (const char* file : {"theme-table.csv", "theme-table.md", "theme-table.tex", "theme-table.html", "summary.html",
                             "codebook.csv"}) {
        INFO(file);
        const auto a = slurp(dir / "one" / file);
        CHECK_FALSE(a.empty());
        CHECK(a == slurp(dir / "two" / file));
    }
    for (const char* file : {"theme-table.docx", "theme-table.xlsx", "codebook.docx"}) {
        CHECK(std::filesystem::file_size(dir / "one" / file) > 1000);
    }
}
