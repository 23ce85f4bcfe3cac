// SPDX-License-Identifier: GPL-3.0-or-later
// IndexUpkeep, the one owner of the index for both front ends: a change is indexed in place,
// a rebuild goes to the front end's StartRebuild (here: recorded, run when the test says),
// changes made while it runs are left to the next rebuild, an unbuilt index stays so.
// It runs over a core::MemoryRepository: the index needs only the Repository interface.
#include <catch2/catch.hpp>

#include <vector>

#include "core/progress.h"
#include "index/index_upkeep.h"
#include "support/command_builder.h"
#include "support/project_builder.h"
#include "support/temp_dir.h"

using namespace comb;
using index::UpkeepState;

namespace {

// The passages the upkeep's index finds coded with `code`.
std::size_t hits_of(index::IndexUpkeep& upkeep, const std::string& code) {
    index::SearchSpec spec;
    spec.filters.codes = {code};
    return upkeep.index()->search(spec).size();
}

struct Upkept {
    test::TempDir dir;
    test::MemoryBuilder b;
    std::vector<index::IndexUpkeep::RebuildCause> causes;
    index::IndexUpkeep upkeep{b.project(), dir / "p.comb", [this](const auto& cause) { causes.push_back(cause); }};

    // What a front end's rebuild does: build (on a worker, in the GUI), then report back.
    void run_build() {
        core::NullProgress progress;
        index::IndexUpkeep::build(b.repo(), upkeep.folder(), progress);
    }
    void build() {
        run_build();
        upkeep.rebuilt(true);
    }
    std::size_t hits(const std::string& code) { return hits_of(upkeep, code); }
};

}  // namespace

TEST_CASE("the upkeep indexes changes in place and hands rebuilds to the front end", "[index][upkeep]") {
    Upkept u;
    const auto doc = u.b.add_document("P1", "Interviewer: Why?\nP1: No time at all.\nP1: Money is short.\n", "P1");
    // The first change finds no index: a rebuild, caused by a change.
    REQUIRE(u.causes.size() == 1);
    CHECK(u.causes[0].reason == "missing");
    CHECK(u.causes[0].after_change);
    CHECK(u.upkeep.state() == UpkeepState::rebuilding);
    CHECK(u.upkeep.index() == nullptr);
    u.build();
    REQUIRE(u.upkeep.state() == UpkeepState::ready);

    // A coding goes into the index in place: no rebuild.
    u.b.code(doc, "No time", "Time");
    CHECK(u.causes.size() == 1);
    CHECK(u.hits("Time") == 1);
    u.b.project().undo();
    CHECK(u.hits("Time") == 0);

    // Asked for: a rebuild not caused by a change. A change while it runs is not indexed;
    // when it reports back, the upkeep replays it from the change log (no second rebuild).
    u.upkeep.rebuild("requested");
    REQUIRE(u.causes.size() == 2);
    CHECK(u.causes[1].reason == "requested");
    CHECK_FALSE(u.causes[1].after_change);
    u.run_build();
    u.b.code(doc, "Money", "Funding");  // while the worker builds
    CHECK(u.causes.size() == 2);
    u.upkeep.rebuilt(true);
    CHECK(u.causes.size() == 2);
    CHECK(u.upkeep.replays() == 1);
    REQUIRE(u.upkeep.state() == UpkeepState::ready);
    CHECK(u.hits("Funding") == 1);
}

TEST_CASE("a failed or cancelled rebuild leaves the index unbuilt until asked again", "[index][upkeep]") {
    Upkept u;
    const auto doc = u.b.add_document("P1", "P1: No time at all.\n", "P1");
    std::vector<std::string> states;
    const auto sub = u.upkeep.changed().subscribe([&](const index::UpkeepChanged& e) {
        states.push_back(std::to_string(static_cast<int>(e.state)) + ":" + e.reason);
    });
    u.upkeep.rebuilt(false, "disk full");
    CHECK(u.upkeep.state() == UpkeepState::not_built);
    CHECK(u.upkeep.reason() == "disk full");
    u.b.code(doc, "No time", "Time");  // not built: changes do not start a rebuild
    CHECK(u.causes.size() == 1);
    u.upkeep.open(false);  // still missing, and not asked to rebuild
    CHECK(u.upkeep.state() == UpkeepState::not_built);
    CHECK(u.upkeep.reason() == "missing");
    u.upkeep.open(true);
    REQUIRE(u.causes.size() == 2);
    u.build();
    CHECK(u.hits("Time") == 1);
    CHECK(states == std::vector<std::string>{"3:disk full", "3:missing", "2:missing", "1:"});
}

