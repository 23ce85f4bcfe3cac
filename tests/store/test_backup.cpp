// SPDX-License-Identifier: GPL-3.0-or-later
// The store's safety net (issue 18, docs/storage.md): backups through SQLite's backup API with
// rotation and rolling copies, a migration backed up first, restore refusing while another
// process has the project open, damaged files refused, and salvage of what can be read.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "store/backup.h"
#include "store/damage.h"
#include "store/restore.h"
#include "store/salvage.h"
#include "support/project_builder.h"
#include "support/temp_dir.h"

using namespace comb;
namespace fs = std::filesystem;

namespace {

// A closed project with one document and `n` codings of one code (several leaf pages).
fs::path make_project(const test::TempDir& dir, int n) {
    const fs::path path = dir / "p.comb";
    auto file = store::ProjectFile::create(path);
    core::Project project(*file, [] { return std::string("2026-12-03T09:00:00Z"); });
    core::NewDocument d;
    d.name = "P1";
    d.text = std::string(4000, 'w');
    d.hash = "h";
    project.execute(core::ImportDocuments({d}));
    std::vector<core::CodingTarget> targets;
    for (int i = 0; i < n; ++i) targets.push_back({file->documents().front().id, {core::CodePoint(i), core::CodePoint(i + 7)}});
    project.execute(core::ApplyCodings(targets, "Time", "ann"));
    return path;
}

std::vector<std::int64_t> leaf_pages(const fs::path& path, const std::string& table) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, ("SELECT pageno FROM dbstat WHERE name = '" + table + "' AND pagetype = 'leaf' ORDER BY pageno").c_str(),
                       -1, &st, nullptr);
    std::vector<std::int64_t> out;
    while (sqlite3_step(st) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

void overwrite(const fs::path& path, std::int64_t offset, const std::string& bytes) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(offset);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string damage_of(const fs::path& path) {
    try {
        store::ProjectFile::open(path);
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "opened";
}

}  // namespace

TEST_CASE("rolling backups are made when due and rotation keeps the newest N", "[store][backup]") {
    test::TempDir dir;
    const auto path = make_project(dir, 3);
    auto file = store::ProjectFile::open(path);
    {
        auto t = file->begin("settings");
        file->set_setting(store::kBackupKeepSetting, "3");
        t->commit();
    }
    const char* days[] = {"2026-12-01T08:00:00Z", "2026-12-02T08:00:00Z", "2026-12-03T08:00:00Z",
                          "2026-12-04T08:00:00Z", "2026-12-05T08:00:00Z"};
    for (const char* day : days) {
        CHECK(store::rolling_backup(*file, day).has_value());
        // Within the day: nothing is due.
        CHECK_FALSE(store::rolling_backup(*file, std::string(day).replace(11, 2, "20")).has_value());
    }
    const auto list = store::list_backups(path);
    REQUIRE(list.size() == 3);
    CHECK(list[0].time == "2026-12-05T08:00:00Z");
    CHECK(list[1].time == "2026-12-04T08:00:00Z");
    CHECK(list[2].time == "2026-12-03T08:00:00Z");
    for (const auto& b : list) {
        CHECK(b.reason == "rolling");
        CHECK(b.bytes == fs::file_size(b.path));
        CHECK(b.path.parent_path() == dir / "p.comb-backups");
    }
    // Manual copies are never rotated away; another kind keeps its own N.
    for (int i = 0; i < 5; ++i) store::backup_project(*file, "manual", "2026-12-06T08:00:0" + std::to_string(i) + "Z");
    CHECK(store::list_backups(path).size() == 8);
    // Every copy is a whole project with the same codings.
    auto copy = store::ProjectFile::open(list[0].path, {.read_only = true});
    CHECK(copy->codings().size() == 3);
    CHECK(copy->integrity_check() == "ok");
}

TEST_CASE("a backup folder and interval come from the project's settings", "[store][backup]") {
    test::TempDir dir;
    const auto path = make_project(dir, 1);
    auto file = store::ProjectFile::open(path);
    {
        auto t = file->begin("settings");
        file->set_setting(store::kBackupFolderSetting, "safe");
        file->set_setting(store::kBackupEverySetting, "0");
        t->commit();
    }
    CHECK(store::backup_policy(*file).folder == dir / "safe");
    CHECK_FALSE(store::rolling_backup(*file, "2026-12-01T08:00:00Z").has_value());
    const auto b = store::backup_project(*file, "merge", "2026-12-01T08:00:00Z");
    CHECK(b == dir / "safe" / "p-20261201T080000Z-merge.comb");
    // A second copy in the same second gets its own name.
    CHECK(store::backup_project(*file, "merge", "2026-12-01T08:00:00Z") == dir / "safe" / "p-20261201T080000Z-merge-2.comb");
    const auto list = store::list_backups(path, dir / "safe");
    REQUIRE(list.size() == 2);
    CHECK(list[0].reason == "merge");
    CHECK(list[1].reason == "merge");
}

TEST_CASE("restore refuses while another process has the project open and changes nothing", "[store][backup]") {
    test::TempDir dir;
    const auto path = make_project(dir, 2);
    fs::path backup;
    {
        auto file = store::ProjectFile::open(path);
        backup = store::backup_project(*file, "manual", "2026-12-01T08:00:00Z");
    }
    // Another process: a child holding the project open until told to go.
    int to_child[2];
    REQUIRE(pipe(to_child) == 0);
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t pid = fork();
    if (pid == 0) {
        auto held = store::ProjectFile::open(path);
        char c = 1;
        (void)!write(ready[1], &c, 1);
        (void)!read(to_child[0], &c, 1);
        _exit(0);
    }
    char c = 0;
    REQUIRE(read(ready[0], &c, 1) == 1);
    CHECK_THROWS_WITH(store::restore_backup(backup, path, true, "2026-12-01T09:00:00Z"),
                      path.string() + ": is open in another Comb window or command; close it there first, nothing was restored");
    CHECK(store::list_backups(path).size() == 1);  // nothing kept, nothing replaced
    (void)!write(to_child[1], &c, 1);
    int status = 0;
    waitpid(pid, &status, 0);
    const auto r = store::restore_backup(backup, path, true, "2026-12-01T09:00:00Z");
    CHECK(r.replaced == dir / "p.comb-backups" / "p-20261201T090000Z-before-restore.comb");
    CHECK(store::ProjectFile::open(path)->codings().size() == 2);
}

TEST_CASE("a damaged project is refused and salvage saves what can be read", "[store][damage]") {
    test::TempDir dir;
    const auto path = make_project(dir, 600);
    const auto leaves = leaf_pages(path, "codings");
    REQUIRE(leaves.size() >= 4);

    SECTION("bit flips in one page of codings") {
        const auto page = leaves[leaves.size() / 2];
        overwrite(path, (page - 1) * 4096, std::string(64, '\xA5'));  // the page header and cell pointers
        const auto why = damage_of(path);
        CHECK(why.rfind(path.string() + ": the project file is damaged (", 0) == 0);
        CHECK(why.find("comb salvage PROJECT NEW.comb") != std::string::npos);

        const auto report = store::salvage_project(path, dir / "new.comb");
        CHECK(report.integrity == "ok");
        const auto& codings = *std::find_if(report.tables.begin(), report.tables.end(),
                                            [](const auto& t) { return t.table == "codings"; });
        CHECK(codings.copied > 400);
        CHECK(codings.copied < 600);
        REQUIRE(codings.unreadable.size() == 1);
        // The lost rows are exactly the ones the unreadable range names.
        CHECK(codings.unreadable[0].second - codings.unreadable[0].first + 1 == 600 - codings.copied);
        auto saved = store::ProjectFile::open(dir / "new.comb");
        CHECK(saved->codings().size() == static_cast<std::size_t>(codings.copied));
        CHECK(saved->documents().size() == 1);
        CHECK(saved->integrity_check() == "ok");
        CHECK(store::salvage_report_text(report).find("codings: " + std::to_string(codings.copied) + " rows saved; unreadable rows ") !=
              std::string::npos);
    }
    SECTION("a truncated file") {
        // The last third goes (at least the 31 pages a new project starts with stay: the schema
        // is on pages 1, 27 and 28, and without it nothing can be found, see docs/storage.md).
        const auto size = fs::file_size(path);
        REQUIRE(size > 48 * 4096);
        fs::resize_file(path, size * 2 / 3);
        CHECK(damage_of(path).find("the project file is damaged") != std::string::npos);
        const auto report = store::salvage_project(path, dir / "new.comb");
        CHECK(report.integrity == "ok");
        auto saved = store::ProjectFile::open(dir / "new.comb");
        CHECK(saved->documents().size() == 1);
        CHECK(saved->codes().size() == 1);
        // The end of the file held the history entry of the 600 codings (its JSON overflows
        // onto the last pages) and the history_rows leaves: the codings themselves are whole.
        CHECK(saved->codings().size() == 600);
        const auto text = store::salvage_report_text(report);
        CHECK(text.find("codings: 600 rows saved\n") != std::string::npos);
        CHECK(text.find("history: 1 rows saved; unreadable rows 2-2\n") != std::string::npos);
        CHECK(text.find("history_rows: 0 rows saved; the table could not be read at all\n") != std::string::npos);
    }
    SECTION("a lost write-ahead log") {
        // Another connection keeps the project open, so commits stay in the WAL; then the
        // WAL goes missing (deleted, or a copy made without it).
        auto keeper = store::ProjectFile::open(path);
        {
            auto file = store::ProjectFile::open(path);
            core::Project project(*file, [] { return std::string("2026-12-03T10:00:00Z"); });
            project.execute(core::ApplyCodings({{file->documents().front().id, {core::CodePoint(900), core::CodePoint(950)}}}, "Late", "ann"));
        }
        const fs::path copy = dir / "copy";
        fs::create_directories(copy);
        fs::copy_file(path, copy / "p.comb");
        fs::copy_file(path.string() + "-shm", copy / "p.comb-shm");
        const auto why = damage_of(copy / "p.comb");
        CHECK(why.rfind((copy / "p.comb").string() + ": the project file is damaged (its write-ahead log p.comb-wal is missing: the last ", 0) == 0);
        // What the file itself holds can still be saved: the state before the lost commits.
        const auto report = store::salvage_project(copy / "p.comb", copy / "new.comb");
        CHECK(store::ProjectFile::open(copy / "new.comb")->codings().size() == 600);
    }
    SECTION("not a database at all") {
        overwrite(path, 0, std::string(100, 'x'));
        CHECK_THROWS_WITH(store::salvage_project(path, dir / "new.comb"),
                          path.string() + ": nothing could be read from the damaged project; no new project was made");
        CHECK_FALSE(fs::exists(dir / "new.comb"));
    }
}
