// SPDX-License-Identifier: GPL-3.0-or-later
// comb search / similar / index through the CLI binary: JSON hits, the rebuild notice,
// and --code-as coding every hit as one step that one `comb undo` takes back.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "index/passage_index.h"
#include "support/run_cli.h"

using comb::test::run_comb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kP01 =
    "Interviewer: What gets in the way?\n"
    "P01: We never have protected time for training. The rota is full.\n"
    "Interviewer: Anything else?\n"
    "P01: Funding stopped, so protected sessions went too.\n";
const std::string kP02 =
    "Interviewer: And you?\n"
    "P02: Time is protected for trainers, not for agents.\n";

struct CliProject {
    comb::test::TempDir dir;
    std::string path = (dir / "study.comb").string();
    CliProject() {
        for (const auto& [name, text] : {std::pair{"P01.txt", kP01}, std::pair{"P02.txt", kP02}}) {
            std::ofstream(dir / name, std::ios::binary) << text;
        }
        REQUIRE(run_comb({"new", path}).status == 0);
        const auto r = run_comb({"import", path, (dir / "P01.txt").string(), (dir / "P02.txt").string()});
        REQUIRE(r.status == 0);
        CHECK(r.err.find("rebuilding") == std::string::npos);  // the first build is no rebuild
    }
    json run_json(const std::vector<std::string>& args) {
        const auto r = run_comb(args);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return json::parse(r.out);
    }
};

}  // namespace

TEST_CASE("comb import builds the index and comb search prints hits as JSON", "[index][cli]") {
    CliProject p;
    CHECK(fs::exists(comb::index::PassageIndex::folder_for(p.path) / "shard0"));
    const json hits = p.run_json({"search", p.path, "protected", "--json"});
    REQUIRE(hits.size() == 3);
    const json phrase = p.run_json({"search", p.path, "\"protected time\"", "--json"});
    REQUIRE(phrase.size() == 1);
    // "P01: " precedes the body on line 2, which starts at code point 35.
    CHECK(phrase[0] == json({{"doc", 1}, {"start", 40}, {"end", 100}, {"score", phrase[0]["score"]},
                             {"snippet", "We never have «protected time» for training. The rota is full."},
                             {"case", "P01"}}));
    const json only_p02 = p.run_json({"search", p.path, "protected", "--case", "P02", "--json"});
    REQUIRE(only_p02.size() == 1);
    CHECK(only_p02[0]["doc"] == 2);
    CHECK(p.run_json({"search", p.path, "protected", "--limit", "1", "--json"}).size() == 1);

    const auto bad = run_comb({"search", p.path, "time", "--code", "No/Such"});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("No/Such") != std::string::npos);
    CHECK(run_comb({"search", p.path}).status == 1);
}

TEST_CASE("comb search --code-as codes every hit as one step that comb undo removes at once", "[index][cli]") {
    CliProject p;
    const auto r = run_comb({"search", p.path, "protected", "--code-as", "Review/Protected"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Coded 3 passages as Review/Protected") != std::string::npos);
    const json coded = p.run_json({"codings", p.path, "--code", "Review/Protected", "--json"});
    REQUIRE(coded.size() == 3);
    // The index already knows the new codings: a filter-only search lists them in document order.
    const json listed = p.run_json({"search", p.path, "--code", "Review/Protected", "--json"});
    REQUIRE(listed.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(listed[i]["doc"] == coded[i]["doc"]);
        CHECK(listed[i]["start"] == coded[i]["start"]);
        CHECK(listed[i]["end"] == coded[i]["end"]);
    }
    REQUIRE(run_comb({"undo", p.path}).status == 0);
    CHECK(p.run_json({"codings", p.path, "--json"}).empty());
    // The code went with the undo; the index followed: no passage carries it any more.
    CHECK(run_comb({"search", p.path, "--code", "Review"}).status == 1);
    CHECK(p.run_json({"search", p.path, "code:Review/Protected", "--json"}).empty());
    CHECK(p.run_json({"search", p.path, "protected", "--json"}).size() == 3);

    SECTION("--hits codes only the reviewed hits") {
        const json hits = p.run_json({"search", p.path, "protected", "--json"});
        std::ofstream(p.dir / "review.txt") << "# keep only the second\n" << hits[1]["doc"].get<int>() << " "
                                            << hits[1]["start"].get<int>() << " " << hits[1]["end"].get<int>() << "\n";
        const auto k = run_comb({"search", p.path, "protected", "--code-as", "Kept", "--hits", (p.dir / "review.txt").string()});
        REQUIRE(k.status == 0);
        const json kept = p.run_json({"codings", p.path, "--code", "Kept", "--json"});
        REQUIRE(kept.size() == 1);
        CHECK(kept[0]["start"] == hits[1]["start"]);
        std::ofstream(p.dir / "bad.txt") << "1 5\n";
        const auto b = run_comb({"search", p.path, "protected", "--code-as", "Kept", "--hits", (p.dir / "bad.txt").string()});
        CHECK(b.status == 1);
        CHECK(b.err.find("bad.txt:1:1") != std::string::npos);
    }
}

TEST_CASE("the CLI rebuilds a deleted or stale index and says so", "[index][cli]") {
    CliProject p;
    fs::remove_all(comb::index::PassageIndex::folder_for(p.path));
    const auto r = run_comb({"search", p.path, "protected", "--json"});
    REQUIRE(r.status == 0);
    CHECK(r.err.find("comb: rebuilding the search index (missing)") != std::string::npos);
    CHECK(json::parse(r.out).size() == 3);
    const auto again = run_comb({"search", p.path, "protected"});
    CHECK(again.err.empty());

    const auto rebuilt = run_comb({"index", p.path, "--rebuild"});
    REQUIRE(rebuilt.status == 0);
    CHECK(rebuilt.out.rfind("Rebuilt 6 passages of 2 documents", 0) == 0);
    const json similar = p.run_json({"similar", p.path, "1", "40", "50", "--json"});
    REQUIRE_FALSE(similar.empty());
    CHECK(similar[0]["start"] != 40);
}
