// SPDX-License-Identifier: GPL-3.0-or-later
// Losing the server or a client: a command whose connection drops fails with a clear message
// and writes nothing; the next call reconnects and sees everything; a client killed (SIGKILL)
// mid-command leaves no half-written change (every coding has its history entry and count).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "store_pg/open_store.h"
#include "support/snapshot.h"
#include "support/store_builders.h"

using namespace comb;

namespace {

// Ends every other connection to the database, as a server restart or a network cut would.
void cut_connections(const std::string& uri) {
    store::PgConnection admin(uri);
    admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
}

// Codings, their history entries and the change counter agree: no command half-written.
void check_whole(const core::Repository& repo) {
    std::size_t inserted = 0;
    const auto history = repo.history(std::nullopt, true);
    for (const auto& e : history) {
        for (const auto& c : e.changes.changes) {
            if (!c.before && c.after && std::holds_alternative<core::Coding>(*c.after)) ++inserted;
        }
    }
    CHECK(inserted == repo.codings().size());
    CHECK(repo.change_counter() == static_cast<std::int64_t>(history.size()));
}

}  // namespace

TEST_CASE("a dropped connection fails the command in flight, writes nothing, and the next call reconnects", "[shared][pg][loss]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    const auto doc = b.add_document("P1", "P1: no time at all\n", "P1");
    auto client = store::open_store(b.uri());
    core::Project p(*client, "Sam", {});
    const auto before = test::snapshot(b.repo());
    {
        auto tx = client->begin("test");
        client->insert(core::Case{core::CaseId(client->reserve_id(core::RowKind::case_)), "P9", "", 1});
        cut_connections(b.uri());
        CHECK_THROWS_WITH(tx->commit(), "project file: talk to the server at " + store::redact_uri(b.uri()) +
                                            ": the connection to the server was lost");
    }
    CHECK(test::snapshot(b.repo()) == before);
    // The next command reconnects by itself and goes through.
    p.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(11)}}}, "Time", ""));
    CHECK(b.repo().codings().size() == 1);
    // Cut between commands: reads reconnect too.
    cut_connections(b.uri());
    CHECK(client->codings().size() == 1);
    check_whole(b.repo());
}

TEST_CASE("a client killed mid-command leaves nothing half-written", "[shared][pg][loss]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    for (int d = 0; d < 10; ++d) b.add_document("D" + std::to_string(d), std::string(3000, 'x') + "\n");
    for (int round = 0; round < 3; ++round) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // The child is the client: it codes until it is killed.
            execl(COMB_PG_CLIENT, COMB_PG_CLIENT, b.uri().c_str(), std::to_string(round).c_str(), "3", "5000", "10",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300 + 170 * round));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
    }
    // The server notices the dead connections and rolls their transactions back.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(b.repo().codings().size() > 0);
    check_whole(b.repo());
    auto after = store::open_store(b.uri());
    CHECK(after->codings().size() == b.repo().codings().size());
}
