// SPDX-License-Identifier: GPL-3.0-or-later
// comb attributes: case attribute sheets from CSV and XLSX, typed, with errors that name the cell.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "store/project_file.h"
#include "support/run_cli.h"

using comb::test::run_comb;

namespace {

struct Loaded {
    std::map<std::string, std::string> types;                        // attribute -> type
    std::map<std::string, std::map<std::string, std::string>> values;  // case -> attribute -> value
};

Loaded load(const std::string& project) {
    auto f = comb::store::ProjectFile::open(project);
    Loaded out;
    std::map<std::int64_t, std::string> attr, cases;
    for (const auto& a : f->attributes()) { attr[a.id.value] = a.name; out.types[a.name] = std::string(comb::core::to_string(a.type)); }
    for (const auto& c : f->cases()) cases[c.id.value] = c.name;
    for (const auto& v : f->attribute_values()) out.values[cases[v.case_id.value]][attr[v.attribute_id.value]] = v.value;
    return out;
}

std::filesystem::path shared(const std::string& rel) { return std::filesystem::path(COMB_SHARED_DIR) / "corpora/attributes" / rel; }

}  // namespace

TEST_CASE("attributes load from QualCoder's CSV and XLSX sheets with types", "[cli][attributes]") {
    if (!std::filesystem::exists(shared(""))) { WARN("shared corpus absent: " << shared("")); return; }
    comb::test::TempDir dir;
    const std::string p = (dir / "a.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    REQUIRE(run_comb({"attributes", p, shared("qualcoder-cases123.csv").string()}).status == 0);
    REQUIRE(run_comb({"attributes", p, shared("qualcoder-cases456.xlsx").string()}).status == 0);
    const auto r = run_comb({"attributes", p, shared("qualcoder-survey456.csv").string()});
    REQUIRE(r.status == 0);
    const auto l = load(p);
    CHECK(l.types.at("Age") == "number");
    CHECK(l.types.at("gender") == "text");
    CHECK(l.values.size() == 6);
    CHECK(l.values.at("ID2").at("interest") == "performing arts");
    CHECK(l.values.at("ID4").at("Age") == "24");          // the survey sheet came last
    CHECK(l.values.at("ID6").at("interest") == "soccer");   // from the XLSX's shared strings
    CHECK(l.values.at("ID5").at("Age").empty());            // an empty cell stays empty
    CHECK(l.values.at("ID4").at("freetext") ==
          "I wanted to do some more studies but after leaving school and start working, I really lost the interest.");
}

TEST_CASE("a wide XLSX survey sheet with a missing cell loads", "[cli][attributes]") {
    if (!std::filesystem::exists(shared(""))) { WARN("shared corpus absent"); return; }
    comb::test::TempDir dir;
    const std::string p = (dir / "a.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    REQUIRE(run_comb({"attributes", p, shared("qualcoder-survey789.xlsx").string()}).status == 0);
    const auto l = load(p);
    CHECK(l.values.at("ID8").at("Age").empty());
    CHECK(l.values.at("ID8").at("Qual_pet_opinions") == "A fish");
    CHECK(l.values.at("ID7").at("Age") == "33");
}

TEST_CASE("sheet errors name the file, row and column, and change nothing", "[cli][attributes]") {
    comb::test::TempDir dir;
    const std::string p = (dir / "a.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    const auto sheet = (dir / "s.csv").string();
    SECTION("semicolons and quoted newlines are read") {
        std::ofstream(sheet) << "case;role;years\nP1;\"trainer;\nsenior\";4\nP2;agent;2\n";
        REQUIRE(run_comb({"attributes", p, sheet}).status == 0);
        const auto l = load(p);
        CHECK(l.values.at("P1").at("role") == "trainer;\nsenior");
        CHECK(l.types.at("years") == "number");
    }
    SECTION("a word in a number column") {
        std::ofstream(sheet) << "case,years\nP1,4\n";
        REQUIRE(run_comb({"attributes", p, sheet}).status == 0);
        std::ofstream(sheet) << "case,years\nP2,5\nP3,many\n";
        const auto r = run_comb({"attributes", p, sheet});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + sheet + ":3:2: \"many\" is not a number (column \"years\")\n");
        CHECK(load(p).values.size() == 1);
    }
    SECTION("an unterminated quote") {
        std::ofstream(sheet) << "case,role\nP1,agent\nP2,\"open\n";
        const auto r = run_comb({"attributes", p, sheet});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + sheet + ":3: unterminated quoted field\n");
    }
    SECTION("a duplicate column") {
        std::ofstream(sheet) << "case,role,role\nP1,a,b\n";
        const auto r = run_comb({"attributes", p, sheet});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + sheet + ":1:3: column \"role\" appears twice\n");
    }
    SECTION("an empty case name") {
        std::ofstream(sheet) << "case,role\n,agent\n";
        const auto r = run_comb({"attributes", p, sheet});
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + sheet + ":2:1: empty case name\n");
    }
}
