// SPDX-License-Identifier: GPL-3.0-or-later
// importers::read_batch, the one import both front ends run: all or nothing for the command
// line; with keep_going (the GUI, which then asks) the unreadable files listed beside the
// command for the rest.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.h"
#include "core/progress.h"
#include "import/import_batch.h"
#include "support/temp_dir.h"

using namespace comb;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a batch with an unreadable file imports nothing, or the rest with keep_going", "[import][batch]") {
    test::TempDir dir;
    write(dir / "P05.txt", "Interviewer: Hello?\nP05: Fine, thanks.\n");
    write(dir / "P06.txt", "Interviewer: And you?\nP06: Busy.\n");
    write(dir / "broken.docx", "this is not a zip archive");
    importers::BatchRequest request;
    request.paths = {dir.path()};  // a folder: its files in name order
    core::NullProgress progress;

    SECTION("all or nothing") {
        try {
            importers::read_batch(request, progress);
            FAIL("read_batch did not refuse the batch");
        } catch (const core::InputError& e) {
            const std::string message = e.what();
            CHECK(message.rfind("1 of 3 files could not be read; nothing was imported:\n  ", 0) == 0);
            CHECK(message.find("broken.docx") != std::string::npos);
        }
    }
    SECTION("keep going") {
        request.keep_going = true;
        const auto batch = importers::read_batch(request, progress);
        CHECK(batch.files == 3);
        REQUIRE(batch.failed.size() == 1);
        CHECK(batch.failed[0].find("broken.docx") != std::string::npos);
        CHECK(batch.documents == 2);
        CHECK(batch.turns == 4);
        CHECK(batch.commands.size() == 1);
    }
    SECTION("keep going when no file can be read: no command") {
        request.keep_going = true;
        request.paths = {dir / "broken.docx"};
        const auto batch = importers::read_batch(request, progress);
        CHECK(batch.files == 1);
        CHECK(batch.failed.size() == 1);
        CHECK(batch.documents == 0);
        CHECK(batch.commands.empty());
    }
}
