// SPDX-License-Identifier: GPL-3.0-or-later
// Roles on a shared project: readers change nothing, coders code but do not delete documents
// or codes, owners do all and set roles; the server enforces it, whatever the client.
#include <catch2/catch.hpp>

#include <random>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "store_pg/open_store.h"
#include "support/snapshot.h"
#include "support/store_builders.h"

using namespace comb;

namespace {

// `uri` as another login: postgresql://USER:PASSWORD@host...
std::string as_login(const std::string& uri, const std::string& user, const std::string& password) {
    const auto scheme = uri.find("://") + 3;
    return uri.substr(0, scheme) + user + ":" + password + uri.substr(uri.find('@'));
}

// Logins are the cluster's, not the database's: named afresh for each run.
std::string fresh_login(const std::string& server, const std::string& stem) {
    static std::mt19937 rng(std::random_device{}());
    const auto name = stem + std::to_string(rng() % 1000000);
    store::PgConnection(server).exec_script("CREATE ROLE " + name + " LOGIN PASSWORD 'pw'");
    return name;
}

}  // namespace

TEST_CASE("readers change nothing, coders delete no documents or codes, owners set roles", "[shared][pg][roles]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    const auto doc = b.add_document("P1", "P1: no time at all, no money either\n", "P1");
    b.code(doc, "no time", "Time");
    const auto coder = fresh_login(*server, "coder"), reader = fresh_login(*server, "reader"),
               stranger = fresh_login(*server, "stranger");
    REQUIRE(b.pg().roles() == std::vector<std::pair<std::string, std::string>>{{"comb", "owner"}});
    b.pg().set_role(coder, "coder");
    b.pg().set_role(reader, "reader");
    CHECK(b.pg().roles().size() == 3);
    CHECK_THROWS_WITH(b.pg().set_role("nobody_here", "coder"),
                      "no PostgreSQL login \"nobody_here\" on this server (CREATE ROLE nobody_here LOGIN first)");
    CHECK_THROWS_WITH(b.pg().set_role(coder, "boss"), "no role \"boss\" (owner, coder, reader or none)");

    const auto coder_uri = as_login(b.uri(), coder, "pw");
    auto as_coder = store::PgProject::open(coder_uri);
    CHECK(as_coder->my_role() == std::optional<std::string>("coder"));
    core::Project coding(*as_coder, coder, {});
    coding.execute(core::ApplyCodings({{doc, {core::CodePoint(21), core::CodePoint(29)}}}, "Money", ""));
    CHECK(b.repo().codings().size() == 2);
    const auto before = test::snapshot(b.repo());
    CHECK_THROWS_WITH(coding.execute(core::DeleteCode("Money")),
                      store::redact_uri(coder_uri) + ": " + coder + " is a coder of this project: only its owners delete codes");
    CHECK_THROWS_WITH(as_coder->set_role(reader, "owner"),
                      store::redact_uri(coder_uri) + ": " + coder + " is a coder of this project: only its owners set roles");
    CHECK(test::snapshot(b.repo()) == before);

    const auto reader_uri = as_login(b.uri(), reader, "pw");
    auto as_reader = store::open_store(reader_uri);
    CHECK(test::snapshot(*as_reader) == before);  // reads everything
    core::Project reading(*as_reader, reader, {});
    CHECK_THROWS_WITH(reading.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(6)}}}, "Time", "")),
                      store::redact_uri(reader_uri) + ": " + reader + " is a reader of this project and cannot change it");
    // Past the client's own check, the server refuses too (table rights).
    store::PgConnection raw(reader_uri);
    CHECK_THROWS_WITH(raw.exec("DELETE FROM codings"), store::redact_uri(reader_uri) + ": permission denied for table codings");
    CHECK(test::snapshot(b.repo()) == before);

    // Someone the owner gave no role cannot change the project either.
    store::PgConnection(b.uri()).exec_script("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + stranger);
    auto as_stranger = store::open_store(as_login(b.uri(), stranger, "pw"));
    core::Project strange(*as_stranger, stranger, {});
    CHECK_THROWS_WITH(strange.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(6)}}}, "Time", "")),
                      Catch::EndsWith(stranger + " has no role in this project; its owner can give one (comb role)"));
    // The owner deletes; taking a role away leaves a login with none.
    b.project().execute(core::DeleteCode("Money"));
    b.pg().set_role(coder, "none");
    CHECK(b.pg().roles().size() == 2);
}
