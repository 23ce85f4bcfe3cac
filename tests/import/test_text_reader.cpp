// SPDX-License-Identifier: GPL-3.0-or-later
// The .txt/.md reader: encodings, newline policy, NFC, paragraphs, turns, errors.
#include "import_test_support.h"

#include <filesystem>
#include <fstream>

#include "import/sha256.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

std::string utf16(const std::u16string& s, bool big_endian, bool bom) {
    std::string out;
    auto put = [&](char16_t u) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    };
    if (bom) put(0xFEFF);
    for (char16_t u : s) put(u);
    return out;
}

}  // namespace

TEST_CASE("UTF-8 with CRLF and emoji: LF text, code-point spans", "[import][txt]") {
    const auto doc = read_bytes("a.txt", "Interviewer: How are you? \xF0\x9F\x98\x80\r\nP3: Fine, thanks.\r\n");
    CHECK(doc.text == "Interviewer: How are you? \xF0\x9F\x98\x80\nP3: Fine, thanks.\n");
    REQUIRE(doc.paragraphs.size() == 2);
    CHECK(doc.paragraphs[0] == span(0, 27));
    CHECK(doc.paragraphs[1] == span(28, 45));
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].span == span(0, 27));
    CHECK(doc.turns[0].body == span(13, 27));
    CHECK(doc.turns[0].speaker == "Interviewer");
    CHECK(doc.turns[0].is_interviewer);
    CHECK(doc.turns[1].span == span(28, 45));
    CHECK(doc.turns[1].body == span(32, 45));
    CHECK(slice(doc, doc.turns[1].body) == "Fine, thanks.");
    CHECK(doc.turns[1].speaker == "P3");
    CHECK_FALSE(doc.turns[1].is_interviewer);
    CHECK(doc.metadata.at("encoding") == "UTF-8");
    CHECK(doc.metadata.at("format") == "txt");
    CHECK(doc.metadata.at("source_file") == "a.txt");
    CHECK(doc.name == "a");
}

TEST_CASE("lone CR line endings become LF", "[import][txt]") {
    const auto doc = read_bytes("mac.txt", "one\rtwo\r\rthree");
    CHECK(doc.text == "one\ntwo\n\nthree");
    REQUIRE(doc.paragraphs.size() == 2);
    CHECK(slice(doc, doc.paragraphs[0]) == "one\ntwo");
    CHECK(doc.paragraphs[1] == span(9, 14));
}

TEST_CASE("combining marks are composed to NFC before offsets are counted", "[import][txt]") {
    // "Cafe" + U+0301 COMBINING ACUTE, then "R:" turn after it.
    const auto doc = read_bytes("nfc.txt", "Q: Cafe\xCC\x81?\n\nR: Ja, cafe\xCC\x81 \xF0\x9F\x8D\xB5.");
    CHECK(doc.text == "Q: Caf\xC3\xA9?\n\nR: Ja, caf\xC3\xA9 \xF0\x9F\x8D\xB5.");
    REQUIRE(doc.paragraphs.size() == 2);
    CHECK(doc.paragraphs[0] == span(0, 8));
    CHECK(doc.paragraphs[1] == span(10, 24));
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].is_interviewer);
    CHECK(doc.turns[1].speaker == "R");
    CHECK(doc.turns[1].body == span(13, 24));
    CHECK(slice(doc, doc.turns[1].body) == "Ja, caf\xC3\xA9 \xF0\x9F\x8D\xB5.");
}

TEST_CASE("UTF-8 BOM is dropped and reported", "[import][txt]") {
    const auto doc = read_bytes("bom.txt", "\xEF\xBB\xBFI: hello");
    CHECK(doc.text == "I: hello");
    CHECK(doc.metadata.at("encoding") == "UTF-8-BOM");
    REQUIRE(doc.turns.size() == 1);
    CHECK(doc.turns[0].body == span(3, 8));
}

TEST_CASE("UTF-16 with a BOM, both byte orders, astral characters", "[import][txt]") {
    const std::u16string text = u"R: Ol\u00e1 \U0001F44B\r\nI: Tchau";
    for (bool big : {false, true}) {
        const auto doc = read_bytes("u16.txt", utf16(text, big, true));
        CHECK(doc.text == "R: Ol\xC3\xA1 \xF0\x9F\x91\x8B\nI: Tchau");
        CHECK(doc.metadata.at("encoding") == (big ? "UTF-16BE" : "UTF-16LE"));
        REQUIRE(doc.turns.size() == 2);
        CHECK(doc.turns[0].span == span(0, 8));
        CHECK(doc.turns[1].span == span(9, 17));
        CHECK(doc.turns[1].body == span(12, 17));
    }
}

TEST_CASE("UTF-16LE without a BOM is recognised by its NUL pattern", "[import][txt]") {
    const auto doc = read_bytes("nobom.txt", utf16(u"Interviewer: hi there\nP1: hello", false, false));
    CHECK(doc.text == "Interviewer: hi there\nP1: hello");
    CHECK(doc.metadata.at("encoding") == "UTF-16LE");
}

