// SPDX-License-Identifier: GPL-3.0-or-later
// Team coding on the command line (issue 15): uncode, coders, agreement (the JSON contract),
// disagreements and resolving them, each an undoable step where it changes the project.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "support/run_cli.h"
#include "support/team_texts.h"

using comb::test::run_comb;
using nlohmann::json;
using Catch::Detail::Approx;

namespace {

// One document of 1,000 characters (999 letters and a newline) and one of 100.
struct TeamProject {
    comb::test::TempDir dir;
    std::string path = (dir / "p.comb").string();
    TeamProject() {
        REQUIRE(run_comb({"new", path}).status == 0);
        std::ofstream(dir / "D1.txt") << std::string(999, 'a') << "\n";
        std::ofstream(dir / "D2.txt") << std::string(99, 'b') << "\n";
        REQUIRE(run_comb({"import", path, (dir / "D1.txt").string(), (dir / "D2.txt").string()}).status == 0);
    }
    ~TeamProject() { unsetenv("COMB_CODER"); }
    void code(const std::string& coder, const std::string& doc, int start, int end, const std::string& code_path) {
        setenv("COMB_CODER", coder.c_str(), 1);
        REQUIRE(run_comb({"code", path, doc, std::to_string(start), std::to_string(end), code_path}).status == 0);
    }
    // NVivo's example in D1 for "Time": ann 0-100, bob 50-200.
    void nvivo_example() {
        code("ann", "D1", 0, 100, "Time");
        code("bob", "D1", 50, 200, "Time");
    }
};

}  // namespace

TEST_CASE("uncode removes several codings in one undoable step", "[cli][team]") {
    TeamProject p;
    p.code("ann", "D1", 0, 10, "Time");
    p.code("ann", "D1", 20, 30, "Time");
    p.code("ann", "D2", 0, 5, "Money");
    auto r = run_comb({"uncode", p.path, "1", "3"});
    REQUIRE(r.status == 0);
    CHECK(r.out == "Removed 2 codings\n");
    auto codings = json::parse(run_comb({"codings", p.path, "--json"}).out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["id"] == 2);
    REQUIRE(run_comb({"undo", p.path}).status == 0);
    CHECK(json::parse(run_comb({"codings", p.path, "--json"}).out).size() == 3);
    SECTION("an unknown id changes nothing and says which") {
        r = run_comb({"uncode", p.path, "2", "99"});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: no coding with id 99\n");
        CHECK(json::parse(run_comb({"codings", p.path, "--json"}).out).size() == 3);
    }
    SECTION("an id that is not a number") {
        r = run_comb({"uncode", p.path, "x1"});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: a coding id is a whole number > 0, got \"x1\"\n");
    }
}

TEST_CASE("coders lists each coder with codings, first and last", "[cli][team]") {
    TeamProject p;
    p.code("bob", "D1", 0, 10, "Time");
    p.code("ann", "D1", 20, 30, "Time");
    p.code("ann", "D2", 0, 5, "Money");
    const auto r = run_comb({"coders", p.path, "--json"});
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["name"] == "ann");
    CHECK(j[0]["codings"] == 2);
    CHECK(j[1]["name"] == "bob");
    CHECK(j[1]["codings"] == 1);
    CHECK(j[0]["first"].get<std::string>().size() == 20);  // ISO 8601 UTC, "2026-12-03T07:41:09Z"
    CHECK(j[0]["first"] <= j[0]["last"]);
    CHECK(j[1]["first"] == j[1]["last"]);
}

