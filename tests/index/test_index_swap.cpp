// SPDX-License-Identifier: GPL-3.0-or-later
// Rebuilds of one index at once (two windows, or a window and `comb`): each builds in its own
// folder and swaps the result in whole, so both finish and the index is complete; build
// folders left by a killed process go at the next rebuild.
#include <unistd.h>

#include <exception>
#include <fstream>
#include <thread>

#include "core/progress.h"
#include "index_fixture.h"
#include "store/project_file.h"
#include "support/build_folders.h"

using namespace comb;
using comb::test::IndexFixture;
namespace fs = std::filesystem;

TEST_CASE("two rebuilds of one index at once both finish and leave a complete index", "[index][cache][swap]") {
    IndexFixture f;
    const auto before = f.search("training");
    REQUIRE(before.size() == 4);
    for (int round = 0; round < 3; ++round) {
        std::exception_ptr errors[2];
        std::vector<std::thread> builders;
        for (int i = 0; i < 2; ++i) {
            builders.emplace_back([&, i] {
                try {
                    // Each with its own connection and index object, as two windows have.
                    auto file = store::ProjectFile::open(f.b.path());
                    index::PassageIndex index(f.folder());
                    core::NullProgress progress;
                    index.rebuild(*file, progress);
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            });
        }
        for (auto& t : builders) t.join();
        for (const auto& e : errors) {
            if (e) {
                try { std::rethrow_exception(e); } catch (const std::exception& x) { FAIL("a rebuild failed: " << x.what()); }
            }
        }
    }
    CHECK(test::build_folders_beside(f.folder()).empty());
    f.index = std::make_unique<index::PassageIndex>(f.folder());
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
    CHECK(f.search("training") == before);
}

TEST_CASE("build folders of processes that are gone are removed by the next rebuild", "[index][cache][swap]") {
    IndexFixture f;
    const auto beside = [&](const std::string& suffix) {
        fs::path p = f.folder();
        p += suffix;
        fs::create_directories(p / "shard0");
        std::ofstream(p / "shard0" / "postlist.glass") << "half a build";
        return p;
    };
    const auto old_style = beside(".building");                   // an earlier version's
    const auto killed = beside(".building-999999999-0");          // no such process
    const auto running = beside(".building-" + std::to_string(::getpid()) + "-999999");  // a build of this process
    core::NullProgress progress;
    f.index->rebuild(f.b.file(), progress);
    CHECK_FALSE(fs::exists(old_style));
    CHECK_FALSE(fs::exists(killed));
    CHECK(fs::exists(running));
    CHECK(test::build_folders_beside(f.folder()) == std::vector<fs::path>{running});
    CHECK(f.search("training").size() == 4);
}
