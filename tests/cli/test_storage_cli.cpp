// SPDX-License-Identifier: GPL-3.0-or-later
// Safe storage from the command line (issue 18, docs/storage.md): backup -> restore -> equal
// listings; paths that cannot be used exit 1 naming the path and the reason; a read-only
// project lists but refuses changes; a full disk (a small tmpfs, where the sandbox lets us
// mount one) fails import, coding, export, index build and backup with "disk full", leaving the
// project as it was and no temporary file; a damaged project is refused with the way back.
#include <catch2/catch.hpp>
#include <sys/mount.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "store/project_file.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace comb;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// What a user can list of a project: documents, codes and codings.
std::string listings(const fs::path& project) {
    std::string out;
    for (const char* what : {"docs", "codes", "codings"}) {
        const auto r = test::run_comb({what, project.string(), "--json"});
        REQUIRE(r.status == 0);
        out += r.out;
    }
    return out;
}

std::set<std::string> files_under(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) out.insert(fs::relative(e.path(), dir).string());
    return out;
}

// A small project: two transcripts, three codings.
fs::path make_project(const fs::path& dir) {
    const auto p = dir / "study.comb";
    REQUIRE(test::run_comb({"new", p.string()}).status == 0);
    std::ofstream(dir / "p1.txt") << "P1: we never get the time for training\nP2: the lantern was lit\n";
    std::ofstream(dir / "p2.txt") << "P3: managers release staff for it\n";
    REQUIRE(test::run_comb({"import", p.string(), (dir / "p1.txt").string(), (dir / "p2.txt").string()}).status == 0);
    REQUIRE(test::run_comb({"code", p.string(), "p1", "4", "20", "Time"}).status == 0);
    REQUIRE(test::run_comb({"code", p.string(), "p1", "4", "12", "Time/Never"}).status == 0);
    REQUIRE(test::run_comb({"code", p.string(), "p2", "4", "12", "Leadership"}).status == 0);
    return p;
}

// A tmpfs of `size` mounted on a fresh folder, when the sandbox lets us (root with
// CAP_SYS_ADMIN); unmounted at the end.
struct SmallDisk {
    test::TempDir dir;
    fs::path root = dir / "disk";
    bool mounted = false;
    explicit SmallDisk(const char* size) {
        fs::create_directories(root);
        mounted = ::mount("tmpfs", root.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted) ::umount2(root.c_str(), MNT_DETACH);
    }
    bool make_read_only() { return ::mount(nullptr, root.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0; }
    // Fills the disk with one file; returns its path.
    fs::path fill() {
        const auto f = root / "filler";
        std::ofstream out(f, std::ios::binary);
        const std::string block(4096, 'x');
        while (out.write(block.data(), block.size())) {
        }
        return f;
    }
};

}  // namespace

TEST_CASE("comb backup then restore gives back equal listings, and restore is reversible", "[cli][storage]") {
    test::TempDir dir;
    const auto p = make_project(dir.path());
    const auto saved = listings(p);

    auto r = test::run_comb({"backup", p.string(), "--json"});
    REQUIRE(r.status == 0);
    const fs::path backup = json::parse(r.out)["path"].get<std::string>();
    CHECK(backup.parent_path() == dir / "study.comb-backups");
    CHECK(json::parse(r.out)["bytes"] == fs::file_size(backup));
    REQUIRE(test::run_comb({"backup", p.string(), "-o", (dir / "copy.comb").string()}).status == 0);
    r = test::run_comb({"backup", p.string(), "-o", (dir / "copy.comb").string()});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + (dir / "copy.comb").string() + ": already exists; a backup never overwrites a file\n");

    REQUIRE(test::run_comb({"uncode", p.string(), "1", "2"}).status == 0);  // a bulk delete: backed up first
    REQUIRE(test::run_comb({"delete-code", p.string(), "Leadership"}).status == 0);
    const auto changed = listings(p);
    REQUIRE(changed != saved);

    r = test::run_comb({"restore", backup.string(), p.string()});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + p.string() + ": already exists; give --force to replace it (what it holds now is backed up first)\n");
    CHECK(listings(p) == changed);

    r = test::run_comb({"restore", backup.string(), p.string(), "--force", "--json"});
    REQUIRE(r.status == 0);
    CHECK(listings(p) == saved);
    const fs::path replaced = json::parse(r.out)["replaced"].get<std::string>();

    r = test::run_comb({"backups", p.string(), "--json"});
    REQUIRE(r.status == 0);
    const auto list = json::parse(r.out);
    std::multiset<std::string> kinds;
    for (const auto& b : list) {
        kinds.insert(b["reason"].get<std::string>());
        CHECK(b["bytes"] == fs::file_size(b["path"].get<std::string>()));
        CHECK(b["time"].get<std::string>().size() == 20);
    }
    CHECK(kinds == std::multiset<std::string>{"manual", "rolling", "uncode", "delete-code", "before-restore"});
    CHECK(list[0]["path"] == replaced.string());  // newest first

    // The restore itself is undone by restoring what it replaced.
    REQUIRE(test::run_comb({"restore", replaced.string(), p.string(), "--force"}).status == 0);
    CHECK(listings(p) == changed);
    // Into a new file: no --force needed.
    REQUIRE(test::run_comb({"restore", backup.string(), (dir / "again.comb").string()}).status == 0);
    CHECK(listings(dir / "again.comb") == saved);
    r = test::run_comb({"backups", p.string()});
    CHECK(r.out.rfind("date (UTC)", 0) == 0);
}