TEST_CASE("agreement --json follows the contract: NVivo's example, PA 0.85 and kappa 0.318", "[cli][team]") {
    TeamProject p;
    p.nvivo_example();
    p.code("ann", "D2", 0, 10, "Money");  // D2 only ann coded: not counted by default
    const auto r = run_comb({"agreement", p.path, "--coders", "ann,bob", "--json"});
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    CHECK(j["coders"] == json::array({"ann", "bob"}));
    CHECK(j["unit"] == "character");
    REQUIRE(j["rows"].size() == 1);
    const auto& row = j["rows"][0];
    CHECK(row.size() == 10);
    CHECK(row["code"] == "Time");
    CHECK(row["doc"].is_null());
    CHECK(row["units"] == 1000);
    CHECK(row["both"] == 50);
    CHECK(row["a_only"] == 50);
    CHECK(row["b_only"] == 100);
    CHECK(row["neither"] == 800);
    CHECK(row["agreement"].get<double>() == Approx(0.85));
    CHECK(row["kappa"].get<double>() == Approx(0.3182).margin(0.00005));
    CHECK(row["alpha"].get<double>() == Approx(0.3146).margin(0.00005));
    CHECK(j["pooled"]["units"] == 1000);
    CHECK(j["pooled"]["code"].is_null());

    SECTION("--all-documents counts D2 and ann's Money") {
        const auto all = json::parse(run_comb({"agreement", p.path, "--coders", "ann,bob", "--all-documents", "--json"}).out);
        REQUIRE(all["rows"].size() == 2);
        CHECK(all["rows"][0]["units"] == 1100);
        CHECK(all["rows"][1]["code"] == "Money");
        CHECK(all["rows"][1]["a_only"] == 10);
        CHECK(all["pooled"]["units"] == 2200);
    }
    SECTION("--by document gives NVivo's table, one row per code and document") {
        const auto by = json::parse(run_comb({"agreement", p.path, "--coders", "ann,bob", "--by", "document", "--json"}).out);
        REQUIRE(by["rows"].size() == 1);
        CHECK(by["rows"][0]["doc"] == 1);
    }
    SECTION("--format csv and md carry the labels") {
        const auto csv = run_comb({"agreement", p.path, "--coders", "ann,bob", "--format", "csv"});
        CHECK(csv.out ==
              "coders,code,document,units,both,a_only,b_only,neither,agreement,kappa,kappa_label,alpha,alpha_label\r\n"
              "\"ann, bob\",Time,(all documents),1000,50,50,100,800,0.8500,0.3182,fair,0.3146,unreliable\r\n"
              "\"ann, bob\",(all codes),(all documents),1000,50,50,100,800,0.8500,0.3182,fair,0.3146,unreliable\r\n");
        const auto md = run_comb({"agreement", p.path, "--coders", "ann,bob", "--format", "md"});
        CHECK(md.out.find("| ann, bob | Time | (all documents) |") != std::string::npos);
    }
    SECTION("coder names are checked: a typo is refused, naming the coders") {
        const auto bad = run_comb({"agreement", p.path, "--coders", "ann,Bob", "--json"});
        CHECK(bad.status == 1);
        CHECK(bad.err == "comb: no codings by coder \"Bob\" (coders: ann, bob)\n");
        CHECK(run_comb({"agreement", p.path, "--coders", "ann"}).status == 1);
        CHECK(run_comb({"agreement", p.path, "--coders", "ann,ann"}).status == 1);
        CHECK(run_comb({"agreement", p.path, "--coders", "ann,bob", "--by", "case"}).status == 1);
    }
}

TEST_CASE("agreement with three coders gives fleiss_kappa and alpha instead of the 2x2 fields", "[cli][team]") {
    TeamProject p;
    p.code("a", "D2", 0, 40, "Time");
    p.code("b", "D2", 20, 60, "Time");
    p.code("c", "D2", 30, 50, "Time");
    const auto j = json::parse(run_comb({"agreement", p.path, "--coders", "a,b,c", "--json"}).out);
    REQUIRE(j["rows"].size() == 1);
    const auto& row = j["rows"][0];
    CHECK(row.size() == 5);
    CHECK(row["units"] == 100);
    CHECK(row.contains("fleiss_kappa"));
    CHECK(row.contains("alpha"));
    CHECK_FALSE(row.contains("both"));
    // by coder count: 0 -> 40 characters (60-100), 1 -> 30 (0-20, 50-60), 2 -> 20 (20-30, 40-50), 3 -> 10.
    // Fleiss: P̄ = (40·1 + 30·(1/3) + 20·(1/3) + 10·1)/100 = 2/3, p1 = 100/300, Pe = 5/9, κ = 0.25.
    CHECK(row["fleiss_kappa"].get<double>() == Approx(0.25));
}

