// SPDX-License-Identifier: GPL-3.0-or-later
// The .html and .rtf readers.
#include "import_test_support.h"

using namespace comb::importers;
using namespace comb::importers::test;

TEST_CASE("html: blocks, breaks, tables, entities, skipped content, metadata", "[import][html]") {
    const std::string html =
        "<!DOCTYPE html><html><head><title>Focus &amp; group</title><meta name=\"author\" content=\"Ana\">"
        "<style>p{color:red}</style><script>var x = \"<p>no</p>\";</script></head>\r\n"
        "<body><!-- comment <p>hidden</p> --><h1>Session   1</h1>\n"
        "<p><strong>Moderator:</strong> Welcome,<br>everyone &mdash; caf&#233; &#x1F600;.</p>\n"
        "<div>P1: Thanks<p>nested</div>\n"
        "<table><tr><th>A</th><td><p>B1</p><p>B2</p></td></tr><tr><td></td><td>C</td></tr></table>\n"
        "<pre>  keep   this\n  too</pre>\n"
        "<P CLASS=x>5 &lt; 6 &unknown; a < b</P></body></html>";
    const auto doc = read_bytes("f.html", html);
    CHECK(doc.text ==
          "Session 1\nModerator: Welcome,\neveryone \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x98\x80.\nP1: Thanks\nnested\n"
          "A\tB1 B2\n\tC\nkeep   this\n  too\n5 < 6 &unknown; a < b");
    REQUIRE(doc.paragraphs.size() == 8);
    CHECK(doc.paragraphs[1] == span(10, 48));
    CHECK(doc.paragraphs[5] == span(75, 77));
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].speaker == "Moderator");
    CHECK(doc.turns[0].is_interviewer);
    CHECK(doc.turns[0].body == span(21, 48));
    CHECK(doc.turns[1].speaker == "P1");
    CHECK(doc.metadata.at("title") == "Focus & group");
    CHECK(doc.metadata.at("author") == "Ana");
    CHECK(doc.metadata.at("format") == "html");
}

TEST_CASE("html: broken markup is read, not refused", "[import][html]") {
    const auto doc = read_bytes("b.htm", "<p>one <b>bold <i>x</p><p>two</b> <a href='x>three");
    CHECK(doc.text == "one bold x\ntwo");
}

TEST_CASE("rtf: text, code pages, unicode, tables, fields, skipped destinations, info", "[import][rtf]") {
    const std::string rtf =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}{\\f1\\fcharset204 Arial Cyr;}}"
        "{\\colortbl;\\red255\\green0\\blue0;}\r\n"
        "{\\stylesheet{\\s0 Normal;}}{\\info{\\title Interview 9}{\\author Ana Souza}{\\creatim\\yr2024\\mo3\\dy1\\hr10\\min5}}\n"
        "{\\*\\generator Test;}{\\header {\\pard Header text\\par}}\n"
        "\\pard{\\b Interviewer:} Caf\\'e9 \\u8212? ok\\par\n"
        "\\pard{\\b P9:}\\tab Emoji \\u-10179?\\u-8704? and {\\f1 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2}\\line next\\par\n"
        "{\\*\\unknown hidden}\\pard A\\cell B\\cell\\row\n"
        "\\pard {\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt link text}}\\par\n"
        "{\\pict\\pngblip\\bin4 {}}} 89504e47}\\pard \\{End\\}\\par}";
    const auto doc = read_bytes("i.rtf", rtf);
    CHECK(doc.text ==
          "Interviewer: Caf\xC3\xA9 \xE2\x80\x94 ok\nP9:\tEmoji \xF0\x9F\x98\x80 and "
          "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\nnext\nA\tB\nlink text\n{End}");
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].span == span(0, 22));
    CHECK(doc.turns[0].body == span(13, 22));
    CHECK(doc.turns[1].speaker == "P9");
    CHECK(doc.turns[1].body == span(27, 70));
    CHECK(doc.metadata.at("title") == "Interview 9");
    CHECK(doc.metadata.at("author") == "Ana Souza");
    CHECK(doc.metadata.at("date") == "2024-03-01T10:05");
}

TEST_CASE("rtf: not RTF, and hostile nesting", "[import][rtf][bad]") {
    CHECK(read_error("x.rtf", "hello").reason() == "not an RTF file (no {\\rtf header)");
    const auto e = read_error("deep.rtf", "{\\rtf1 " + std::string(6000, '{'));
    CHECK(e.reason() == "RTF groups nested too deeply");
    CHECK(e.pos().offset == 5005);
}
