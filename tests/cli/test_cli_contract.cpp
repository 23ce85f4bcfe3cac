// SPDX-License-Identifier: GPL-3.0-or-later
// The command line is a contract (DESIGN.md): output shapes, exit codes, undo across runs.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "support/run_cli.h"

using comb::test::run_comb;
using nlohmann::json;

namespace {
struct CliProject {
    comb::test::TempDir dir;
    std::string path = (dir / "p.comb").string();
    CliProject() {
        REQUIRE(run_comb({"new", path}).status == 0);
        std::ofstream(dir / "P4 trainer.txt") << "Interviewer: What helps?\n\nP4: Protected time helps. Funding does not.\n";
        REQUIRE(run_comb({"import", path, (dir / "P4 trainer.txt").string(), "--attr", "role=trainer", "--case", "P4"}).status == 0);
    }
};
}  // namespace

TEST_CASE("docs --json lists id, name, case, chars and turns", "[cli]") {
    CliProject p;
    const auto r = run_comb({"docs", p.path, "--json"});
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out) == json::parse(R"([{"id":1,"name":"P4 trainer","case":"P4","chars":70,"turns":2}])"));
}

TEST_CASE("code, tag, codings and codes work together and print JSON", "[cli]") {
    CliProject p;
    REQUIRE(run_comb({"code", p.path, "P4 trainer", "30", "44", "Organisational/Protected time", "--memo", "key"}).status == 0);
    REQUIRE(run_comb({"tag", p.path, "Organisational/Protected time", "--comb", "O.Ph", "--level", "organisational",
                      "--valence", "facilitator"}).status == 0);
    const auto codings = json::parse(run_comb({"codings", p.path, "--json"}).out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["doc"] == 1);
    CHECK(codings[0]["start"] == 30);
    CHECK(codings[0]["end"] == 44);
    CHECK(codings[0]["code"] == "Organisational/Protected time");
    CHECK(codings[0]["text"] == "Protected time");
    CHECK(codings[0]["case"] == "P4");
    const auto codes = json::parse(run_comb({"codes", p.path, "--json"}).out);
    REQUIRE(codes.size() == 2);
    CHECK(codes[1]["code"] == "Organisational/Protected time");
    CHECK(codes[1]["comb"] == json::array({"O.Ph"}));
    CHECK(codes[1]["level"] == "organisational");
    CHECK(codes[1]["valence"] == "facilitator");
    CHECK(codes[1]["codings"] == 1);
    const auto untagged = json::parse(run_comb({"codes", p.path, "--untagged", "--json"}).out);
    REQUIRE(untagged.size() == 1);
    CHECK(untagged[0]["code"] == "Organisational");
}

TEST_CASE("undo and redo work across separate runs", "[cli][undo]") {
    CliProject p;
    REQUIRE(run_comb({"code", p.path, "1", "--text", "Funding does not", "Macro/Funding"}).status == 0);
    const auto undo = run_comb({"undo", p.path});
    CHECK(undo.status == 0);
    CHECK(undo.out == "Undid: Code passage as Macro/Funding\n");
    CHECK(json::parse(run_comb({"codings", p.path, "--json"}).out).empty());
    CHECK(run_comb({"redo", p.path}).status == 0);
    CHECK(json::parse(run_comb({"codings", p.path, "--json"}).out)[0]["text"] == "Funding does not");
}

TEST_CASE("wrong input exits 1 with a message and leaves the project unchanged", "[cli][errors]") {
    CliProject p;
    const auto before = run_comb({"codings", p.path, "--json"}).out;
    SECTION("span past the end") {
        const auto r = run_comb({"code", p.path, "1", "60", "99", "X"});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: span 60-99 is not inside the document (0-70) or is empty\n");
    }
    SECTION("unknown document") {
        const auto r = run_comb({"code", p.path, "nope", "1", "2", "X"});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: no document \"nope\" (give its id or name; see comb docs)\n");
    }
    SECTION("bad tag word") {
        const auto r = run_comb({"tag", p.path, "X", "--comb", "C.Zz"});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: unknown COM-B sub-component \"C.Zz\" (use C.Ph C.Ps O.Ph O.So M.Re M.Au)\n");
    }
    SECTION("not a project") {
        std::ofstream(p.dir / "x.comb") << "not a database, only text that is long enough to be read";
        const auto r = run_comb({"docs", (p.dir / "x.comb").string()});
        CHECK(r.status == 1);
        CHECK(r.err.rfind("comb: " + (p.dir / "x.comb").string() + ": not a Comb project", 0) == 0);
    }
    SECTION("new refuses an existing file") {
        const auto r = run_comb({"new", p.path});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + p.path + ": already exists; comb new will not overwrite it\n");
    }
    SECTION("unknown option") {
        CHECK(run_comb({"docs", p.path, "--bogus"}).status == 1);
    }
    SECTION("nothing to undo after undoing everything") {
        REQUIRE(run_comb({"undo", p.path}).status == 0);
        const auto r = run_comb({"undo", p.path});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: nothing to undo\n");
        REQUIRE(run_comb({"redo", p.path}).status == 0);
    }
    CHECK(run_comb({"codings", p.path, "--json"}).out == before);
}

TEST_CASE("speaker patterns and interviewer names are set per import", "[cli][import]") {
    comb::test::TempDir dir;
    const std::string p = (dir / "s.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    std::ofstream(dir / "focus.txt") << "<<Mod>> Who starts?\n\n<<Ana>> Me. Time is short.\n\n<<Ben>> Same here.\n";
    REQUIRE(run_comb({"import", p, (dir / "focus.txt").string(), "--speaker-pattern", "^<<(\\w+)>>",
                      "--interviewer", "Mod"}).status == 0);
    const auto docs = json::parse(run_comb({"docs", p, "--json"}).out);
    CHECK(docs[0]["turns"] == 3);
    CHECK(docs[0]["case"].is_null());  // two participants speak: no single case
    const auto bad = run_comb({"import", p, (dir / "focus.txt").string(), "--speaker-pattern", "^<<\\w+>>"});
    CHECK(bad.status == 1);
    CHECK(bad.err == "comb: speaker pattern needs a capture group for the name: ^<<\\w+>>\n");
}

TEST_CASE("comb check reads the whole file: ok, or the damage named and exit 1", "[cli][check]") {
    // Opening checks the whole file only after an unclean shutdown (issue 17); comb check
    // always does, so damage a clean open would not read is still found on request.
    comb::test::TempDir dir;
    const std::string path = (dir / "p.comb").string();
    REQUIRE(run_comb({"new", path}).status == 0);
    std::ofstream(dir / "big.txt") << std::string(300000, 'x') << "\n";
    REQUIRE(run_comb({"import", path, (dir / "big.txt").string()}).status == 0);
    const auto ok = run_comb({"check", path, "--json"});
    REQUIRE(ok.status == 0);
    CHECK(json::parse(ok.out) == json{{"project", path}, {"integrity", "ok"}});
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(bytes.size() > 200000);
    const std::size_t page = (bytes.size() / 2 / 4096) * 4096;
    for (std::size_t i = page; i < page + 4096; ++i) bytes[i] = static_cast<char>(0xA5);
    std::ofstream(path, std::ios::binary) << bytes;
    CHECK(run_comb({"docs", path}).status == 0);  // a clean open does not read that page
    const auto bad = run_comb({"check", path});
    CHECK(bad.status == 1);
    CHECK(bad.err.rfind("comb: " + path + ": the project file is damaged (", 0) == 0);
}