TEST_CASE("paths that cannot be used exit 1 naming the path and the reason", "[cli][storage]") {
    test::TempDir dir;
    std::ofstream(dir / "file.txt") << "x";
    const auto fail = [](const std::vector<std::string>& args, const std::string& message) {
        const auto r = test::run_comb(args);
        INFO(args[0] << " " << args[1]);
        CHECK(r.status == 1);
        CHECK(r.err == "comb: " + message + "\n");
    };
    fail({"new", (dir / "missing" / "p.comb").string()},
         (dir / "missing" / "p.comb").string() + ": the folder " + (dir / "missing").string() + " does not exist");
    fail({"new", (dir / "file.txt" / "p.comb").string()},
         (dir / "file.txt" / "p.comb").string() + ": " + (dir / "file.txt").string() + " is not a folder");
    fail({"new", dir.path().string()}, dir.path().string() + ": is a folder, not a project file");
    fail({"new", "/dev/null"}, "/dev/null: is a device, not a project file");
    fail({"docs", dir.path().string()}, dir.path().string() + ": is a folder, not a project file");
    fail({"docs", "/dev/zero"}, "/dev/zero: is a device, not a project file");
    fail({"docs", (dir / "missing" / "p.comb").string()}, (dir / "missing" / "p.comb").string() + ": no such project file");
    fail({"import", (dir / "none.comb").string(), (dir / "file.txt").string()}, (dir / "none.comb").string() + ": no such project file");
    CHECK_FALSE(fs::exists(dir / "missing"));
    // As root, permissions do not stop writes: the folder is then tried as nobody.
    const auto run = ::geteuid() == 0 ? test::run_comb_as_nobody : test::run_comb;
    fs::create_directories(dir / "locked");
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                        fs::perms::others_exec);
    const auto r = run({"new", (dir / "locked" / "p.comb").string()});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + (dir / "locked" / "p.comb").string() + ": cannot write in the folder " +
                       (dir / "locked").string() + ": Permission denied\n");
    CHECK_FALSE(fs::exists(dir / "locked" / "p.comb"));
    fs::permissions(dir / "locked", fs::perms::owner_all);
}

TEST_CASE("a project its user may not write opens read-only: listings work, changes exit 1", "[cli][storage]") {
    // As root, permissions do not stop writes: the project is then read as nobody.
    const auto run = ::geteuid() == 0 ? test::run_comb_as_nobody : test::run_comb;
    test::TempDir dir;
    const auto readable = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                          fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(dir.path(), readable);
    const auto p = make_project(dir.path());
    REQUIRE(test::run_comb({"search", p.string(), "lantern"}).status == 0);  // the index is built
    const auto saved = listings(p);
    fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto r = run({"docs", p.string(), "--json"});
    CHECK(r.status == 0);
    CHECK(json::parse(r.out).size() == 2);
    r = run({"search", p.string(), "lantern", "--json"});
    CHECK(r.status == 0);
    CHECK(json::parse(r.out).size() == 1);
    r = run({"code", p.string(), "p2", "0", "3", "Speaker"});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + p.string() +
                       ": the project is open read-only (no write permission): Code passage as Speaker refused, nothing was changed\n");
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    CHECK(listings(p) == saved);
}

TEST_CASE("a project on a read-only medium lists and searches but refuses changes", "[cli][storage]") {
    SmallDisk disk("4m");
    if (!disk.mounted) {
        WARN("skipped: no permission to mount a tmpfs here (the GUI test covers --read-only, store tests the flag)");
        return;
    }
    const auto p = make_project(disk.root);
    REQUIRE(test::run_comb({"search", p.string(), "lantern"}).status == 0);  // the index is built
    const auto saved = listings(p);
    REQUIRE(disk.make_read_only());
    CHECK(listings(p) == saved);
    auto r = test::run_comb({"search", p.string(), "lantern", "--json"});
    CHECK(r.status == 0);
    CHECK(json::parse(r.out).size() == 1);
    r = test::run_comb({"code", p.string(), "p2", "0", "3", "Speaker"});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: " + p.string() + ": the project is open read-only (on a read-only file system): Code passage as Speaker refused, nothing was changed\n");
    r = test::run_comb({"backup", p.string(), "-o", (disk.dir / "out.comb").string()});
    CHECK(r.status == 0);  // a copy elsewhere can still be made
    CHECK(listings(disk.dir / "out.comb") == saved);
}

