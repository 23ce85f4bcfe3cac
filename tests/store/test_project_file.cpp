// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/project.h"
#include "store/project_file.h"
#include "store/schema.h"
#include "support/project_builder.h"
#include "support/temp_dir.h"

using namespace comb;

namespace {

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void run_sql(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(h);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a new project file is refused if the file exists", "[store]") {
    test::TempDir dir;
    store::ProjectFile::create(dir / "p.comb");
    CHECK_THROWS_WITH(store::ProjectFile::create(dir / "p.comb"),
                      (dir / "p.comb").string() + ": already exists; comb new will not overwrite it");
}

TEST_CASE("opening something that is not a Comb project says so", "[store]") {
    test::TempDir dir;
    SECTION("a text file") {
        std::ofstream(dir / "x.comb") << "hello, this is not a database at all, just words\n";
        CHECK_THROWS_AS(store::ProjectFile::open(dir / "x.comb"), core::InputError);
    }
    SECTION("another SQLite database") {
        run_sql(dir / "x.comb", "CREATE TABLE t(x)");
        CHECK_THROWS_WITH(store::ProjectFile::open(dir / "x.comb"), (dir / "x.comb").string() + ": not a Comb project");
    }
    SECTION("a missing file") {
        CHECK_THROWS_WITH(store::ProjectFile::open(dir / "none.comb"), (dir / "none.comb").string() + ": no such project file");
    }
}

TEST_CASE("a project from a newer Comb is refused with the versions named", "[store]") {
    test::TempDir dir;
    store::ProjectFile::create(dir / "p.comb");
    run_sql(dir / "p.comb", "PRAGMA user_version = 99");
    CHECK_THROWS_WITH(store::ProjectFile::open(dir / "p.comb"),
                      (dir / "p.comb").string() + ": written by a newer Comb (schema 99; this build reads up to 4)");
}

TEST_CASE("a damaged project file is reported, not opened", "[store]") {
    test::TempDir dir;
    {
        test::ProjectBuilder b;
        const auto doc = b.add_document("d", std::string(20000, 'x'));
        b.code(doc, "xxxx", "A");
        b.file().connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::filesystem::copy_file(b.path(), dir / "p.comb");
    }
    std::string bytes = read_all(dir / "p.comb");
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 4096 + 100; i < 8192; ++i) bytes[i] = static_cast<char>(0xA5);  // smash page 2
    std::ofstream(dir / "p.comb", std::ios::binary) << bytes;
    CHECK_THROWS_AS(store::ProjectFile::open(dir / "p.comb"), core::InputError);
}

TEST_CASE("a project written by the first schema opens and reads", "[store][migration]") {
    // tests/data/schema-v1.sql is a dump of a project made with schema version 1 (the first
    // release); it must open unchanged in every later build.
    test::TempDir dir;
    run_sql(dir / "old.comb", read_all(std::filesystem::path(COMB_TESTS_DIR) / "data/schema-v1.sql"));
    auto file = store::ProjectFile::open(dir / "old.comb");
    const auto docs = file->documents();
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].name == "P1 interview");
    CHECK(file->text(docs[0].text_id) == "Interviewer: Why?\nP1: Time is short 😀.\n");
    REQUIRE(file->codings().size() == 1);
    CHECK(file->codings()[0].span == core::Span{core::CodePoint(22), core::CodePoint(35)});
    CHECK(file->codes()[0].tags.to_string() == "comb=O.Ph; level=organisational; valence=barrier");
    CHECK(file->codes()[0].codable);  // schema 2 added the flag; every older code may be applied
    CHECK(store::schema_version(file->connection()) == 4);
    CHECK(file->integrity_check() == "ok");
    // Schema 3: the old entries are unattributed (everyone's), every row at version 1, and
    // the history's rows are indexed for "who changed this".
    const auto history = file->history(std::nullopt, false);
    REQUIRE(history.size() == 3);
    CHECK(history[2].who.empty());
    CHECK(file->codes()[0].version == 1);
    CHECK(file->last_change_of(file->codes()[0], 0)->label == "Tag code Time");
    core::Project project(*file, "Alex", [] { return std::string("2026-01-01T00:00:00Z"); });
    CHECK(project.undo_label() == std::optional<std::string>("Tag code Time"));
    project.undo();
    CHECK(file->codes()[0].tags.to_string().empty());
    CHECK(file->codes()[0].version == 2);
}

// Guards `comb docs` reading every case once per document (2,000 documents of 2,000 cases
// took a second); the CLI now asks for one case by key.
TEST_CASE("find_case reads one case by key, and nothing for an unknown key", "[store]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P01.txt", "P01: Hello.\n", "P01");
    b.add_document("P02.txt", "P02: Hi.\n", "P02");
    const auto case_id = b.file().find_document(doc)->case_id;
    REQUIRE(case_id);
    const auto c = b.file().find_case(*case_id);
    REQUIRE(c);
    CHECK(c->name == "P01");
    CHECK_FALSE(b.file().find_case(core::CaseId(999999)));
}
