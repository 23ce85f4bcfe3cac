// SPDX-License-Identifier: GPL-3.0-or-later
// Presence on the server: each client that announces itself is listed (who, program, host,
// since) by every other, itself marked; a record whose heartbeat stopped is ignored; closing
// removes one's own record; a reader is listed too.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "store_pg/pg_project.h"
#include "support/pg_server.h"
#include "support/store_builders.h"

using namespace comb;

TEST_CASE("presence on the server lists who has a shared project open and ignores stale records", "[shared][pg][presence]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    CHECK(b.pg().presence().empty());  // nobody announced yet (and no table needed for that)

    auto alex = store::PgProject::open(b.uri());
    alex->announce("Alex", "comb-gui");
    {
        auto sam = store::PgProject::open(b.uri());
        sam->announce("Sam", "comb-gui");
        const auto seen = alex->presence();
        REQUIRE(seen.size() == 2);
        CHECK(seen[0].coder == "Alex");
        CHECK(seen[0].self);
        CHECK(seen[1].coder == "Sam");
        CHECK_FALSE(seen[1].self);
        CHECK(seen[1].program == "comb-gui");
        CHECK(seen[1].pid == ::getpid());
        CHECK(seen[1].since.size() == 20);  // 2026-12-03T14:00:00Z
        CHECK(seen[1].since.back() == 'Z');
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        CHECK(seen[1].host == host);
        // Announcing again (a new coder name) keeps one record.
        sam->announce("Samantha", "comb-gui");
        CHECK(alex->presence().size() == 2);
        CHECK(alex->presence()[1].coder == "Samantha");
    }
    // Sam closed: the record is gone.
    REQUIRE(alex->presence().size() == 1);

    // A client whose heartbeat stopped (killed, or cut off) longer than kStaleAfterS: ignored.
    auto ben = store::PgProject::open(b.uri());
    ben->announce("Ben", "comb-gui");
    CHECK(alex->presence().size() == 2);
    b.pg().connection().exec("UPDATE comb_presence SET last_seen = now() - interval '31 seconds' WHERE coder = 'Ben'");
    const auto now = alex->presence();
    REQUIRE(now.size() == 1);
    CHECK(now[0].coder == "Alex");
}
