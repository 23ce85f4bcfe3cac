// SPDX-License-Identifier: GPL-3.0-or-later
// The .docx and .odt readers on containers built in the test.
#include "import_test_support.h"
#include "zip_fixture.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

const std::string kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string bold_run(const std::string& text) {
    return R"(<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">)" + text + "</w:t></w:r>";
}
std::string run(const std::string& text) { return R"(<w:r><w:t xml:space="preserve">)" + text + "</w:t></w:r>"; }

}  // namespace

TEST_CASE("docx: paragraphs, runs, tabs, breaks, NFC across runs", "[import][docx]") {
    const std::string body = wp("First paragraph") +
                             "<w:p>" + run("Cafe") + run("\xCC\x81 \xF0\x9F\x98\x80") +
                             "<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>next line</w:t></w:r></w:p>"
                             "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>" +
                             wp("Last");
    const auto doc = read_bytes("d.docx", make_docx(body));
    CHECK(doc.text == "First paragraph\nCaf\xC3\xA9 \xF0\x9F\x98\x80\ttabbed\nnext line\nLast");
    REQUIRE(doc.paragraphs.size() == 3);
    CHECK(doc.paragraphs[0] == span(0, 15));
    CHECK(doc.paragraphs[1] == span(16, 39));
    CHECK(doc.paragraphs[2] == span(40, 44));
    CHECK(doc.turns.empty());
    CHECK(doc.metadata.at("format") == "docx");
}

TEST_CASE("docx: tables flattened row by row, cells joined by tab", "[import][docx]") {
    const std::string body = wp("Before") + "<w:tbl><w:tr><w:tc>" + wp("A") + "</w:tc><w:tc>" + wp("B1") + wp("B2") +
                             "</w:tc></w:tr><w:tr><w:tc><w:p/></w:tc><w:tc>" + wp("C") + "</w:tc></w:tr></w:tbl>" +
                             wp("After");
    const auto doc = read_bytes("t.docx", make_docx(body));
    CHECK(doc.text == "Before\nA\tB1 B2\n\tC\nAfter");
    REQUIRE(doc.paragraphs.size() == 4);
    CHECK(doc.paragraphs[1] == span(7, 14));
    CHECK(doc.paragraphs[2] == span(15, 17));
    CHECK(doc.paragraphs[3] == span(18, 23));
}

TEST_CASE("docx: tracked changes accepted, headers and field codes skipped", "[import][docx]") {
    const std::string body =
        "<w:p>" + run("We ") + R"(<w:ins w:id="1" w:author="A">)" + run("really ") +
        R"(</w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>never </w:delText></w:r></w:del>)" + run("agreed.") +
        "</w:p>"
        R"(<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>)"
        R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>)";
    const auto doc = read_bytes("c.docx", make_docx(body, {{"word/header1.xml", "<w:hdr " + kW + ">" + wp("HEADER") + "</w:hdr>"},
                                                           {"word/footer1.xml", "<w:ftr " + kW + ">" + wp("FOOTER") + "</w:ftr>"}}));
    CHECK(doc.text == "We really agreed.\n3");
}

TEST_CASE("docx: comments become memos anchored to their range", "[import][docx]") {
    const std::string body = "<w:p>" + run("P1: I ") + R"(<w:commentRangeStart w:id="0"/>)" + run("loved") +
                             R"(<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>)" +
                             run(" it \xF0\x9F\x98\x80.") + R"(<w:r><w:commentReference w:id="1"/></w:r></w:p>)";
    const std::string comments = "<w:comments " + kW + R"(><w:comment w:id="0" w:author="Ana">)" + wp("Strong emotion") +
                                 wp("code: valence") + R"(</w:comment><w:comment w:id="1" w:author="Ben">)" + wp("point") +
                                 "</w:comment></w:comments>";
    const auto doc = read_bytes("m.docx", make_docx(body, {{"word/comments.xml", comments}}));
    CHECK(doc.text == "P1: I loved it \xF0\x9F\x98\x80.");
    REQUIRE(doc.memos.size() == 2);
    CHECK(doc.memos[0].anchor == span(6, 11));
    CHECK(slice(doc, doc.memos[0].anchor) == "loved");
    CHECK(doc.memos[0].author == "Ana");
    CHECK(doc.memos[0].text == "Strong emotion\ncode: valence");
    CHECK(doc.memos[1].anchor == span(17, 17));  // a comment with no range sits at its reference
    CHECK(doc.memos[1].author == "Ben");
}

TEST_CASE("docx: a bold 'Name:' at a paragraph start is a speaker label", "[import][docx][turns]") {
    const std::string body = "<w:p>" + bold_run("notes:") + "</w:p>" +
                             "<w:p>" + bold_run("maria lopez:") + run(" I think so.") + "</w:p>" +
                             "<w:p>" + bold_run("Interviewer: ") + run("Why?") + "</w:p>" +
                             R"(<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>plain text</w:t></w:r></w:p>)";
    const auto doc = read_bytes("b.docx", make_docx(body));
    CHECK(doc.text == "notes:\nmaria lopez: I think so.\nInterviewer: Why?\nplain text");
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].speaker == "maria lopez");  // only the bold markup makes this a label
    CHECK(doc.turns[0].span == span(7, 31));
    CHECK(doc.turns[0].body == span(20, 31));
    CHECK(doc.turns[1].speaker == "Interviewer");
    CHECK(doc.turns[1].span == span(32, 60));
    CHECK(doc.turns[1].body == span(45, 60));
    CHECK(doc.turns[1].is_interviewer);
}

