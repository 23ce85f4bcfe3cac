// SPDX-License-Identifier: GPL-3.0-or-later
// Invalid and hostile files are refused with a clear InputError, before anything changes.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "refi/codebook.h"
#include "refi/qdpx_reader.h"
#include "refi_support.h"

using namespace comb;
using namespace comb::test;

namespace {

const std::string kMinimal =
    "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"></Project>";

std::string error_of(const fs::path& file) {
    try {
        refi::read_qdpx(file);
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("a minimal project reads, any single *.qde name is accepted", "[refi][bad]") {
    TempDir dir;
    make_zip(dir / "a.qdpx", {{"Trial.qde", kMinimal}});
    const auto p = refi::read_qdpx(dir / "a.qdpx");
    CHECK(p.name == "x");
    CHECK(p.documents.empty());
}

TEST_CASE("broken and hostile .qdpx files are refused", "[refi][bad]") {
    TempDir dir;
    SECTION("not a zip") {
        spit(dir / "f.qdpx", "hello");
        CHECK(error_of(dir / "f.qdpx").find("not a zip archive") != std::string::npos);
    }
    SECTION("no .qde") {
        make_zip(dir / "f.qdpx", {{"sources/a.txt", "x"}});
        CHECK(error_of(dir / "f.qdpx").find("no .qde file") != std::string::npos);
    }
    SECTION("two .qde files, neither project.qde") {
        make_zip(dir / "f.qdpx", {{"a.qde", kMinimal}, {"b.qde", kMinimal}});
        CHECK(error_of(dir / "f.qdpx").find("2 .qde files") != std::string::npos);
    }
    SECTION("zip-slip entry") {
        make_zip(dir / "f.qdpx", {{"project.qde", kMinimal}, {"../evil.txt", "x"}});
        CHECK(error_of(dir / "f.qdpx").find("unsafe path in zip entry: ../evil.txt") != std::string::npos);
    }
    SECTION("zip bomb") {
        make_zip(dir / "f.qdpx", {{"project.qde", std::string(8u << 20, ' ')}});
        CHECK(error_of(dir / "f.qdpx").find("zip bomb") != std::string::npos);
    }
    SECTION("DOCTYPE and entities") {
        make_zip(dir / "f.qdpx", {{"project.qde", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"aaaa\">]>\n"
                                                  "<Project name=\"&a;\"/>"}});
        const auto e = error_of(dir / "f.qdpx");
        CHECK(e.find("DOCTYPE or ENTITY declaration is refused") != std::string::npos);
        CHECK(e.find("project.qde:2:1") != std::string::npos);
    }
    SECTION("malformed XML names the line") {
        make_zip(dir / "f.qdpx", {{"project.qde", "<Project name=\"x\">\n<Users>\n</Project>"}});
        const auto e = error_of(dir / "f.qdpx");
        CHECK(e.find("malformed XML") != std::string::npos);
        CHECK(e.find("project.qde:3:") != std::string::npos);
    }
    SECTION("wrong root") {
        make_zip(dir / "f.qdpx", {{"project.qde", "<CodeBook/>"}});
        CHECK(error_of(dir / "f.qdpx").find("the root element is <CodeBook>") != std::string::npos);
    }
    SECTION("a source text that is binary") {
        const std::string qde =
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
            "<TextSource guid=\"11111111-1111-1111-1111-111111111111\" plainTextPath=\"internal://a.txt\"/>"
            "</Sources></Project>";
        make_zip(dir / "f.qdpx", {{"project.qde", qde}, {"sources/a.txt", std::string("a\0b", 3)}});
        CHECK(error_of(dir / "f.qdpx").find("sources/a.txt") != std::string::npos);
    }
}

TEST_CASE("missing texts and out-of-range selections are warnings, not failures", "[refi][bad]") {
    TempDir dir;
    const std::string qde =
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes>"
        "<Code guid=\"22222222-2222-2222-2222-222222222222\" name=\"C\" isCodable=\"true\"/></Codes></CodeBook>"
        "<Sources>"
        "<TextSource guid=\"11111111-1111-1111-1111-111111111111\" name=\"gone\" plainTextPath=\"relative:///a.txt\"/>"
        "<TextSource guid=\"11111111-1111-1111-1111-111111111112\" name=\"short\" plainTextPath=\"internal://b.txt\">"
        "<PlainTextSelection guid=\"33333333-3333-3333-3333-333333333333\" startPosition=\"2\" endPosition=\"99\">"
        "<Coding guid=\"44444444-4444-4444-4444-444444444444\"><CodeRef targetGUID=\"22222222-2222-2222-2222-222222222222\"/>"
        "</Coding></PlainTextSelection></TextSource></Sources></Project>";
    make_zip(dir / "f.qdpx", {{"project.qde", qde}, {"sources/b.txt", "short text"}});
    const auto p = refi::read_qdpx(dir / "f.qdpx");
    REQUIRE(p.documents.size() == 1);
    CHECK(p.documents[0].name == "short");
    CHECK(p.codings.empty());
    REQUIRE(p.warnings.size() == 3);
    CHECK(p.warnings[0] == "text source \"gone\": text file \"relative:///a.txt\" is not in the archive");
    CHECK(p.warnings[1] == "text source \"gone\" skipped with its 0 selections and 0 codings");
    CHECK(p.warnings[2] == "selection 33333333-3333-3333-3333-333333333333 (2-99) does not fit its text; its 1 codings "
                           "were not imported");
}

TEST_CASE("a .qdc with a DOCTYPE or another root is refused", "[refi][bad][codebook]") {
    TempDir dir;
    spit(dir / "a.qdc", "<!DOCTYPE x><CodeBook/>");
    CHECK_THROWS_AS(refi::read_qdc(dir / "a.qdc"), core::InputError);
    spit(dir / "b.qdc", "<Project name=\"x\"/>");
    CHECK_THROWS_WITH(refi::read_qdc(dir / "b.qdc"), Catch::Contains("not a REFI-QDA codebook"));
}

TEST_CASE("positions that land inside words under every reading are reported", "[refi][bad][positions]") {
    TempDir dir;
    std::string selections;
    for (int i = 0; i < 10; ++i) {
        selections += "<PlainTextSelection guid=\"33333333-3333-3333-3333-33333333333" + std::to_string(i) +
                      "\" startPosition=\"" + std::to_string(2 * i + 1) + "\" endPosition=\"" + std::to_string(2 * i + 2) +
                      "\"><Coding guid=\"44444444-4444-4444-4444-44444444444" + std::to_string(i) +
                      "\"><CodeRef targetGUID=\"22222222-2222-2222-2222-222222222222\"/></Coding></PlainTextSelection>";
    }
    const std::string qde =
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes>"
        "<Code guid=\"22222222-2222-2222-2222-222222222222\" name=\"C\" isCodable=\"true\"/></Codes></CodeBook>"
        "<Sources><TextSource guid=\"11111111-1111-1111-1111-111111111111\" name=\"t\" plainTextPath=\"internal://t.txt\">" +
        selections + "</TextSource></Sources></Project>";
    make_zip(dir / "f.qdpx", {{"project.qde", qde}, {"sources/t.txt", "abcdefghijklmnopqrstuvwxyz"}});
    const auto p = refi::read_qdpx(dir / "f.qdpx");
    CHECK(p.codings.size() == 10);  // imported as the file says, but flagged
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].rfind("only 0 of 10 selections start and end between words", 0) == 0);
}
