// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and damaged containers: each is refused with the exact reason (and position where
// the format has one), never half-read. Text-level bad input (empty, binary, invalid UTF-8)
// is in test_text_reader.cpp; scanned PDFs in test_pdf_subtitles.cpp.
#include "import_test_support.h"
#include "zip_fixture.h"

#include <chrono>
#include <cstring>

#include "import/zip_reader.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

// A zip source producing `total` spaces without holding them in memory.
struct Spaces {
    zip_uint64_t total = 0;
    zip_uint64_t done = 0;
};

zip_int64_t spaces_callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* s = static_cast<Spaces*>(user);
    switch (cmd) {
        case ZIP_SOURCE_OPEN: s->done = 0; return 0;
        case ZIP_SOURCE_READ: {
            const zip_uint64_t n = std::min(len, s->total - s->done);
            std::memset(data, ' ', n);
            s->done += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = s->total;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: std::memset(data, 0, 2 * sizeof(int)); return 2 * sizeof(int);
        case ZIP_SOURCE_CLOSE: case ZIP_SOURCE_FREE: return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
    }
}

// A .docx whose word/document.xml is `size` spaces, compressed with `method`.
std::string make_bomb(zip_uint64_t size, zip_int32_t method) {
    const auto path = temp_path("bomb.docx");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    Spaces spaces{size, 0};
    zip_source_t* source = zip_source_function(archive, spaces_callback, &spaces);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, "word/document.xml", source, 0);
    REQUIRE(index >= 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 9);
    REQUIRE(zip_close(archive) == 0);
    std::string bytes = read_whole_file(path);
    std::filesystem::remove(path);
    return bytes;
}

// The 1.1 GB bomb takes seconds to compress, so it is made once per machine and kept.
std::string cached_bzip2_bomb() {
    const auto path = std::filesystem::temp_directory_path() / "comb-import-bomb-bzip2-1100MiB.docx";
    if (std::filesystem::exists(path)) return read_whole_file(path);
    std::string bytes = make_bomb(1100ull << 20, ZIP_CM_BZIP2);
    std::ofstream(path, std::ios::binary) << bytes;
    return bytes;
}

}  // namespace

TEST_CASE("a zip bomb of a few KB expanding past 1 GB is refused without inflating it", "[import][docx][bad]") {
    if (!zip_compression_method_supported(ZIP_CM_BZIP2, 1)) {
        WARN("libzip without bzip2: bomb not generated");
        return;
    }
    const std::string bomb = cached_bzip2_bomb();
    CHECK(bomb.size() < 8 * 1024);
    const auto started = std::chrono::steady_clock::now();
    const auto e = read_error("bomb.docx", bomb);
    const auto elapsed = std::chrono::steady_clock::now() - started;
    CHECK(e.reason() == "zip entry word/document.xml is too large (1153433600 bytes)");
    CHECK(std::string(e.what()) == "bomb.docx: zip entry word/document.xml is too large (1153433600 bytes)");
    // Inflating 1.1 GB of bzip2 takes seconds; refusing from the declared size takes nothing.
    CHECK(elapsed < std::chrono::seconds(1));
}

TEST_CASE("an entry under the size cap but with a bomb's compression ratio is refused", "[import][docx][bad]") {
    const auto e = read_error("ratio.docx", make_bomb(32ull << 20, ZIP_CM_DEFLATE));
    CHECK(e.reason().rfind("zip entry word/document.xml has a compression ratio of ", 0) == 0);
    CHECK(e.reason().find(":1 (zip bomb?)") != std::string::npos);
}

TEST_CASE("zip entries that escape the archive refuse the whole file", "[import][docx][bad]") {
    for (const std::string name : {"../evil.txt", "word/../../evil.txt", "/etc/passwd", "word\\..\\..\\evil.txt",
                                   "C:\\evil.txt"}) {
        INFO(name);
        const std::string zip = make_zip({{"word/document.xml", docx_document(wp("fine"))}, {name, "x"}});
        const auto e = read_error("slip.docx", zip);
        CHECK(e.reason() == "unsafe path in zip entry: " + name);
        CHECK(read_error("slip.odt", make_odt("<text:p>x</text:p>", {{name, "x"}})).reason() ==
              "unsafe path in zip entry: " + name);
    }
}

