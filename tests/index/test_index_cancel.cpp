// SPDX-License-Identifier: GPL-3.0-or-later
// Cancelling a rebuild: the shards stop within a document, the temporary folder goes, and
// the index is left exactly as it was (still answering, or still "missing").
#include <atomic>

#include "index_fixture.h"
#include "support/build_folders.h"

using namespace comb;
using comb::test::IndexFixture;
using comb::test::Where;
namespace fs = std::filesystem;

namespace {

// Says "cancelled" once `documents` polls have answered "go on": the shards poll once per
// document, so that many documents are indexed before the build stops.
class CancelAfter final : public core::Progress {
public:
    explicit CancelAfter(int documents) : left_(documents) {}
    void start(const std::string&, std::int64_t) override {}
    void advance(std::int64_t) override {}
    void finish() override {}
    bool cancelled() const override {
        ++polls_;
        return left_.fetch_sub(1) <= 0;
    }
    int polls() const { return polls_; }

private:
    mutable std::atomic<int> left_;
    mutable std::atomic<int> polls_{0};
};

}  // namespace

TEST_CASE("a cancelled rebuild throws Cancelled and leaves the index as it was", "[index][cache][cancel]") {
    IndexFixture f;
    const std::vector<Where> before = f.search("training");
    REQUIRE(before.size() == 4);

    SECTION("a current index still answers") {
        CancelAfter cancel(1);
        CHECK_THROWS_AS(f.index->rebuild(f.b.file(), cancel), core::Cancelled);
        CHECK(cancel.polls() >= 2);  // one document went on, the next poll stopped the build
        CHECK(test::build_folders_beside(f.folder()).empty());
        CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
        CHECK(f.search("training") == before);
        CHECK(f.index->stats().passages == 10);
        // Reopened from disk, it is the same complete index.
        f.index = std::make_unique<index::PassageIndex>(f.folder());
        CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
        CHECK(f.search("training") == before);
    }
    SECTION("a missing index stays missing") {
        f.index.reset();
        fs::remove_all(f.folder());
        f.index = std::make_unique<index::PassageIndex>(f.folder());
        REQUIRE(f.index->rebuild_reason(f.b.file()) == std::optional<std::string>("missing"));
        CancelAfter cancel(2);
        CHECK_THROWS_AS(f.index->rebuild(f.b.file(), cancel), core::Cancelled);
        CHECK(test::build_folders_beside(f.folder()).empty());
        CHECK_FALSE(fs::exists(f.folder()));
        CHECK(f.index->rebuild_reason(f.b.file()) == std::optional<std::string>("missing"));
        // Not cancelled, the same index builds and answers as before.
        core::NullProgress quiet;
        f.index->rebuild(f.b.file(), quiet);
        CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
        CHECK(f.search("training") == before);
    }
}
