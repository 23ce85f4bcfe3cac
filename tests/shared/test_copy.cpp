// SPDX-License-Identifier: GPL-3.0-or-later
// comb copy: file -> server -> file gives the same project (every listing and the .qdpx
// export byte-identical), and a copy into a database holding a project is refused.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "store_pg/pg_connection.h"
#include "support/pg_server.h"
#include "support/run_cli.h"

using namespace comb;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs comb and requires success; returns stdout.
std::string comb_ok(const std::vector<std::string>& args) {
    const auto r = test::run_comb(args);
    INFO("comb " << args.front() << ": " << r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

const std::string kExamples = std::string(COMB_TESTS_DIR) + "/../examples/mecc/";

// A small project with one of everything: documents, cases and attributes, codes with tags,
// codings with a tag override and a pin, memos, themes with subthemes, an undone action.
void build_project(const std::string& p) {
    comb_ok({"new", p});
    comb_ok({"import", p, kExamples + "P01-commissioner.txt", kExamples + "P04-trainer.txt"});
    comb_ok({"attributes", p, kExamples + "attributes.csv"});
    comb_ok({"code", p, "P01-commissioner", "0", "40", "Funding/Short-term"});
    comb_ok({"code", p, "P04-trainer", "10", "90", "Time/No time", "--memo", "clear barrier"});
    comb_ok({"code", p, "P04-trainer", "120", "200", "Time/Protected time"});
    comb_ok({"tag", p, "Time/No time", "--comb", "O.Ph", "--level", "organisational", "--valence", "barrier"});
    comb_ok({"tag", p, "--coding", "2", "--level", "individual:trainer"});
    comb_ok({"theme", p, "Organisational readiness", "--description", "Time and money", "--add", "Time/No time"});
    comb_ok({"theme", p, "Protected time", "--parent", "Organisational readiness", "--add", "Time/Protected time"});
    comb_ok({"memo", p, "Ünïcode project memo 😀", "--title", "Start"});
    comb_ok({"rename-code", p, "Funding/Short-term", "Short-term money"});
    comb_ok({"undo", p});
}

// Each listing as {subcommand, extra arguments}; the project goes second.
const std::vector<std::vector<std::string>> kListings = {
    {"docs"}, {"codes"}, {"codings"}, {"themes"}, {"history"}, {"search", "time OR money"}, {"search", "--case", "P4"}};

std::vector<std::string> listing_args(const std::vector<std::string>& listing, const std::string& project) {
    std::vector<std::string> args{listing.front(), project, "--json"};
    args.insert(args.end(), listing.begin() + 1, listing.end());
    return args;
}

}  // namespace

TEST_CASE("comb copy file to server to file gives every listing and the qdpx byte-identical", "[shared][copy][pg]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::TempDir dir;
    test::PgDatabase db(*server);
    const auto original = (dir / "original.comb").string(), back = (dir / "back.comb").string();
    build_project(original);
    const auto up = comb_ok({"copy", original, db.uri()});
    CHECK(up == "Copied " + original + " to " + store::redact_uri(db.uri()) +
                    ": 2 documents, 5 codes, 3 codings, 2 memos, 2 themes, 12 history entries\n");
    CHECK(up.find(db.uri()) == std::string::npos);  // no password on screen
    comb_ok({"copy", db.uri(), back});
    setenv("XDG_STATE_HOME", (dir / "state").string().c_str(), 1);  // the server project's local index
    for (const auto& listing : kListings) {
        INFO(listing.front());
        const auto want = comb_ok(listing_args(listing, original));
        CHECK(want.size() > 20);
        CHECK(comb_ok(listing_args(listing, db.uri())) == want);  // on the server itself
        CHECK(comb_ok(listing_args(listing, back)) == want);
    }
    comb_ok({"export", original, "qdpx", "-o", (dir / "a.qdpx").string(), "--title", "T"});
    comb_ok({"export", back, "qdpx", "-o", (dir / "b.qdpx").string(), "--title", "T"});
    const auto a = slurp(dir / "a.qdpx");
    CHECK(a.size() > 1000);
    CHECK(a == slurp(dir / "b.qdpx"));
    // Undo and redo go on where they left off: the history came along, with who and what.
    CHECK(comb_ok({"redo", back}).find("Rename code") != std::string::npos);
    CHECK(comb_ok({"codes", back}).find("Short-term money") != std::string::npos);
}

TEST_CASE("every comb command takes a postgresql URI where a project file goes", "[shared][cli][pg]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::TempDir dir;
    test::PgDatabase db(*server);
    setenv("XDG_STATE_HOME", (dir / "state").string().c_str(), 1);
    const auto uri = db.uri(), shown = store::redact_uri(db.uri());
    CHECK(comb_ok({"new", uri}) == "Created " + shown + "\n");
    CHECK(comb_ok({"import", uri, kExamples + "P04-trainer.txt"}).find("into " + shown) != std::string::npos);
    comb_ok({"code", uri, "P04-trainer", "10", "90", "Time/No time"});
    comb_ok({"tag", uri, "Time/No time", "--valence", "barrier"});
    comb_ok({"theme", uri, "Readiness", "--add", "Time/No time"});
    comb_ok({"memo", uri, "a memo", "--on", "code:Time/No time"});
    const auto codings = comb_ok({"codings", uri, "--json"});
    CHECK(codings.find("\"code\": \"Time/No time\"") != std::string::npos);
    CHECK(comb_ok({"search", uri, "--valence", "barrier", "--json"}).find("\"doc\": 1") != std::string::npos);
    CHECK(comb_ok({"matrix", uri, "--rows", "codes", "--cols", "valence", "--format", "csv"}).find("Time/No time") != std::string::npos);
    CHECK(comb_ok({"undo", uri}) == "Undid: Add memo\n");
    CHECK(comb_ok({"history", uri, "--json"}).find("\"kind\": \"undo\"") != std::string::npos);
    // Nothing prints the password; the local index lives in the state folder, not in the cwd.
    for (const auto& out : {codings, comb_ok({"docs", uri})}) CHECK(out.find(uri) == std::string::npos);
    CHECK(std::filesystem::exists(dir / "state" / "comb"));
    // What needs a file says so.
    const auto merge = test::run_comb({"merge", uri, kExamples + "P01-commissioner.txt"});
    CHECK(merge.status == 1);
    CHECK(merge.err.find("works on project files only") != std::string::npos);
    // An unreachable server: a clear message, exit 1.
    const auto away = test::run_comb({"docs", "postgresql://comb@127.0.0.1:1/nothing"});
    CHECK(away.status == 1);
    CHECK(away.err.find("comb: postgresql://comb@127.0.0.1:1/nothing: cannot connect to the server") == 0);
}

TEST_CASE("comb copy refuses a target that holds a project or is not empty", "[shared][copy][pg]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::TempDir dir;
    test::PgDatabase db(*server);
    const auto p = (dir / "p.comb").string();
    comb_ok({"new", p});
    comb_ok({"copy", p, db.uri()});
    const auto again = test::run_comb({"copy", p, db.uri()});
    CHECK(again.status == 1);
    CHECK(again.err == "comb: " + store::redact_uri(db.uri()) + ": already holds a Comb project; comb new will not overwrite it\n");
    const auto onto_file = test::run_comb({"copy", db.uri(), p});
    CHECK(onto_file.status == 1);
    CHECK(onto_file.err == "comb: " + p + ": already exists; comb new will not overwrite it\n");
}
