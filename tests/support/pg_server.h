// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The test PostgreSQL server (scripts/pg-test-server.sh, started by ctest's comb_pg fixture):
// its URI from COMB_PG_URI or the fixture's state file, and throw-away databases on it, one
// per test, dropped at scope exit. Without a server the PostgreSQL halves of the tests say
// "no PostgreSQL server" and skip.
#include <atomic>
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include "store_pg/pg_connection.h"

#ifndef COMB_PG_STATE_DIR
#define COMB_PG_STATE_DIR ""
#endif

namespace comb::test {

inline const char* kNoPgServer =
    "no PostgreSQL server: the PostgreSQL half of this test is skipped (ctest starts one with "
    "scripts/pg-test-server.sh; or set COMB_PG_URI)";

// The server's URI (to its maintenance database), or nullopt when there is none.
inline std::optional<std::string> pg_server_uri() {
    if (const char* env = std::getenv("COMB_PG_URI"); env && *env) return std::string(env);
    std::ifstream in(std::string(COMB_PG_STATE_DIR) + "/uri");
    std::string uri;
    if (in && std::getline(in, uri) && !uri.empty()) return uri;
    return std::nullopt;
}

// `uri` with its database replaced by `database`.
inline std::string with_database(const std::string& uri, const std::string& database) {
    const auto host = uri.find("://") + 3;
    const auto slash = uri.find('/', host);
    const auto query = uri.find('?', host);
    std::string out = uri.substr(0, slash == std::string::npos ? std::min(query, uri.size()) : slash) + "/" + database;
    if (query != std::string::npos) out += uri.substr(query);
    return out;
}

// A fresh, empty database on the test server, dropped (with its connections) at scope exit.
class PgDatabase {
public:
    explicit PgDatabase(const std::string& server_uri) : server_(server_uri) {
        static std::atomic<int> counter{0};
        std::random_device rd;
        name_ = "comb_t" + std::to_string(rd() % 1000000) + "_" + std::to_string(counter++);
        store::PgConnection admin(server_);
        admin.exec_script("CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'");
        uri_ = with_database(server_, name_);
    }
    PgDatabase(const PgDatabase&) = delete;
    ~PgDatabase() {
        try {
            store::PgConnection admin(server_);
            admin.exec_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const std::exception&) {
        }
    }
    const std::string& uri() const { return uri_; }
    const std::string& name() const { return name_; }

private:
    std::string server_, name_, uri_;
};

}  // namespace comb::test