TEST_CASE("disagreements list what one coder coded alone, and resolving one is undoable", "[cli][team]") {
    TeamProject p;
    p.nvivo_example();
    const auto r = run_comb({"disagreements", p.path, "--coders", "ann,bob", "--json"});
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["coder"] == "ann");
    CHECK(j[0]["missing"] == "bob");
    CHECK(j[0]["start"] == 0);
    CHECK(j[0]["end"] == 50);
    CHECK(j[0]["text"] == std::string(50, 'a'));
    CHECK(j[0]["after"] == std::string(40, 'a'));
    CHECK(j[0]["codings"] == json::array({1}));
    CHECK(j[0]["other_codings"] == json::array({2}));
    CHECK(j[1]["coder"] == "bob");
    CHECK(j[1]["start"] == 100);
    CHECK(j[1]["end"] == 200);

    SECTION("drop trims the lone coding to what both coded") {
        REQUIRE(run_comb({"resolve", p.path, "D1", "0", "50", "Time", "--coders", "ann,bob", "--decision", "drop"}).status == 0);
        const auto codings = json::parse(run_comb({"codings", p.path, "--json"}).out);
        REQUIRE(codings.size() == 2);
        CHECK(codings[0]["start"] == 50);
        CHECK(codings[0]["end"] == 100);
        CHECK(codings[0]["coder"] == "ann");
        const auto left = json::parse(run_comb({"disagreements", p.path, "--coders", "ann,bob", "--json"}).out);
        REQUIRE(left.size() == 1);
        CHECK(left[0]["coder"] == "bob");
        REQUIRE(run_comb({"undo", p.path}).status == 0);
        CHECK(json::parse(run_comb({"disagreements", p.path, "--coders", "ann,bob", "--json"}).out).size() == 2);
    }
    SECTION("keep gives the other coder the passage; the decision is a memo") {
        setenv("COMB_CODER", "lead", 1);
        REQUIRE(run_comb({"resolve", p.path, "D1", "100", "200", "Time", "--coders", "ann,bob", "--decision", "keep"}).status == 0);
        const auto codings = json::parse(run_comb({"codings", p.path, "--json"}).out);
        REQUIRE(codings.size() == 3);
        CHECK(codings[2]["coder"] == "ann");
        CHECK(codings[2]["start"] == 100);
        const auto agreement = json::parse(run_comb({"agreement", p.path, "--coders", "ann,bob", "--json"}).out);
        CHECK(agreement["rows"][0]["b_only"] == 0);
        const auto history = json::parse(run_comb({"history", p.path, "--json"}).out);
        CHECK(history.back()["what"] == "Resolve disagreement (keep)");
    }
    SECTION("a span that is not a disagreement is refused") {
        const auto bad = run_comb({"resolve", p.path, "D1", "0", "40", "Time", "--coders", "ann,bob", "--decision", "agree"});
        CHECK(bad.status == 1);
        CHECK(bad.err == "comb: no disagreement on Time at 0-40 in D1 (see comb disagreements)\n");
    }
}

TEST_CASE("agreement -o writes CSV, Markdown, DOCX and XLSX, the theme table's COREQ line names it", "[cli][team][export]") {
    TeamProject p;
    p.nvivo_example();
    const auto csv = p.dir / "agreement.csv";
    REQUIRE(run_comb({"agreement", p.path, "--coders", "ann,bob", "-o", csv.string()}).status == 0);
    std::ifstream in(csv, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes == run_comb({"agreement", p.path, "--coders", "ann,bob", "--format", "csv"}).out);
    const auto md = p.dir / "agreement.md";
    REQUIRE(run_comb({"agreement", p.path, "--coders", "ann,bob", "-o", md.string()}).status == 0);
    std::ifstream md_in(md);
    const std::string md_text((std::istreambuf_iterator<char>(md_in)), std::istreambuf_iterator<char>());
    CHECK(md_text.find("# Inter-coder agreement\n\n| coders | code |") == 0);
    CHECK(md_text.find("| ann, bob | Time | (all documents) | 1000 | 50 | 50 | 100 | 800 | 0.8500 | 0.3182 | fair | 0.3146 | unreliable |") != std::string::npos);
    CHECK(md_text.find("Coders (2): ann and bob. Inter-coder agreement: Cohen's kappa 0.3182, Krippendorff's alpha 0.3146 (ann, bob; 1 row; character level)") != std::string::npos);
    for (const char* ext : {".docx", ".xlsx"}) {
        const auto out = p.dir / (std::string("agreement") + ext);
        REQUIRE(run_comb({"agreement", p.path, "--coders", "ann,bob", "-o", out.string()}).status == 0);
        std::ifstream z(out, std::ios::binary);
        char magic[2] = {};
        z.read(magic, 2);
        CHECK(std::string(magic, 2) == "PK");
    }
    CHECK(run_comb({"agreement", p.path, "--coders", "ann,bob", "-o", (p.dir / "a.pdf").string()}).status == 1);
    // The theme table states the number of coders and the agreement last computed (COREQ 24).
    REQUIRE(run_comb({"theme", p.path, "Time pressure", "--add", "Time"}).status == 0);
    const auto table = p.dir / "themes.md";
    REQUIRE(run_comb({"export", p.path, "theme-table", "-o", table.string(), "--date", "2026-12-03"}).status == 0);
    std::ifstream t(table);
    const std::string themes((std::istreambuf_iterator<char>(t)), std::istreambuf_iterator<char>());
    CHECK(themes.find("Coders (2): ann and bob. Inter-coder agreement: Cohen's kappa 0.3182") != std::string::npos);
}

