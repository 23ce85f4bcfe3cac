// SPDX-License-Identifier: GPL-3.0-or-later
// The passage text files beside the shards (text0, text1): damaged, cut short or missing,
// they mean "rebuild", never a wrong snippet; incremental updates keep them consistent.
#include <fstream>

#include "index_fixture.h"

using namespace comb;
using comb::test::IndexFixture;
using comb::test::Where;
namespace fs = std::filesystem;

namespace {

const std::string kCafe = "The café résumé workshop was about weight management.";

std::vector<fs::path> text_files(const IndexFixture& f) {
    std::vector<fs::path> out;
    for (int i = 0; fs::exists(f.folder() / ("text" + std::to_string(i))); ++i) out.push_back(f.folder() / ("text" + std::to_string(i)));
    return out;
}

std::uintmax_t total_size(const IndexFixture& f) {
    std::uintmax_t n = 0;
    for (const auto& p : text_files(f)) n += fs::file_size(p);
    return n;
}

void reopen(IndexFixture& f) {
    f.index.reset();
    f.index = std::make_unique<index::PassageIndex>(f.folder());
}

// After a rebuild, the café passage is found with its own text and snippet.
void check_cafe(IndexFixture& f) {
    const auto hits = f.index->search({"café", {}, 20, std::nullopt});
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].text == kCafe);
    CHECK(hits[0].snippet == "The «café» résumé workshop was about weight management.");
}

}  // namespace

TEST_CASE("the index keeps one passage text file per shard", "[index][cache][texts]") {
    IndexFixture f;
    CHECK(text_files(f).size() == 2);
    check_cafe(f);
}

TEST_CASE("a passage text file cut short or missing means rebuild", "[index][cache][texts]") {
    IndexFixture f;
    f.index.reset();
    SECTION("cut short by one byte") {
        for (const auto& p : text_files(f)) {
            if (fs::file_size(p) > 0) fs::resize_file(p, fs::file_size(p) - 1);
        }
    }
    SECTION("removed") { fs::remove(f.folder() / "text1"); }
    reopen(f);
    const auto reason = f.index->rebuild_reason(f.b.file());
    REQUIRE(reason);
    CHECK(reason->rfind("corrupt: text", 0) == 0);
    core::NullProgress quiet;
    f.index->ensure_current(f.b.file(), quiet, nullptr);
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
    check_cafe(f);
}

TEST_CASE("a damaged passage text fails the search and marks the index corrupt, never a wrong snippet",
          "[index][cache][texts]") {
    IndexFixture f;
    f.index.reset();
    for (const auto& p : text_files(f)) {
        std::fstream io(p, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(static_cast<std::size_t>(fs::file_size(p)), '\x5a');
        io.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    reopen(f);
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));  // sizes are right; the bytes are not
    CHECK_THROWS_AS(f.index->search({"café", {}, 20, std::nullopt}), core::IndexError);
    const auto reason = f.index->rebuild_reason(f.b.file());
    REQUIRE(reason);
    CHECK(reason->find("checksum") != std::string::npos);
    core::NullProgress quiet;
    f.index->ensure_current(f.b.file(), quiet, nullptr);
    check_cafe(f);
}

TEST_CASE("updates append re-indexed passages' texts, and a reopened index reads them", "[index][cache][texts]") {
    IndexFixture f;
    core::NullProgress quiet;
    auto hook = f.b.project().changed().subscribe(
        [&](const core::ProjectChanged& e) { CHECK_FALSE(f.index->update(f.b.file(), e.changes, quiet)); });
    const auto before = fs::file_size(f.folder() / "text0");
    const auto built = total_size(f);
    f.b.code(f.p03, "café résumé workshop", "Late/Arrival");
    f.b.project().undo();
    f.b.project().redo();
    CHECK(fs::file_size(f.folder() / "text0") == before + 3 * kCafe.size());
    hook.reset();
    reopen(f);
    CHECK_FALSE(f.index->rebuild_reason(f.b.file()));
    check_cafe(f);
    index::Filters late;
    late.codes = {"Late"};
    CHECK(f.search("", late) == std::vector<Where>{f.turn(f.p03, "The café")});

    SECTION("a rebuild compacts the files again") {
        f.index->rebuild(f.b.file(), quiet);
        CHECK(total_size(f) == built);
        check_cafe(f);
    }
}

// Index format 3 has no unique term per passage: an update finds the passage it replaces
// among its document's by the start in the order value. A miss would add a second copy.
TEST_CASE("a coding replaces its passages in place: no passage is indexed twice", "[index][cache][texts]") {
    IndexFixture f;
    core::NullProgress quiet;
    auto hook = f.b.project().changed().subscribe(
        [&](const core::ProjectChanged& e) { CHECK_FALSE(f.index->update(f.b.file(), e.changes, quiet)); });
    const auto passages = f.index->stats().passages;
    REQUIRE(passages == 10);
    f.b.code(f.p01, "Our manager supports", "Probe/One");
    f.b.code(f.p01, "Funding from the council", "Probe/Two");  // a second passage of the same document
    f.b.code(f.p03, "café résumé workshop", "Probe/One");
    f.b.project().undo();
    f.b.project().redo();
    CHECK(f.index->stats().passages == passages);
    index::Filters probe;
    probe.codes = {"Probe"};
    CHECK(f.search("", probe) == std::vector<Where>{f.turn(f.p01, "Our manager"), f.turn(f.p01, "Funding from"),
                                                    f.turn(f.p03, "The café")});
    index::Filters one;
    one.codes = {"Probe/One"};
    CHECK(f.search("", one) == std::vector<Where>{f.turn(f.p01, "Our manager"), f.turn(f.p03, "The café")});
    CHECK(f.search("council", one).empty());
    hook.reset();
}
