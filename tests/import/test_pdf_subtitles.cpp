// SPDX-License-Identifier: GPL-3.0-or-later
// The .pdf reader (hand-written PDFs) and the .vtt/.srt reader.
#include "import_test_support.h"
#include "pdf_fixture.h"

using namespace comb::importers;
using namespace comb::importers::test;

TEST_CASE("pdf: reading order, running headers and page numbers removed, paragraphs, turns", "[import][pdf]") {
    const std::string pdf = make_pdf({
        {"Interview 4 - confidential", "Interviewer: How did the training go for you and your",
         "colleagues in the first weeks?", "P4: It was a long and very inter-", "esting process. We learned a lot about",
         "brief conversations.", "A new paragraph after a short line.", "Page 1 of 2"},
        {"Interview 4 - confidential", "Interviewer: And later?", "P4: Later it was easier.", "Page 2 of 2"},
    });
    const auto doc = read_bytes("i.pdf", pdf);
    CHECK(doc.text ==
          "Interviewer: How did the training go for you and your colleagues in the first weeks?\n"
          "P4: It was a long and very interesting process. We learned a lot about brief conversations.\n"
          "A new paragraph after a short line.\nInterviewer: And later?\nP4: Later it was easier.");
    REQUIRE(doc.paragraphs.size() == 5);
    REQUIRE(doc.turns.size() == 4);
    CHECK(doc.turns[1].span == span(85, 212));
    CHECK(doc.turns[1].body == span(89, 212));
    CHECK(doc.metadata.at("pages") == "2");
}

TEST_CASE("pdf: no text layer, not a PDF, damaged", "[import][pdf][bad]") {
    const auto scan = read_error("scan.pdf", make_pdf({{}, {}}));
    CHECK(scan.reason() == "no text layer (scanned PDF?)");
    CHECK(scan.pos().path == "scan.pdf");
    CHECK(read_error("x.pdf", "hello").reason() == "not a PDF file");
    const std::string pdf = make_pdf({{"Some text here"}});
    const auto cut = read_error("cut.pdf", pdf.substr(0, 40));
    CHECK((cut.reason() == "corrupt PDF (cannot be opened)" || cut.reason() == "no text layer (scanned PDF?)"));
}

TEST_CASE("vtt: voices, merged cues, times, markup, skipped blocks", "[import][vtt]") {
    const std::string vtt =
        "WEBVTT - meeting\n\nNOTE a comment\nover two lines\n\n"
        "1\n00:00:01.000 --> 00:00:04.000 align:start\n<v Ana Souza>Hello <b>everyone</b> &amp; welcome.\n\n"
        "00:00:04.500 --> 00:00:06.000\n<v Ana Souza>Let's start.\n\n"
        "00:01:06.000 --> 00:01:09.250\n<v.loud Ben>Thanks, Ana.\n\n"
        "bad --> timing\nnope\n\n"
        "01:00:01:10.000 --> 00:01:12.000\nbroken\n\n"
        "00:01:10.000 --> 00:01:12.000\nInterviewer: Next\nquestion?\n";
    const auto doc = read_bytes("m.vtt", vtt);
    CHECK(doc.text == "Ana Souza: Hello everyone & welcome. Let's start.\nBen: Thanks, Ana.\nInterviewer: Next question?");
    REQUIRE(doc.turns.size() == 3);
    CHECK(doc.turns[0].speaker == "Ana Souza");
    CHECK(doc.turns[0].span == span(0, 49));
    CHECK(doc.turns[0].body == span(11, 49));
    CHECK(doc.turns[0].time_start == 1.0);
    CHECK(doc.turns[0].time_end == 6.0);
    CHECK(doc.turns[1].speaker == "Ben");
    CHECK(doc.turns[1].time_start == 66.0);
    CHECK(doc.turns[1].time_end == 69.25);
    CHECK(doc.turns[2].is_interviewer);
    CHECK(doc.turns[2].time_start == 70.0);
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings[0] == "skipped 2 blocks without a valid cue timing");
}

TEST_CASE("srt: cues, Name: prefixes, tags", "[import][srt]") {
    const std::string srt =
        "1\r\n00:00:01,000 --> 00:00:02,500\r\nP1: First line\r\nsecond line\r\n\r\n"
        "2\r\n00:00:03,000 --> 00:00:04,000\r\nP1: more\r\n\r\n"
        "3\r\n00:00:05,000 --> 00:00:06,000\r\n<i>Q: Why?</i>\r\n";
    const auto doc = read_bytes("s.srt", srt);
    CHECK(doc.text == "P1: First line second line more\nQ: Why?");
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].time_start == 1.0);
    CHECK(doc.turns[0].time_end == 4.0);
    CHECK(doc.turns[1].speaker == "Q");
    CHECK(doc.turns[1].body == span(35, 39));
}

TEST_CASE("subtitles: bad input", "[import][vtt][bad]") {
    const auto e = read_error("x.vtt", "1\n00:00:01.000 --> 00:00:02.000\nhi\n");
    CHECK(e.reason() == "not a WebVTT file (first line must be WEBVTT)");
    CHECK(e.pos().line == 1);
    CHECK(read_error("x.srt", "just some text\n").reason() == "no subtitle cues found");
}
