// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's local index of a shared project catches up from the change log: after other
// clients (other machines: no index in this state folder) added and removed documents and
// codings, tagged and renamed codes, `comb search` brings its index current by replaying the
// log — no "rebuilding the search index" — and finds what a rebuilt index finds. Far behind,
// or with the log not accounting for every change, it rebuilds.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "store_pg/pg_project.h"
#include "support/pg_server.h"
#include "support/run_cli.h"
#include "support/store_builders.h"

using namespace comb;

namespace {

// This "machine": its own local state folder (where the server project's index cache lives).
struct Machine {
    test::TempDir state;
    Machine() { setenv("XDG_STATE_HOME", state.path().c_str(), 1); }
    ~Machine() { unsetenv("XDG_STATE_HOME"); }
};

test::CliResult run_ok(const std::vector<std::string>& args) {
    auto r = test::run_comb(args);
    INFO("comb " << args.front() << ": " << r.err);
    REQUIRE(r.status == 0);
    return r;
}

bool rebuilt(const test::CliResult& r) { return r.err.find("rebuilding the search index") != std::string::npos; }

}  // namespace

TEST_CASE("the CLI's index of a server project replays others' changes instead of rebuilding", "[shared][pg][index]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    b.project().set_coder("Alex");
    const auto p1 = b.add_document("P1", "P1: no time at all for training\nInterviewer: and money?\nP1: no money either, the training budget went\n", "P1");
    const auto p2 = b.add_document("P2", "P2: leadership supports training time\n", "P2");
    b.code(p1, "no time", "Time/No time");
    Machine here;
    const auto& uri = b.uri();
    run_ok({"search", uri, "training"});  // builds this machine's index

    // Others change the project (their own connections, no index here).
    b.code(p2, "leadership", "Support");
    b.code(p1, "budget", "Funding");
    core::TagPatch barrier;
    barrier.valence = std::optional<core::Valence>(core::Valence::barrier);
    b.project().execute(core::TagCode("Time/No time", barrier));
    const auto p3 = b.add_document("P3", "P3: training needs time and a budget\n", "P3");
    b.code(p3, "budget", "Funding");
    b.code(p3, "training", "Support");
    b.project().undo();  // the last coding removed again
    b.project().execute(core::RenameCode("Support", "Leadership support"));

    const std::vector<std::vector<std::string>> searches = {
        {"search", uri, "training", "--json", "--limit", "0"},
        {"search", uri, "budget OR leadership", "--json", "--limit", "0"},
        {"search", uri, "--code", "Funding", "--json", "--limit", "0"},
        {"search", uri, "--code", "Leadership support", "--json", "--limit", "0"},
        {"search", uri, "--valence", "barrier", "--json", "--limit", "0"},
    };
    std::vector<std::string> replayed;
    for (const auto& s : searches) {
        const auto r = run_ok(s);
        CHECK_FALSE(rebuilt(r));
        replayed.push_back(r.out);
    }
    CHECK(replayed[2].find("\"P3\"") != std::string::npos);                // a new document's coding
    CHECK(replayed[3].find("leadership supports") != std::string::npos);  // a renamed code
    CHECK(replayed[3].find("P3") == std::string::npos);                   // an undone coding is gone
    CHECK(replayed[4].find("no time at all") != std::string::npos);       // a code's new tag

    // What a rebuilt index finds: the same hits, scores and order.
    run_ok({"index", uri, "--rebuild"});
    for (std::size_t i = 0; i < searches.size(); ++i) {
        INFO(searches[i][2]);
        CHECK(run_ok(searches[i]).out == replayed[i]);
    }

    // Undone elsewhere: the rename, P3's coding and P3 itself (a document removed).
    b.project().undo();
    b.project().undo();
    b.project().undo();
    auto r = run_ok({"search", uri, "budget", "--json"});
    CHECK_FALSE(rebuilt(r));
    CHECK(r.out.find("went") != std::string::npos);  // P1's passage
    CHECK(r.out.find("P3") == std::string::npos);
    r = run_ok({"search", uri, "--code", "Support", "--json"});
    CHECK_FALSE(rebuilt(r));
    CHECK(r.out.find("leadership supports") != std::string::npos);
}

TEST_CASE("the CLI's index of a server project is rebuilt when far behind or the log is short", "[shared][pg][index]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    b.project().set_coder("Alex");
    std::string text;
    for (int i = 0; i < 30; ++i) text += "P1: line " + std::to_string(i) + " about training\n";
    const auto p1 = b.add_document("P1", text, "P1");
    Machine here;
    const auto& uri = b.uri();
    run_ok({"search", uri, "training"});

    // More than IndexUpkeep::kMaxReplay (200) changes since: rebuilt ("stale").
    for (int i = 0; i < 201; ++i) {
        b.project().execute(core::ApplyCodings({{p1, {core::CodePoint(i), core::CodePoint(i + 2)}}}, "C", ""));
    }
    auto r = run_ok({"search", uri, "--code", "C", "--json", "--limit", "0"});
    CHECK(r.err.find("rebuilding the search index (stale)") != std::string::npos);

    // One change, but the log lost its entry (trimmed by hand): not replayable, rebuilt.
    b.code(p1, "line 7", "D");
    b.pg().connection().exec("DELETE FROM history_rows WHERE seq = (SELECT MAX(seq) FROM history)");
    b.pg().connection().exec("DELETE FROM history WHERE seq = (SELECT MAX(seq) FROM history)");
    r = run_ok({"search", uri, "--code", "D", "--json"});
    CHECK(r.err.find("rebuilding the search index (stale)") != std::string::npos);
    CHECK(r.out.find("line 7") != std::string::npos);

    // One change with its entry: replayed.
    b.code(p1, "line 9", "E");
    r = run_ok({"search", uri, "--code", "E", "--json"});
    CHECK_FALSE(rebuilt(r));
    CHECK(r.out.find("line 9") != std::string::npos);
}
