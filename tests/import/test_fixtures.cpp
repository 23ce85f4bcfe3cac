// SPDX-License-Identifier: GPL-3.0-or-later
// The fixtures in tests/data/import: one fictional interview written by LibreOffice in several
// formats must import identically, whatever the container.
#include "import_test_support.h"

#include <filesystem>

#include "import/registry.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(COMB_TESTS_DIR) / "data" / "import" / name;
}

}  // namespace

TEST_CASE("fixtures: the MECC interview as html, docx, odt and rtf gives one text", "[import][fixtures]") {
    const std::string expected =
        "MECC stakeholder interview 2\n"
        "Interviewer: How did the training change your conversations with patients?\n"
        "P2: I feel more confident now \xE2\x80\x93 especially about smoking. Caf\xC3\xA9 chats work \xF0\x9F\x98\x80.\n"
        "It takes time, though. Na\xC3\xAFve questions help.\n"
        "Barrier\tTime\nFacilitator\tLeadership\n"
        "Interviewer: Thank you.";
    for (const char* name : {"mecc-interview.html", "mecc-interview.docx", "mecc-interview.odt", "mecc-interview.rtf"}) {
        INFO(name);
        const auto doc = read_file(fixture(name));
        CHECK(doc.text == expected);
        CHECK(doc.paragraphs.size() == 7);
        REQUIRE(doc.turns.size() == 3);
        CHECK(doc.turns[0].span == span(29, 103));
        CHECK(doc.turns[0].body == span(42, 103));
        CHECK(doc.turns[1].span == span(104, 261));
        CHECK(doc.turns[1].body == span(108, 261));
        CHECK(doc.turns[1].speaker == "P2");
        CHECK(doc.turns[2].span == span(262, 285));
        CHECK(doc.turns[2].is_interviewer);
        CHECK(doc.metadata.at("title") == "MECC interview 2");
        CHECK(doc.metadata.at("author") == "Ana Souza");
    }
}

TEST_CASE("fixtures: pdf, vtt and srt samples", "[import][fixtures]") {
    const auto pdf = read_file(fixture("mecc-interview-2pages.pdf"));
    CHECK(pdf.turns.size() == 4);
    CHECK(pdf.text.find("confidential") == std::string::npos);
    CHECK(pdf.text.find("interesting process") != std::string::npos);

    const auto vtt = read_file(fixture("mecc-interview.vtt"));
    CHECK(vtt.text == "Interviewer: How did the training go?\n"
                      "P2: Well, mostly. Time is the real barrier. And leadership helps & matters.");
    REQUIRE(vtt.turns.size() == 2);
    CHECK(vtt.turns[1].time_start == 4.0);
    CHECK(vtt.turns[1].time_end == 9.0);

    const auto srt = read_file(fixture("mecc-interview.srt"));
    CHECK(srt.text == "Interviewer: How did the training go?\nP2: Well, mostly. Time is the real barrier.");
    CHECK(srt.turns.size() == 2);
}