TEST_CASE("a full disk fails each command with disk full, leaving the project and its folder as they were", "[cli][storage]") {
    SmallDisk disk("2m");
    const bool real = disk.mounted;
    const fs::path root = real ? disk.root : disk.dir / "plain";
    if (!real) {
        fs::create_directories(root);
        WARN("no permission to mount a small tmpfs here: the full disk is simulated by COMB_TEST_FULL_DISK=1 (every "
             "write of the store and of the file writer fails); the index build case needs the real one and is left out");
    }
    test::TempDir outside;
    const auto p = make_project(root);
    REQUIRE(test::run_comb({"search", p.string(), "lantern"}).status == 0);
    REQUIRE(test::run_comb({"backup", p.string()}).status == 0);
    std::ofstream(outside / "p3.txt") << "P4: " << std::string(3000, 'z') << " lantern\n";
    const auto saved = listings(p);
    // A window keeps the project open (as comb-gui does), so its -wal and -shm exist and
    // each command gets as far as its own writes.
    auto held = comb::store::ProjectFile::open(p);
    fs::path filler;
    if (real) filler = disk.fill();
    else ::setenv("COMB_TEST_FULL_DISK", "1", 1);
    const auto files = files_under(root);

    struct Case { std::vector<std::string> args; std::string names; };
    std::vector<Case> cases = {
        {{"import", p.string(), (outside / "p3.txt").string()}, p.string()},
        {{"code", p.string(), "p2", "0", "3", "Speaker"}, p.string()},
        {{"export", p.string(), "theme-table", "-o", (root / "themes.md").string()}, (root / "themes.md").string()},
        {{"export", p.string(), "codebook", "-o", (root / "codebook.docx").string()}, (root / "codebook.docx").string()},
        {{"backup", p.string()}, (root / "study.comb-backups").string()},
        {{"backup", p.string(), "-o", (root / "b.comb").string()}, (root / "b.comb").string()},
    };
    if (real) cases.push_back({{"index", p.string(), "--rebuild"}, "study.comb-index"});
    for (const auto& c : cases) {
        const auto r = test::run_comb(c.args);
        INFO(c.args[0] << " " << c.args.back() << ": " << r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("disk full") != std::string::npos);
        CHECK(r.err.find(c.names) != std::string::npos);
        CHECK(r.err.find("internal error") == std::string::npos);
        // No temporary file, no half-written copy: the folder holds what it held.
        std::set<std::string> now = files_under(root), before = files;
        for (const char* live : {"study.comb-wal", "study.comb-shm"}) {
            now.erase(live);
            before.erase(live);
        }
        CHECK(now == before);
    }
    held.reset();
    // With nobody holding it open, SQLite needs room even to open the project (its -shm).
    const auto alone = test::run_comb({"code", p.string(), "p2", "0", "3", "Speaker"});
    CHECK(alone.status == 1);
    CHECK(alone.err.rfind("comb: " + p.string() + ": disk full", 0) == 0);
    if (real) fs::remove(filler);
    else ::unsetenv("COMB_TEST_FULL_DISK");
    CHECK(listings(p) == saved);
    // The index is usable, or rebuilt now that there is room.
    const auto r = test::run_comb({"search", p.string(), "lantern", "--json"});
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out).size() == 1);
    CHECK(test::run_comb({"import", p.string(), (outside / "p3.txt").string()}).status == 0);
}

TEST_CASE("a damaged project is refused naming the newest backup, and salvage reports what was lost", "[cli][storage]") {
    test::TempDir dir;
    const auto p = make_project(dir.path());
    auto r = test::run_comb({"backup", p.string(), "--json"});
    REQUIRE(r.status == 0);
    const std::string backup = json::parse(r.out)["path"];
    const auto saved = listings(p);
    {
        // Bit flips in page 19 (the codings_document index of a new project): found on opening.
        std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(18 * 4096 + 8);
        f.write("\xde\xad\xbe\xef\xde\xad\xbe\xef", 8);
    }
    r = test::run_comb({"codings", p.string()});
    CHECK(r.status == 1);
    CHECK(r.err.rfind("comb: " + p.string() + ": the project file is damaged (", 0) == 0);
    CHECK(r.err.find("comb salvage PROJECT NEW.comb") != std::string::npos);
    CHECK(r.err.find("comb: the newest backup is from ") != std::string::npos);
    CHECK(r.err.find(": comb restore " + backup + " " + p.string() + " --force\n") != std::string::npos);

    r = test::run_comb({"salvage", p.string(), (dir / "saved.comb").string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("Salvaged into " + (dir / "saved.comb").string() + ":\n", 0) == 0);
    CHECK(r.out.find("codings: 3 rows saved\n") != std::string::npos);
    CHECK(r.out.find("integrity of the new project: ok\n") != std::string::npos);
    CHECK(listings(dir / "saved.comb") == saved);  // only an index was hit: every row is saved

    REQUIRE(test::run_comb({"restore", backup, p.string(), "--force"}).status == 0);
    CHECK(listings(p) == saved);
}
