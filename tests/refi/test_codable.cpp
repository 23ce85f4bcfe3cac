// SPDX-License-Identifier: GPL-3.0-or-later
// isCodable="false" end to end: imported, listed as "codable": false, refused by `comb code`
// with the code named, and written back.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "refi/qdpx_reader.h"
#include "refi_support.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test;
using nlohmann::json;

TEST_CASE("a category that is not codable imports, lists, refuses codings and exports", "[refi][cli][codable]") {
    TempDir dir;
    const std::string guid = "00000000-0000-4000-8000-0000000000a1";
    const std::string qde =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"cat\" origin=\"Test\"><CodeBook><Codes>"
        "<Code guid=\"00000000-0000-4000-8000-0000000000c1\" name=\"Barriers\" isCodable=\"false\">"
        "<Code guid=\"00000000-0000-4000-8000-0000000000c2\" name=\"Time\" isCodable=\"true\"/></Code>"
        "<Code guid=\"00000000-0000-4000-8000-0000000000c3\" name=\"Other\" isCodable=\"0\"/>"
        "</Codes></CodeBook><Sources>"
        "<TextSource guid=\"" + guid + "\" name=\"P9\" plainTextPath=\"internal://" + guid + ".txt\"/>"
        "</Sources></Project>";
    make_zip(dir / "cat.qdpx", {{"project.qde", qde}, {"sources/" + guid + ".txt", "P9: Time was short.\n"}});
    const std::string p = (dir / "p.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    REQUIRE(run_comb({"import", p, (dir / "cat.qdpx").string()}).status == 0);

    const auto codes = json::parse(run_comb({"codes", p, "--json"}).out);
    REQUIRE(codes.size() == 3);
    CHECK(codes[0]["code"] == "Barriers");
    CHECK(codes[0]["codable"] == false);
    CHECK(codes[1]["code"] == "Barriers/Time");
    CHECK(codes[1]["codable"] == true);
    CHECK(codes[2]["code"] == "Other");
    CHECK(codes[2]["codable"] == false);
    CHECK(run_comb({"codes", p}).out.find("Barriers (category)") != std::string::npos);

    auto r = run_comb({"code", p, "P9", "4", "8", "Barriers"});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: code \"Barriers\" may not be applied: it is a category (not codable); "
                   "code with one of its children\n");
    CHECK(run_comb({"codings", p, "--json"}).out == "[]\n");
    r = run_comb({"code", p, "P9", "4", "8", "Barriers/Time"});
    CHECK(r.status == 0);

    const std::string out = (dir / "out.qdpx").string();
    REQUIRE(run_comb({"export", p, "qdpx", "-o", out}).status == 0);
    const std::string xml = qde_of(out);
    CHECK(xml.find("name=\"Barriers\" isCodable=\"false\"") != std::string::npos);
    CHECK(xml.find("name=\"Time\" isCodable=\"true\"") != std::string::npos);
    CHECK(xml.find("name=\"Other\" isCodable=\"false\"") != std::string::npos);
    if (have_shared()) CHECK(schema_errors(xml, refi_dir() / "Project.xsd") == "");
    const std::string qdc = (dir / "out.qdc").string();
    REQUIRE(run_comb({"export", p, "codebook", "-o", qdc}).status == 0);
    CHECK(slurp(qdc).find("name=\"Barriers\" isCodable=\"false\"") != std::string::npos);
    if (have_shared()) CHECK(schema_errors(slurp(qdc), refi_dir() / "Codebook.xsd") == "");
}

TEST_CASE("the hand-written fixture (also a fuzz seed) reads with its exact contents", "[refi][codable][selections]") {
    const auto p = refi::read_qdpx(fs::path(COMB_TESTS_DIR) / "data" / "refi" / "minimal.qdpx");
    CHECK(p.counts.codes == 3);
    CHECK(p.counts.selections == 2);
    CHECK(p.counts.codings == 4);
    CHECK(p.counts.notes == 3);
    REQUIRE(p.codes.size() == 3);
    CHECK(!p.codes[0].codable);
    CHECK(p.codes[1].codable);
    CHECK(p.codes[2].codable);  // isCodable="1"
    REQUIRE(p.documents.size() == 1);
    REQUIRE(p.codings.size() == 4);
    // Two codings on one selection, each with its own marker entry and coder.
    CHECK(std::string(core::utf8::slice(p.documents[0].text, p.codings[0].span)) == "The lead nurse");
    CHECK(p.codings[0].pinned);
    CHECK(!p.codings[0].tag_override);
    CHECK(p.codings[0].coder == "Ana");
    CHECK(p.codings[1].span == p.codings[0].span);
    CHECK(!p.codings[1].pinned);
    CHECK(p.codings[1].tag_override->to_string() == "valence=mixed");
    CHECK(p.codings[1].coder == "Ben");
    CHECK(p.codings[1].created == "2025-03-02T09:00:00Z");
    CHECK(p.codings[0].created == "2025-03-01T10:05:00Z");  // the selection's, as the coding has none
    // The old one-coding form applies to its coding.
    CHECK(std::string(core::utf8::slice(p.documents[0].text, p.codings[2].span)) == "time is short");
    CHECK(p.codings[2].pinned);
    CHECK(p.codings[2].tag_override->to_string() == "level=individual:agent");
    CHECK(p.memos.size() == 4);
    CHECK(p.warnings.size() == 1);  // the set's member source
}
