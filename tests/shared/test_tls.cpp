// SPDX-License-Identifier: GPL-3.0-or-later
// TLS when the server asks for it: the test server (scripts/pg-test-server.sh) has a
// certificate and lets the login comb_tls in only over TLS, as a team server's pg_hba.conf
// would ("hostssl"). Comb connects encrypted by default (libpq's sslmode=prefer), honours
// sslmode in the URI, and says plainly when the server refuses an unencrypted connection.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/pg_server.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace comb;

namespace {

// `uri` as the login comb_tls (created once per server) on `database`, which it owns.
std::string tls_login_uri(const std::string& server, const test::PgDatabase& db) {
    store::PgConnection admin(server);
    admin.exec_script(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'comb_tls') THEN "
        "CREATE ROLE comb_tls LOGIN PASSWORD 'pw'; END IF; END $$");
    admin.exec_script("ALTER DATABASE " + db.name() + " OWNER TO comb_tls");
    const auto& base = db.uri();  // its query (the other tests' sslmode=disable) is dropped
    const auto scheme = base.find("://") + 3;
    return base.substr(0, scheme) + "comb_tls:pw" + base.substr(base.find('@'), base.find('?') - base.find('@'));
}

}  // namespace

TEST_CASE("a server that asks for TLS gets it, and refusing plain connections is reported", "[shared][pg][tls]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    if (store::PgConnection(*server).exec("SHOW ssl").text(0, 0) != "on") {
        WARN("the test server has no TLS (no openssl when it started): skipped");
        return;
    }
    test::PgDatabase db(*server);
    const auto uri = tls_login_uri(*server, db);

    auto r = test::run_comb({"new", uri + "?sslmode=disable"});
    CHECK(r.status == 1);
    const auto refused = "comb: " + store::redact_uri(uri) + "?sslmode=disable: cannot connect to the server: ";
    CHECK(r.err.rfind(refused, 0) == 0);
    CHECK(r.err.find("pg_hba.conf rejects connection for host \"127.0.0.1\", user \"comb_tls\", database \"" +
                     db.name() + "\", no encryption\n") != std::string::npos);

    r = test::run_comb({"new", uri});  // libpq's default, sslmode=prefer, tries TLS first
    CHECK(r.status == 0);
    CHECK(r.out == "Created " + store::redact_uri(uri) + "\n");
    test::TempDir dir;
    std::ofstream(dir / "p1.txt") << "P1: the lantern was lit\n";
    REQUIRE(test::run_comb({"import", uri + "?sslmode=require", (dir / "p1.txt").string()}).status == 0);
    r = test::run_comb({"docs", uri + "?sslmode=require", "--json"});
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out).size() == 1);

    store::PgConnection encrypted(uri + "?sslmode=require");
    const auto ssl = encrypted.exec("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    CHECK(ssl.text(0, 0) == "t");
    CHECK(ssl.text(0, 1).rfind("TLSv1.", 0) == 0);
}
