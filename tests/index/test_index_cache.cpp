// SPDX-License-Identifier: GPL-3.0-or-later
// The index is a cache: deleted, corrupted or stale, it rebuilds itself and says why.
#include <fstream>

#include "index_fixture.h"

using namespace comb;
using comb::test::IndexFixture;
using comb::test::Where;
namespace fs = std::filesystem;

namespace {

// Opens the index afresh, as the next command would, and brings it up to date.
std::optional<std::string> reopen_and_ensure(IndexFixture& f) {
    f.index.reset();
    f.index = std::make_unique<index::PassageIndex>(f.folder());
    std::optional<std::string> said;
    core::NullProgress quiet;
    f.index->ensure_current(f.b.file(), quiet, [&](const std::string& reason) { said = reason; });
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
    return said;
}

void overwrite(const fs::path& file, std::size_t at, std::size_t n) {
    REQUIRE(fs::exists(file));
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(static_cast<std::streamoff>(at));
    const std::string junk(n, '\x5a');
    io.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

}  // namespace

TEST_CASE("a current index is used as it is", "[index][cache]") {
    IndexFixture f;
    CHECK_FALSE(reopen_and_ensure(f));
    const auto stats = f.index->stats();
    CHECK(stats.passages == 10);
    CHECK(stats.documents == 3);
    CHECK(stats.shards == 2);
}

TEST_CASE("the index rebuilds itself after its folder is deleted", "[index][cache]") {
    IndexFixture f;
    f.index.reset();
    fs::remove_all(f.folder());
    CHECK(reopen_and_ensure(f) == std::optional<std::string>("missing"));
    CHECK(f.search("\"protected time\"") == std::vector<Where>{f.turn(f.p01, "We never")});
}

TEST_CASE("the index rebuilds itself after a file inside it is corrupted", "[index][cache]") {
    IndexFixture f;
    f.index.reset();
    SECTION("the version file") { overwrite(f.folder() / "shard0" / "iamglass", 0, 16); }
    SECTION("the postings table") {
        const auto table = f.folder() / "shard1" / "postlist.glass";
        overwrite(table, 0, static_cast<std::size_t>(fs::file_size(table)));
    }
    const auto said = reopen_and_ensure(f);
    REQUIRE(said);
    CHECK(said->rfind("corrupt: ", 0) == 0);
    CHECK(f.search("\"protected time\"") == std::vector<Where>{f.turn(f.p01, "We never")});
}

TEST_CASE("the index rebuilds itself after the project changed behind its back", "[index][cache]") {
    IndexFixture f;
    // A plain Project has no index hook: the coding reaches the file, not the index.
    f.b.code(f.p03, "café résumé workshop", "Late/Arrival");
    CHECK(f.index->rebuild_reason(f.b.file()) == std::optional<std::string>("stale"));
    CHECK(reopen_and_ensure(f) == std::optional<std::string>("stale"));
    index::Filters late;
    late.codes = {"Late"};
    CHECK(f.search("", late) == std::vector<Where>{f.turn(f.p03, "The café")});
}

TEST_CASE("a change to an index that was already stale rebuilds it rather than patching", "[index][cache]") {
    IndexFixture f;
    f.b.code(f.p03, "café résumé workshop", "Late/Arrival");  // unseen by the index
    core::NullProgress quiet;
    std::optional<std::string> reason;
    auto hook = f.b.project().changed().subscribe(
        [&](const core::ProjectChanged& e) { reason = f.index->update(f.b.file(), e.changes, quiet); });
    f.b.code(f.p01, "Funding from the council", "Macro/Funding");
    CHECK(reason == std::optional<std::string>("stale"));
    index::Filters late;
    late.codes = {"Late", "Macro"};
    CHECK(f.search("", late) == std::vector<Where>{f.turn(f.p01, "Funding"), f.turn(f.p03, "The café")});
}