TEST_CASE("Windows-1252 is detected and converted", "[import][txt]") {
    const std::string latin =
        "Interviewer: Qu\xE9 opinas de la formaci\xF3n?\r\n"
        "P2: La formaci\xF3n fue \x93muy \xFAtil\x94 \x96 aprend\xED mucho sobre c\xF3mo hablar con "
        "los pacientes. Tambi\xE9n me ayud\xF3 a entender qu\xE9 es lo m\xE1s importante para "
        "ellos, y c\xF3mo se sienten cuando el m\xE9" "dico no tiene tiempo. \xA1" "Fue genial!\r\n";
    const auto doc = read_bytes("cp1252.txt", latin);
    CHECK(doc.metadata.at("encoding") == "WINDOWS-1252");
    CHECK(doc.text.rfind("Interviewer: Qu\xC3\xA9 opinas de la formaci\xC3\xB3n?\nP2: La formaci\xC3\xB3n fue "
                         "\xE2\x80\x9Cmuy \xC3\xBAtil\xE2\x80\x9D \xE2\x80\x93 aprend\xC3\xAD",
                         0) == 0);
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].span == span(0, 40));
    CHECK(doc.turns[1].span.start.value == 41);
    CHECK(doc.turns[1].speaker == "P2");
}

TEST_CASE("paragraphs: blank-line blocks, hard-wrapped lines joined, long lines split", "[import][txt]") {
    const std::string long_line(120, 'a');
    SECTION("blank lines separate blocks; wrapped lines stay together") {
        const auto doc = read_bytes("p.md", "# Title\n\nFirst line of a\nwrapped paragraph.\n\n\n  Indented last.  \n");
        REQUIRE(doc.paragraphs.size() == 3);
        CHECK(slice(doc, doc.paragraphs[0]) == "# Title");
        CHECK(slice(doc, doc.paragraphs[1]) == "First line of a\nwrapped paragraph.");
        CHECK(doc.paragraphs[2] == span(48, 62));
        CHECK(doc.metadata.at("format") == "md");
    }
    SECTION("lines longer than a wrapped line are paragraphs of their own") {
        const auto doc = read_bytes("p.txt", long_line + "\n" + long_line + "\nshort");
        REQUIRE(doc.paragraphs.size() == 3);
        CHECK(doc.paragraphs[1] == span(121, 241));
        CHECK(doc.paragraphs[2] == span(242, 247));
    }
    SECTION("each labelled line starts a paragraph") {
        const auto doc = read_bytes("p.txt", "Header line\nQ: one\nA: two\nand more");
        REQUIRE(doc.paragraphs.size() == 3);
        CHECK(slice(doc, doc.paragraphs[0]) == "Header line");
        CHECK(slice(doc, doc.paragraphs[2]) == "A: two\nand more");
        REQUIRE(doc.turns.size() == 2);
        CHECK(slice(doc, doc.turns[1].body) == "two\nand more");
    }
}

TEST_CASE("content hash is the SHA-256 of the file bytes", "[import][txt]") {
    const auto doc = read_bytes("h.txt", "abc");
    CHECK(doc.content_hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("SHA-256 known vectors and padding boundaries", "[import][sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(sha256_hex(std::string(55, 'x')) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    CHECK(sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    CHECK(sha256_hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
    CHECK(sha256_hex(std::string(119, 'x')) == "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c");
    CHECK(sha256_hex(std::string(120, 'x')) == "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98");
}

TEST_CASE("bad text input is refused with reason and position", "[import][txt][bad]") {
    SECTION("empty file") {
        const auto e = read_error("empty.txt", "");
        CHECK(e.reason() == "empty file");
        CHECK(e.pos().path == "empty.txt");
        CHECK(std::string(e.what()) == "empty.txt: empty file");
    }
    SECTION("binary file named .txt") {
        const auto e = read_error("image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
        CHECK(e.reason() == "binary file, not text (NUL byte)");
        CHECK(e.pos().offset == 8);
        CHECK(e.pos().line == 3);
        CHECK(e.pos().column == 1);
    }
    SECTION("invalid UTF-8 in an otherwise UTF-8 file") {
        const auto e = read_error("bad.txt", "Hello\nwor\xC3\xA9ld \xFF end");
        CHECK(e.reason() == "invalid UTF-8 (byte 0xFF; no other encoding recognised)");
        CHECK(e.pos().offset == 14);
        CHECK(e.pos().line == 2);
        CHECK(e.pos().column == 8);
        CHECK(std::string(e.what()) == "bad.txt:2:8: invalid UTF-8 (byte 0xFF; no other encoding recognised)");
    }
    SECTION("invalid UTF-8 after a BOM counts the BOM in the byte offset") {
        const auto e = read_error("bad.txt", "\xEF\xBB\xBF" "ab\xC3(");
        CHECK(e.pos().offset == 5);
        CHECK(e.pos().column == 3);
    }
    SECTION("unpaired surrogate in UTF-16") {
        const auto e = read_error("bad16.txt", utf16(u"ok \xD800 no", false, true));
        CHECK(e.reason() == "invalid UTF-16");
        CHECK(e.pos().offset == 8);
    }
    SECTION("unknown extension") {
        const auto e = read_error("x.exe", "MZ");
        CHECK(e.reason().rfind("unsupported file type '.exe' (supported: .txt, .md", 0) == 0);
    }
}

TEST_CASE("read_file reads from disk and reports missing files", "[import][txt]") {
    const auto dir = std::filesystem::temp_directory_path() / "comb-import-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "Interview 1.TXT";
    { std::ofstream(path, std::ios::binary) << "P1: hi"; }
    const auto doc = read_file(path);
    CHECK(doc.name == "Interview 1");
    CHECK(doc.metadata.at("format") == "txt");
    REQUIRE(doc.turns.size() == 1);
    std::filesystem::remove(path);
    CHECK_THROWS_AS(read_file(dir / "missing.txt"), comb::core::InputError);
}