TEST_CASE("truncated and corrupt containers", "[import][docx][odt][bad]") {
    const std::string docx = make_docx(wp("Some words to fill the document a little."));
    SECTION("truncated: the central directory is gone") {
        const auto e = read_error("cut.docx", docx.substr(0, docx.size() / 2));
        CHECK(e.reason() == "truncated or corrupt zip archive (no central directory)");
        CHECK(e.pos().path == "cut.docx");
    }
    SECTION("a damaged entry fails its CRC") {
        std::string zip = make_zip({{"word/document.xml", docx_document(wp("Hello"))}}, ZIP_CM_STORE);
        zip[zip.find("Hello")] = 'J';
        CHECK(read_error("crc.docx", zip).reason() == "corrupt zip entry word/document.xml (CRC error)");
    }
    SECTION("not a zip at all") {
        CHECK(read_error("text.docx", "Interviewer: hi").reason() == "not a zip archive");
    }
    SECTION("a zip without the main part") {
        CHECK(read_error("other.docx", make_zip({{"a.txt", "x"}})).reason() ==
              "not a Word document (missing word/document.xml)");
        CHECK(read_error("other.odt", make_zip({{"a.txt", "x"}})).reason() ==
              "not an OpenDocument text (missing content.xml)");
    }
}

TEST_CASE("XML with DOCTYPE or ENTITY declarations is refused before parsing", "[import][docx][odt][bad]") {
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>";
    const auto e = read_error("lol.docx", make_zip({{"word/document.xml", laughs}}));
    CHECK(e.reason() == "XML with a DOCTYPE or ENTITY declaration is refused");
    CHECK(e.pos().path == "lol.docx/word/document.xml");
    CHECK(e.pos().line == 2);
    CHECK(e.pos().column == 1);
    CHECK(e.pos().offset == 22);

    const std::string external = "<?xml version=\"1.0\"?><!ENTITY xxe SYSTEM \"file:///etc/passwd\">" + odt_content("");
    const auto o = read_error("xxe.odt", make_zip({{"content.xml", external}}));
    CHECK(o.reason() == "XML with a DOCTYPE or ENTITY declaration is refused");
    CHECK(o.pos().path == "xxe.odt/content.xml");
    CHECK(o.pos().column == 22);
    // Also in a part read for metadata only.
    const auto c = read_error("core.docx", make_docx(wp("x"), {{"docProps/core.xml", "<!DOCTYPE x><x/>"}}));
    CHECK(c.pos().path == "core.docx/docProps/core.xml");
}

TEST_CASE("malformed XML names the part, line and column", "[import][docx][bad]") {
    const std::string xml = "<?xml version=\"1.0\"?>\n<w:document><w:body>\n  <w:p></w:body></w:document>";
    const auto e = read_error("bad.docx", make_zip({{"word/document.xml", xml}}));
    CHECK(e.reason() == "malformed XML (Start-end tags mismatch)");
    CHECK(e.pos().path == "bad.docx/word/document.xml");
    CHECK(e.pos().line == 3);
}

TEST_CASE("an enormous line is read in linear time", "[import][txt][bad]") {
    std::string big = "P1: ";
    for (int i = 0; i < 1'000'000; ++i) big += "word ";
    ReadOptions options;
    options.speaker_patterns = {R"(((?:\w+ ?)+):)"};  // backtracks badly on long input
    const auto started = std::chrono::steady_clock::now();
    const auto doc = read_bytes("big.txt", big, options);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
    CHECK(doc.paragraphs.size() == 1);
    REQUIRE(doc.turns.size() == 1);
    CHECK(doc.turns[0].speaker == "P1");
}