TEST_CASE("docx: core properties become metadata", "[import][docx]") {
    const std::string core =
        R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
        R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">)"
        R"(<dc:title>Interview 7</dc:title><dc:creator>Ana Souza</dc:creator>)"
        R"(<dcterms:created>2024-03-01T10:00:00Z</dcterms:created></cp:coreProperties>)";
    const auto doc = read_bytes("p.docx", make_docx(wp("x"), {{"docProps/core.xml", core}}));
    CHECK(doc.metadata.at("title") == "Interview 7");
    CHECK(doc.metadata.at("author") == "Ana Souza");
    CHECK(doc.metadata.at("date") == "2024-03-01T10:00:00Z");
}

TEST_CASE("odt: paragraphs, headings, white space, spaces, tabs, line breaks", "[import][odt]") {
    const auto doc = read_bytes("o.odt", make_odt(
        "<text:h>Interview  3</text:h>"
        "<text:p>  Hello \n  <text:span>world</text:span><text:s text:c=\"2\"/>x<text:tab/>y<text:line-break/>z</text:p>"
        "<text:p/>"
        "<text:list><text:list-item><text:p>item e\xCC\x81</text:p></text:list-item></text:list>"
        "<text:p>P2: ok<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note></text:p>"));
    CHECK(doc.text == "Interview 3\nHello world  x\ty\nz\nitem \xC3\xA9\nP2: ok");
    REQUIRE(doc.paragraphs.size() == 4);
    CHECK(doc.paragraphs[1] == span(12, 30));
    CHECK(doc.paragraphs[2] == span(31, 37));
    REQUIRE(doc.turns.size() == 1);
    CHECK(doc.turns[0].body == span(42, 44));
}

TEST_CASE("odt: tables, tracked changes, annotations, meta", "[import][odt]") {
    const std::string text =
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>deleted words</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>kept <text:change text:change-id=\"c1\"/><text:change-start text:change-id=\"c2\"/>new "
        "<text:change-end text:change-id=\"c2\"/>text</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>"
        "<table:table-cell><text:p>B</text:p></table:table-cell></table:table-row></table:table>"
        "<text:p>See <office:annotation office:name=\"a1\"><dc:creator>Ben</dc:creator><text:p>Note this</text:p>"
        "</office:annotation>this part<office:annotation-end office:name=\"a1\"/> here</text:p>";
    const std::string meta =
        R"(<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
        R"(xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">)"
        R"(<office:meta><dc:title>Focus group</dc:title><meta:initial-creator>Ana</meta:initial-creator>)"
        R"(<meta:creation-date>2024-05-02T09:00:00</meta:creation-date></office:meta></office:document-meta>)";
    const auto doc = read_bytes("o.odt", make_odt(text, {{"meta.xml", meta}}));
    CHECK(doc.text == "kept new text\nA\tB\nSee this part here");
    REQUIRE(doc.memos.size() == 1);
    CHECK(doc.memos[0].author == "Ben");
    CHECK(doc.memos[0].text == "Note this");
    CHECK(slice(doc, doc.memos[0].anchor) == "this part");
    CHECK(doc.memos[0].anchor == span(22, 31));
    CHECK(doc.metadata.at("title") == "Focus group");
    CHECK(doc.metadata.at("author") == "Ana");
    CHECK(doc.metadata.at("date") == "2024-05-02T09:00:00");
}

TEST_CASE("odt: a bold span 'Name:' at a paragraph start is a speaker label", "[import][odt][turns]") {
    const std::string content =
        R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
        R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
        R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:automatic-styles>)"
        R"(<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>)"
        R"(<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>)"
        R"(</office:automatic-styles><office:body><office:text>)"
        R"(<text:p><text:span text:style-name="T1">maria lopez:</text:span> I think so.</text:p>)"
        R"(<text:p><text:span text:style-name="T2">ben:</text:span> italic is not a label</text:p>)"
        R"(<text:p><text:span text:style-name="Strong_20_Emphasis">ben:</text:span> ok</text:p>)"
        R"(</office:text></office:body></office:document-content>)";
    const auto doc = read_bytes("b.odt", make_zip({{"content.xml", content}}));
    CHECK(doc.text == "maria lopez: I think so.\nben: italic is not a label\nben: ok");
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].speaker == "maria lopez");
    CHECK(doc.turns[0].span == span(0, 51));
    CHECK(doc.turns[0].body == span(13, 51));
    CHECK(doc.turns[1].speaker == "ben");
    CHECK(doc.turns[1].body == span(57, 59));
}
