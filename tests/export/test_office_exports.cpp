// SPDX-License-Identifier: GPL-3.0-or-later
// DOCX and XLSX exports, checked structurally: the zip is opened with libzip and its XML parts
// parsed with pugixml. (They are also looked at rendered; see the report of issue 6.)
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <string>

#include "export/export_support.h"
#include "export/fixtures.h"
#include "export/registry.h"

using namespace comb;
using comb::tests::TempDir;

namespace {

pugi::xml_document parse_part(const std::filesystem::path& zip, const std::string& part) {
    const auto bytes = tests::zip_entry(zip, part);
    INFO(part);
    REQUIRE(bytes);
    pugi::xml_document doc;
    const auto result = doc.load_string(bytes->c_str());
    INFO(result.description() << " at " << result.offset);
    REQUIRE(result);
    return doc;
}

// All text of the w:t (or t) descendants of a node, concatenated.
std::string text_of(const pugi::xml_node& node, const char* text_element = "w:t") {
    std::string out;
    for (const auto& t : node.select_nodes((std::string(".//") + text_element).c_str())) {
        out += t.node().text().get();
    }
    return out;
}

}  // namespace

TEST_CASE("theme table DOCX is a Word table with a repeating header", "[export][docx]") {
    TempDir dir;
    const auto path = dir / "themes.docx";
    const auto model = tests::sample_theme_table();
    exporters::write_theme_table(model, path);

    const auto entries = tests::zip_entries(path);
    REQUIRE(!entries.empty());
    CHECK(entries.front() == "[Content_Types].xml");
    for (const char* part : {"_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/footer1.xml", "docProps/core.xml"}) {
        INFO(part);
        CHECK(std::find(entries.begin(), entries.end(), part) != entries.end());
    }

    const auto doc = parse_part(path, "word/document.xml");
    const auto body = doc.child("w:document").child("w:body");
    const auto tbl = body.child("w:tbl");
    REQUIRE(tbl);
    CHECK(std::string(tbl.child("w:tblPr").child("w:tblStyle").attribute("w:val").value()) == "CombTable");
    const auto rows = tbl.select_nodes("w:tr");
    REQUIRE(rows.size() == 1 + model.rows.size());

    SECTION("the header row repeats on every page and names the columns") {
        const auto header = rows.first().node();
        CHECK(header.child("w:trPr").child("w:tblHeader"));
        CHECK(text_of(header) == "ThemeSubthemeLevelCOM-BBarrier/FacilitatorDescription"
                                 "Illustrative quotes (participant id)n participants");
        CHECK_FALSE(rows[1].node().child("w:trPr").child("w:tblHeader"));
    }
    SECTION("quotes are italic and followed by the participant id") {
        const auto cell = rows[3].node().select_nodes("w:tc")[6].node();
        const auto paragraphs = cell.select_nodes("w:p");
        REQUIRE(paragraphs.size() == 3);
        const auto first = paragraphs[0].node();
        const auto runs = first.select_nodes("w:r");
        REQUIRE(runs.size() == 2);
        CHECK(runs[0].node().child("w:rPr").child("w:i"));
        CHECK(text_of(runs[0].node()) == "\u201cI'd love to do it, but there's no time \U0001F605\u201d");
        CHECK_FALSE(runs[1].node().child("w:rPr").child("w:i"));
        CHECK(text_of(runs[1].node()) == " (P4)");
    }
    SECTION("a newline in a quote is a line break") {
        const auto cell = rows[2].node().select_nodes("w:tc")[6].node();
        CHECK(cell.select_nodes(".//w:r/w:br").size() == 1);
    }
    SECTION("the page is landscape A4 by default, portrait on request") {
        const auto pg = body.child("w:sectPr").child("w:pgSz");
        CHECK(std::string(pg.attribute("w:orient").value()) == "landscape");
        CHECK(pg.attribute("w:w").as_int() == 16838);
        exporters::ThemeTableOptions portrait;
        portrait.landscape = false;
        exporters::write_theme_table(model, dir / "portrait.docx", portrait);
        const auto p = parse_part(dir / "portrait.docx", "word/document.xml");
        const auto ppg = p.select_node("//w:sectPr/w:pgSz").node();
        CHECK_FALSE(ppg.attribute("w:orient"));
        CHECK(ppg.attribute("w:w").as_int() == 11906);
    }
    SECTION("a caption comes first and the footer states software, coders and date") {
        const auto caption = body.child("w:p");
        CHECK(std::string(caption.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "Caption");
        const auto footer = parse_part(path, "word/footer1.xml");
        CHECK(text_of(footer).rfind("Software: Comb 0.1.0. Coders (2): A. Rahman and B. O'Neill. "
                                    "Date: 2024-05-01.", 0) == 0);
    }
    SECTION("core properties carry the fixed date, not the clock") {
        const auto core = parse_part(path, "docProps/core.xml");
        CHECK(std::string(core.select_node("//dcterms:created").node().text().get()) == "2024-05-01T00:00:00Z");
        CHECK(std::string(core.select_node("//dc:creator").node().text().get()) == "A. Rahman and B. O'Neill");
    }
    SECTION("styles define the table style with a header row") {
        const auto styles = parse_part(path, "word/styles.xml");
        CHECK(styles.select_node("//w:style[@w:styleId='CombTable']/w:tblStylePr[@w:type='firstRow']"));
    }
}

TEST_CASE("codebook DOCX lists every code with its columns", "[export][docx][codebook]") {
    TempDir dir;
    const auto path = dir / "codebook.docx";
    const auto model = tests::sample_codebook();
    exporters::write_codebook(model, path);
    const auto doc = parse_part(path, "word/document.xml");
    const auto rows = doc.select_nodes("//w:tbl/w:tr");
    REQUIRE(rows.size() == 1 + model.rows.size());
    CHECK(rows.first().node().child("w:trPr").child("w:tblHeader"));
    CHECK(text_of(rows.first().node()) == "CodeDefinitionInclude whenExclude whenExampleCOM-B / TDF"
                                          "LevelValenceCodingsCases");
    const auto child = rows[2].node();
    CHECK(text_of(child.select_nodes("w:tc")[0].node()) == "\u25A0 Funding");
    CHECK(child.select_node("w:tc/w:p/w:pPr/w:ind[@w:left='170']"));
    CHECK(text_of(child.select_nodes("w:tc")[5].node()) == "O.PhEnvironmental context and resources");
    CHECK(text_of(child.select_nodes("w:tc")[8].node()) == "12");
}

TEST_CASE("theme table XLSX has a frozen bold header and an About sheet", "[export][xlsx]") {
    TempDir dir;
    const auto path = dir / "themes.xlsx";
    const auto model = tests::sample_theme_table();
    exporters::write_theme_table(model, path);

    const auto workbook = parse_part(path, "xl/workbook.xml");
    const auto sheets = workbook.select_nodes("//sheets/sheet");
    REQUIRE(sheets.size() == 2);
    CHECK(std::string(sheets[0].node().attribute("name").value()) == "Theme table");
    CHECK(std::string(sheets[1].node().attribute("name").value()) == "About");

    const auto sheet = parse_part(path, "xl/worksheets/sheet1.xml");
    const auto pane = sheet.select_node("//sheetViews/sheetView/pane").node();
    CHECK(std::string(pane.attribute("state").value()) == "frozen");
    CHECK(pane.attribute("ySplit").as_int() == 1);
    CHECK(sheet.select_nodes("//sheetData/row").size() == 1 + model.rows.size());
    CHECK(sheet.select_nodes("//cols/col").size() == 8);
    CHECK(sheet.select_node("//autoFilter"));

    const auto strings = parse_part(path, "xl/sharedStrings.xml");
    std::vector<std::string> texts;
    for (const auto& si : strings.select_nodes("//si")) texts.push_back(text_of(si.node(), "t"));
    auto has = [&](const std::string& s) {
        return std::find(texts.begin(), texts.end(), s) != texts.end();
    };
    CHECK(has("Illustrative quotes (participant id)"));
    CHECK(has("Macro: funding & policy"));
    CHECK(has("I'd love to do it, but there's no time \U0001F605 (P4)\n\n"
              "A back\\slash, a caret ^ and a pipe | in one quote. (P5)\n\n"
              "Honestly? We're stretched. (P6)"));
    SECTION("quotes are italic rich text") {
        const auto italic = strings.select_node("//si/r[rPr/i]/t").node();
        CHECK(std::string(italic.text().get()) == "We never knew if the money would last past March.");
    }
    SECTION("the header is bold") {
        const auto styles = parse_part(path, "xl/styles.xml");
        CHECK(styles.select_node("//fonts/font/b"));
        const auto about = parse_part(path, "xl/worksheets/sheet2.xml");
        CHECK(about.select_nodes("//sheetData/row").size() >= 5);
        CHECK(has("Comb 0.1.0"));
        CHECK(has("A. Rahman and B. O'Neill"));
        CHECK(has("2024-05-01"));
    }
    SECTION("the creation time is the report date, so the bytes do not change with the clock") {
        const auto core = parse_part(path, "docProps/core.xml");
        CHECK(std::string(core.select_node("//dcterms:created").node().text().get()) ==
              "2024-05-01T00:00:00Z");
    }
}

TEST_CASE("theme table XLSX in the barrier/facilitator layout", "[export][xlsx][layout]") {
    TempDir dir;
    const auto path = dir / "bf.xlsx";
    const auto model = tests::sample_side_table();
    exporters::ThemeTableOptions opts;
    opts.layout = exporters::ThemeTableLayout::barriers_facilitators;
    exporters::write_theme_table(model, path, opts);

    const auto strings = parse_part(path, "xl/sharedStrings.xml");
    std::vector<std::string> texts;
    for (const auto& si : strings.select_nodes("//si")) texts.push_back(text_of(si.node(), "t"));
    const auto sheet = parse_part(path, "xl/worksheets/sheet1.xml");
    // Each row's cells as the reader sees them: shared strings resolved, numbers as written.
    const auto row_cells = [&](int r) {
        std::vector<std::string> out(8);  // a cell not written stays empty
        const auto row = sheet.select_node(("//sheetData/row[@r='" + std::to_string(r) + "']").c_str()).node();
        for (const auto& c : row.children("c")) {
            const std::string v = c.child_value("v");
            const auto col = static_cast<std::size_t>(c.attribute("r").value()[0] - 'A');
            out.at(col) = std::string(c.attribute("t").value()) == "s" ? texts.at(std::stoul(v)) : v;
        }
        return out;
    };
    CHECK(row_cells(1) == std::vector<std::string>{"Theme", "Subtheme", "Barriers", "COM-B", "n participants",
                                                   "Facilitators", "COM-B", "n participants"});
    // Codes one a line; the count a number; an empty side has empty text and no count.
    CHECK(row_cells(2) == std::vector<std::string>{"Macro: funding & policy", "Short-term funding",
                                                   "Short-term funding\nMoney & 100% of staff_time", "O.Ph", "4", "", "", ""});
    CHECK(row_cells(3) == std::vector<std::string>{"Macro: funding & policy", "National policy backing", "", "", "",
                                                   "National policy backing", "M.Re", "2"});
    CHECK(row_cells(4) == std::vector<std::string>{"Organisational: time, resources, leadership", "Protected time",
                                                   "No protected time\nStaffing pressures", "O.Ph", "5",
                                                   "Built into routine care", "O.Ph, M.Au", "3"});
    CHECK(sheet.select_nodes("//sheetData/row").size() == 1 + model.rows.size());
    CHECK(sheet.select_nodes("//cols/col").size() == 8);
    CHECK(std::string(sheet.select_node("//autoFilter").node().attribute("ref").value()) == "A1:H7");
    CHECK(std::string(sheet.select_node("//sheetViews/sheetView/pane").node().attribute("state").value()) == "frozen");
    // Two lines of codes: the row is tall enough for them.
    const auto row2 = sheet.select_node("//sheetData/row[@r='2']").node();
    CHECK(row2.attribute("ht").as_double() == 33.0);
    CHECK(std::find(texts.begin(), texts.end(), "Barrier/Facilitator") == texts.end());
    // The same model gives the same bytes.
    exporters::write_theme_table(model, dir / "again.xlsx", opts);
    CHECK(tests::read_file(path) == tests::read_file(dir / "again.xlsx"));
}
