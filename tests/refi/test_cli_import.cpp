// SPDX-License-Identifier: GPL-3.0-or-later
// `comb import` with .qdpx files in a folder: a folder of projects imports them; a folder that
// mixes a project with transcripts is refused, naming the file, and nothing changes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "refi_support.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test;

namespace {

// A one-source project with one coding, small and made up.
void write_project(const fs::path& file) {
    const std::string guid = "00000000-0000-4000-8000-0000000000a1";
    const std::string qde =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"folder\" origin=\"Test\">"
        "<CodeBook><Codes><Code guid=\"00000000-0000-4000-8000-0000000000c1\" name=\"Time\" isCodable=\"true\"/>"
        "</Codes></CodeBook><Sources>"
        "<TextSource guid=\"" + guid + "\" name=\"P9 notes\" plainTextPath=\"internal://" + guid + ".txt\">"
        "<PlainTextSelection guid=\"00000000-0000-4000-8000-0000000000b1\" startPosition=\"4\" endPosition=\"8\">"
        "<Coding guid=\"00000000-0000-4000-8000-0000000000e1\">"
        "<CodeRef targetGUID=\"00000000-0000-4000-8000-0000000000c1\"/></Coding></PlainTextSelection>"
        "</TextSource></Sources></Project>";
    make_zip(file, {{"project.qde", qde}, {"sources/" + guid + ".txt", "P9: Time was short.\n"}});
}

}  // namespace

TEST_CASE("a .qdpx among transcripts in a folder is refused by name, and alone it imports", "[refi][cli][folder]") {
    TempDir dir;
    const std::string p = (dir / "p.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    fs::create_directories(dir / "in");
    spit(dir / "in" / "P1.txt", "Interviewer: Hello?\nP1: Time is short.\n");
    spit(dir / "in" / "P2.txt", "Interviewer: Hello?\nP2: Managers help.\n");
    write_project(dir / "in" / "study.qdpx");
    const std::string qdpx = (dir / "in" / "study.qdpx").string();

    auto r = run_comb({"import", p, (dir / "in").string()});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + qdpx +
                       ": a REFI-QDA project cannot be imported together with transcripts; nothing was imported. "
                       "Import the transcripts without it, and it on its own:\n  comb import " + p + " " + qdpx + "\n");
    CHECK(run_comb({"docs", p, "--json"}).out == "[]\n");
    // The same when it is named beside transcripts.
    r = run_comb({"import", p, (dir / "in" / "P1.txt").string(), qdpx});
    CHECK(r.status == 1);
    CHECK(r.err.find(qdpx + ": a REFI-QDA project cannot be imported together with transcripts") != std::string::npos);
    CHECK(run_comb({"docs", p, "--json"}).out == "[]\n");

    // Done as the message says: the transcripts, then the project.
    r = run_comb({"import", p, (dir / "in" / "P1.txt").string(), (dir / "in" / "P2.txt").string()});
    CHECK(r.status == 0);
    CHECK(r.out == "Imported 2 documents (4 turns) into " + p + "\n");
    r = run_comb({"import", p, qdpx});
    CHECK(r.status == 0);
    CHECK(r.out.find("1 sources, 1 codes, 1 selections, 1 codings") != std::string::npos);
    const auto codings = nlohmann::json::parse(run_comb({"codings", p, "--json"}).out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["text"] == "Time");
    CHECK(codings[0]["code"] == "Time");

    // A folder that holds only projects imports each, as naming them would.
    TempDir other;
    const std::string q = (other / "q.comb").string();
    REQUIRE(run_comb({"new", q}).status == 0);
    fs::create_directories(other / "projects");
    write_project(other / "projects" / "study.qdpx");
    r = run_comb({"import", q, (other / "projects").string()});
    CHECK(r.status == 0);
    CHECK(r.out.find("Imported 1 document (1 turns) into " + q) != std::string::npos);
}
