// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL store as several clients see it: separate connections to one database (as
// separate machines would have), stale edits refused naming who and when, writers at once
// losing nothing, schema checks on open and create. Needs the test server (fixture comb_pg);
// without one every case says "no PostgreSQL server" and skips.
#include <catch2/catch.hpp>

#include <set>
#include <thread>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/error.h"
#include "store_pg/open_store.h"
#include "support/snapshot.h"
#include "support/store_builders.h"

using namespace comb;

namespace {

std::string clock_fixed() { return "2026-12-03T09:14:02Z"; }

}  // namespace

TEST_CASE("a PostgreSQL project is the same project from a second connection and after reopening", "[store][pg]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    const auto doc = b.add_document("P1", "Interviewer: Tell me 😀\nP1: Time is short, café closed.\n", "P1");
    b.code(doc, "Time is short", "Time/No time");
    b.project().execute(core::AddMemo(core::Memo{core::MemoId(0), core::MemoTarget::project, 0, "Note", "Ünïcode memo", "", "", 0}));
    const auto before = test::snapshot(b.repo());
    auto other = store::open_store(b.uri());
    CHECK(test::snapshot(*other) == before);
    CHECK(other->text(b.repo().find_document(doc)->text_id) == "Interviewer: Tell me 😀\nP1: Time is short, café closed.\n");
    CHECK(other->change_counter() == 3);
    CHECK(other->history(std::nullopt, false).size() == 3);
    b.reopen();
    CHECK(test::snapshot(b.repo()) == before);
    REQUIRE(b.repo().codings().size() == 1);
    CHECK(b.repo().codings().front().span.start.value == 27);
    CHECK(b.repo().codings().front().span.end.value == 40);
}

TEST_CASE("a stale edit from another client is refused naming who and when", "[store][pg][several]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    b.project().set_coder("Alex");
    b.project().execute(core::DefineCode("Time", {}));
    const auto seen = b.repo().codes().front();  // what Alex's window shows
    auto sam_store = store::open_store(b.uri());
    core::Project sam(*sam_store, "Sam", clock_fixed);
    core::TagPatch patch;
    patch.valence = core::Valence::barrier;
    sam.execute(core::TagCode("Time", patch));
    core::RenameCode rename("Time", "Time pressure");
    rename.expect(seen);
    const auto before = test::snapshot(b.repo());
    CHECK_THROWS_WITH(b.project().execute(rename),
                      "cannot do \"Rename code Time to Time pressure\": Sam changed code 'Time' at 2026-12-03T09:14:02Z (Tag code Time) "
                      "since you saw it");
    CHECK(test::snapshot(b.repo()) == before);
    // At the row level too, inside a transaction: the stored version has moved on.
    {
        auto tx = b.repo().begin("test");
        core::Code after = seen;
        after.name = "Stale";
        CHECK_THROWS_WITH(b.repo().update(seen, after),
                          "cannot change code 'Time': it was changed by another writer (version 2, expected 1)");
    }
    core::RenameCode fresh("Time", "Time pressure");
    fresh.expect(b.repo().codes().front());
    CHECK_NOTHROW(b.project().execute(fresh));
    CHECK(sam_store->codes().front().name == "Time pressure");
}

TEST_CASE("comb new wants an empty database and open wants a Comb project", "[store][pg]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgDatabase db(*server);
    const std::string shown = store::redact_uri(db.uri());
    CHECK(shown.find(":***@") != std::string::npos);
    CHECK_THROWS_WITH(store::open_store(db.uri()),
                      shown + ": not a Comb project (the database holds none; comb new URI makes one)");
    store::create_store(db.uri());
    CHECK_THROWS_WITH(store::create_store(db.uri()), shown + ": already holds a Comb project; comb new will not overwrite it");
    CHECK_NOTHROW(store::open_store(db.uri()));
    CHECK_THROWS_WITH(store::open_store(test::with_database(db.uri(), "no_such_db")),
                      Catch::Contains("cannot connect to the server") && Catch::Contains("no_such_db") &&
                          !Catch::Contains(db.uri().substr(db.uri().find(':', 12) + 1, 8)));
    test::PgDatabase other(*server);
    store::PgConnection(other.uri()).exec_script("CREATE TABLE notes(id int)");
    CHECK_THROWS_WITH(store::create_store(other.uri()), store::redact_uri(other.uri()) +
                                                            ": the database is not empty; give comb new an empty database");
}

TEST_CASE("four clients coding at once on one database lose nothing and share the id space", "[store][pg][several]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    const auto doc = b.add_document("P1", std::string(2000, 'a') + "\n", "P1");
    constexpr int kClients = 4, kEach = 40;
    std::vector<std::thread> clients;
    std::vector<std::string> errors(kClients);
    for (int k = 0; k < kClients; ++k) {
        clients.emplace_back([&, k] {
            try {
                auto repo = store::open_store(b.uri());
                core::Project p(*repo, "coder" + std::to_string(k), clock_fixed);
                for (int i = 0; i < kEach; ++i) {
                    const std::int64_t start = (k * kEach + i) * 10;
                    p.execute(core::ApplyCodings({{doc, {core::CodePoint(start), core::CodePoint(start + 5)}}},
                                                 "C" + std::to_string(i % 3), ""));
                }
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(k)] = e.what();
            }
        });
    }
    for (auto& t : clients) t.join();
    for (const auto& e : errors) CHECK(e.empty());
    const auto codings = b.repo().codings();
    CHECK(codings.size() == kClients * kEach);
    std::set<std::int64_t> ids;
    for (const auto& c : codings) ids.insert(c.id.value);
    CHECK(ids.size() == codings.size());
    CHECK(b.repo().codes().size() == 3);  // each code defined once, by whoever came first
    const auto h = b.repo().history(std::nullopt, false);
    CHECK(h.size() == 1 + kClients * kEach);
    for (std::size_t i = 0; i < h.size(); ++i) CHECK(h[i].seq == static_cast<std::int64_t>(i + 1));
    CHECK(b.repo().change_counter() == 1 + kClients * kEach);
}