TEST_CASE("agreement --exclusive adds alpha (nominal) over a parent's mutually exclusive children", "[cli][team]") {
    TeamProject p;
    p.code("ann", "D1", 0, 500, "Mood/Good");
    p.code("ann", "D1", 500, 1000, "Mood/Bad");
    p.code("bob", "D1", 0, 400, "Mood/Good");
    p.code("bob", "D1", 400, 1000, "Mood/Bad");
    const auto r = run_comb({"agreement", p.path, "--coders", "ann,bob", "--exclusive", "Mood", "--json"});
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    CHECK(j["nominal"]["group"] == "Mood");
    CHECK(j["nominal"]["codes"] == json::array({"Mood/Good", "Mood/Bad"}));
    CHECK(j["nominal"]["units"] == 1000);
    // 400 characters Good/Good, 100 Good/Bad, 500 Bad/Bad: 1 - 1999*200/(2*900*1100) = 0.7981.
    CHECK(j["nominal"]["alpha"].get<double>() == Approx(0.7981).margin(0.00005));
    CHECK_FALSE(json::parse(run_comb({"agreement", p.path, "--coders", "ann,bob", "--json"}).out).contains("nominal"));
    CHECK(run_comb({"agreement", p.path, "--coders", "ann,bob", "--exclusive", "Mood/Good"}).status == 1);
}

TEST_CASE("merge: a colleague's .comb in one undoable step, backup first, report as JSON", "[cli][team][merge]") {
    TeamProject p;
    p.code("ann", "D1", 0, 100, "Time");
    const auto copy = (p.dir / "bob.comb").string();
    REQUIRE(run_comb({"new", copy}).status == 0);
    REQUIRE(run_comb({"import", copy, (p.dir / "D1.txt").string()}).status == 0);
    setenv("COMB_CODER", "bob", 1);
    REQUIRE(run_comb({"code", copy, "D1", "50", "200", "Time"}).status == 0);
    auto r = run_comb({"merge", p.path, copy, "--json"});
    REQUIRE(r.status == 0);
    auto j = json::parse(r.out);
    CHECK(j["codings"]["added"] == 1);
    CHECK(j["documents"]["matched"] == 1);
    CHECK(j["codes"]["matched"] == 1);
    CHECK(j["issues"].empty());
    CHECK(std::filesystem::exists(j["backup"].get<std::string>()));
    CHECK(j["backup"].get<std::string>().find("p.comb-backups/p-") != std::string::npos);
    // Now the two coders can be compared: NVivo's example again.
    const auto agreement = json::parse(run_comb({"agreement", p.path, "--coders", "ann,bob", "--json"}).out);
    CHECK(agreement["rows"][0]["both"] == 50);
    // Twice: nothing new, and no undo step.
    j = json::parse(run_comb({"merge", p.path, copy, "--json"}).out);
    CHECK(j["codings"]["added"] == 0);
    CHECK(j["codings"]["present"] == 1);
    r = run_comb({"undo", p.path});
    CHECK(r.out == "Undid: Merge bob.comb\n");
    CHECK(json::parse(run_comb({"codings", p.path, "--json"}).out).size() == 1);
    CHECK(run_comb({"merge", p.path, p.path}).status == 1);
    CHECK(run_comb({"merge", p.path, (p.dir / "D1.txt").string()}).status == 1);
}

TEST_CASE("similar --code --coder seeds only from that coder's codings (blind double coding)", "[cli][team]") {
    comb::test::TempDir dir;
    const std::string path = (dir / "p.comb").string();
    REQUIRE(run_comb({"new", path}).status == 0);
    // ann codes the rota and night shifts as Pressure, bob the budget; each topic comes back later.
    std::ofstream(dir / "P02.txt") << comb::test::kShiftsTranscript;
    REQUIRE(run_comb({"import", path, (dir / "P02.txt").string()}).status == 0);
    setenv("COMB_CODER", "ann", 1);
    REQUIRE(run_comb({"code", path, "P02", "--text", "The rota changes every week", "Pressure"}).status == 0);
    setenv("COMB_CODER", "bob", 1);
    REQUIRE(run_comb({"code", path, "P02", "--text", "The budget was cut", "Pressure"}).status == 0);
    unsetenv("COMB_CODER");
    const auto snippets = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"similar", path, "--code", "Pressure", "--json"});
        const auto r = run_comb(args);
        REQUIRE(r.status == 0);
        std::string all;
        for (const auto& h : json::parse(r.out)) all += h["snippet"].get<std::string>() + "\n";
        return all;
    };
    const auto everyone = snippets({});
    CHECK(everyone.find("Covering") != std::string::npos);
    CHECK(everyone.find("Without") != std::string::npos);
    const auto ann = snippets({"--coder", "ann"});
    CHECK(ann.find("Covering") != std::string::npos);
    CHECK(ann.find("funding") == std::string::npos);  // neither bob's passage nor the one like it
    const auto bob = snippets({"--coder", "bob"});
    CHECK(bob.find("Without") != std::string::npos);
    CHECK(bob.find("shifts") == std::string::npos);
    const auto nobody = run_comb({"similar", path, "--code", "Pressure", "--coder", "cy"});
    CHECK(nobody.status == 1);
    CHECK(nobody.err == "comb: no coded passages of \"Pressure\" to compare with\n");
}