// Live views: another connection's changes reach the upkeep through Project::catch_up exactly as
// the process's own do (docs/concurrency.md, "The index").
namespace {

struct Watcher {
    std::unique_ptr<store::ProjectFile> file;
    core::Project project;
    std::vector<index::IndexUpkeep::RebuildCause> causes;
    index::IndexUpkeep upkeep;

    explicit Watcher(const std::filesystem::path& path)
        : file(store::ProjectFile::open(path)), project(*file),
          upkeep(project, path, [this](const auto& cause) { causes.push_back(cause); }) {}
    void build() {
        core::NullProgress progress;
        index::IndexUpkeep::build(*file, upkeep.folder(), progress);
        upkeep.rebuilt(true);
    }
    std::size_t hits(const std::string& code) { return hits_of(upkeep, code); }
};

}  // namespace

TEST_CASE("the upkeep follows another connection's changes published by catch_up", "[index][upkeep][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\nP1: epsilon zeta\n", "P1");
    Watcher w(b.path());
    w.upkeep.open(true);
    REQUIRE(w.causes.size() == 1);
    CHECK(w.causes[0].reason == "missing");
    w.build();
    REQUIRE(w.upkeep.state() == UpkeepState::ready);

    // A writer that keeps no index: its entry leaves the index one change behind, so the
    // watcher indexes it in place.
    b.code(doc, "alpha", "A");
    REQUIRE(w.project.catch_up() == 1);
    CHECK(w.causes.size() == 1);
    CHECK(w.upkeep.state() == UpkeepState::ready);
    CHECK(w.hits("A") == 1);

    SECTION("a writer that kept the index current itself: nothing to do") {
        w.upkeep.rebuild("requested");  // the writer's upkeep opens the shared index folder
        w.build();
        {
            std::vector<index::IndexUpkeep::RebuildCause> writer_causes;
            index::IndexUpkeep writer(b.project(), b.path(), [&](const auto& c) { writer_causes.push_back(c); });
            writer.open(false);
            REQUIRE(writer.state() == UpkeepState::ready);
            b.code(doc, "epsilon", "E");
            CHECK(writer_causes.empty());
        }
        REQUIRE(w.project.catch_up() == 1);
        CHECK(w.causes.size() == 2);  // only the requested one
        CHECK(w.upkeep.state() == UpkeepState::ready);
        CHECK(w.hits("E") == 1);
    }
    SECTION("two entries unseen: both replayed from the change log at the first, no rebuild") {
        const auto replays = w.upkeep.replays();
        b.code(doc, "beta", "B");
        b.code(doc, "gamma", "C");
        REQUIRE(w.project.catch_up() == 2);
        CHECK(w.causes.size() == 1);
        CHECK(w.upkeep.replays() == replays + 1);
        REQUIRE(w.upkeep.state() == UpkeepState::ready);
        CHECK(w.hits("B") == 1);
        CHECK(w.hits("C") == 1);
    }
    SECTION("a reload (a change the history does not explain) rebuilds a stale index") {
        b.file().connection().exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'");
        REQUIRE(w.project.catch_up() == 1);
        REQUIRE(w.causes.size() == 2);
        CHECK(w.causes[1].reason == "stale");
        CHECK(w.causes[1].after_change);
    }
}

TEST_CASE("an index that fails while catching up on open is rebuilt, not thrown", "[index][upkeep][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\nP1: epsilon zeta\n", "P1");
    std::filesystem::path folder;
    {
        Watcher w(b.path());
        w.upkeep.open(true);
        w.build();
        REQUIRE(w.upkeep.state() == UpkeepState::ready);
        folder = w.upkeep.folder();
    }
    b.code(doc, "alpha", "A");  // one change behind: opening replays the change log
    // The index opens and reads (as a folder another window is rebuilding may, for a moment),
    // but its update fails: the passage text file it appends to is now a folder (as large as a
    // file system block, so its size passes the check on open).
    std::filesystem::rename(folder / "text0", folder / "text0.moved");
    std::filesystem::create_directory(folder / "text0");
    Watcher w(b.path());
    REQUIRE_NOTHROW(w.upkeep.open(true));
    REQUIRE(w.causes.size() == 1);
    CHECK(w.causes[0].reason == "update failed");
    CHECK(w.upkeep.state() == UpkeepState::rebuilding);
    w.build();
    CHECK(w.hits("A") == 1);
}
