// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, seen in exported files: quotes holding quotation marks, DOCX column widths that
// broke words, the summary heat map's clipped labels, and the barrier/facilitator layout.
#include <catch2/catch.hpp>

#include <regex>

#include "export/docx_package.h"
#include "export/export_support.h"
#include "export/fixtures.h"
#include "export/registry.h"
#include "export/text_format.h"

using namespace comb;
using comb::tests::TempDir;

namespace {

exporters::ThemeTable table_with_sides() {
    auto table = tests::sample_theme_table();
    for (auto& row : table.rows) {
        row.barriers = {{"No protected time", "Staffing pressures"}, {core::ComB::O_Ph}, 5};
        row.facilitators = {};
    }
    table.rows[0].facilitators = {{"Built into routine care"}, {core::ComB::O_Ph, core::ComB::M_Au}, 3};
    return table;
}

std::string written(const exporters::ThemeTable& table, const std::string& ext, exporters::ThemeTableOptions options) {
    TempDir dir;
    exporters::write_theme_table(table, dir / ("t" + ext), options);
    return tests::read_file(dir / ("t" + ext));
}

std::vector<int> grid_columns(const std::string& xml) {
    std::vector<int> out;
    const std::regex col("<w:gridCol w:w=\"([0-9]+)\"/>");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), col); it != std::sregex_iterator(); ++it) {
        out.push_back(std::stoi((*it)[1]));
    }
    return out;
}

}  // namespace

TEST_CASE("a quote's own double quotation marks become single ones", "[export][quotes]") {
    using exporters::text::inner_quotes;
    CHECK(inner_quotes("He said \"you're on the rent.\"") == "He said \u2018you're on the rent.\u2019");
    CHECK(inner_quotes("\u201cNot my job\u201d, she said") == "\u2018Not my job\u2019, she said");
    CHECK(inner_quotes("(\"quiet\") no marks") == "(\u2018quiet\u2019) no marks");
    CHECK(inner_quotes("plain") == "plain");
    auto table = tests::sample_theme_table();
    table.rows[0].quotes.at(0).text = "They said \"you're on the rent.\"";
    const auto md = written(table, ".md", {});
    CHECK(md.find("*\u201cThey said \u2018you're on the rent.\u2019\u201d*") != std::string::npos);
    CHECK(md.find("rent.\"") == std::string::npos);
}

TEST_CASE("DOCX columns are at least as wide as their longest word", "[export][docx]") {
    exporters::ThemeTableOptions portrait;
    portrait.landscape = false;
    TempDir dir;
    auto table = tests::sample_theme_table();
    table.rows[0].level = core::LevelTag{core::Level::organisational, ""};
    exporters::write_theme_table(table, dir / "t.docx", portrait);
    const auto xml = tests::zip_entry(dir / "t.docx", "word/document.xml").value();
    const auto widths = grid_columns(xml);
    REQUIRE(widths.size() == 8);
    // Level holds "Organisational"; the last column's heading is "n participants".
    CHECK(widths[2] >= exporters::docx::words_width({"Organisational"}, false, false));
    CHECK(widths[7] >= exporters::docx::words_width({"participants"}, false, true));
    CHECK(exporters::docx::words_width({"Organisational"}, false, false) == 14 * 88 + 154);
    int total = 0;
    for (const int w : widths) total += w;
    CHECK(total == 11906 - 2 * 1134);  // still the text width exactly
}

TEST_CASE("the summary heat map has room for its longest row label", "[export][summary]") {
    TempDir dir;
    exporters::write_summary(tests::sample_summary(), dir / "s.html");
    const auto html = tests::read_file(dir / "s.html");
    // Labels end at x = 280 (anchored at their end), "Psychological capability (C.Ps)" needs ~260.
    CHECK(html.find("<text x=\"280\"") != std::string::npos);
    CHECK(html.find("<text x=\"186\"") == std::string::npos);
}

TEST_CASE("the theme table can put barriers and facilitators side by side", "[export][layout]") {
    const auto table = table_with_sides();
    exporters::ThemeTableOptions sides;
    sides.layout = exporters::ThemeTableLayout::barriers_facilitators;
    const auto md = written(table, ".md", sides);
    CHECK(md.find("| Theme | Subtheme | Barriers | COM-B | n participants | Facilitators | COM-B | n participants |\n"
                  "|---|---|---|---|--:|---|---|--:|\n") != std::string::npos);
    CHECK(md.find(" | No protected time; Staffing pressures | O.Ph | 5 | Built into routine care | O.Ph, M.Au | 3 |\n") !=
          std::string::npos);
    CHECK(md.find("Mixed") == std::string::npos);
    const auto csv = written(table, ".csv", sides);
    CHECK(csv.rfind("Theme,Subtheme,Barriers,COM-B,n participants,Facilitators,COM-B,n participants\r\n", 0) == 0);
    const auto html = written(table, ".html", sides);
    CHECK(html.find("<th scope=\"col\">Facilitators</th>") != std::string::npos);
    CHECK(html.find("<td>No protected time<br>Staffing pressures</td>") != std::string::npos);
    TempDir dir;
    exporters::write_theme_table(table, dir / "t.docx", sides);
    const auto xml = tests::zip_entry(dir / "t.docx", "word/document.xml").value();
    CHECK(grid_columns(xml).size() == 8);
    CHECK(xml.find("Built into routine care") != std::string::npos);
    // The standard layout is unchanged.
    CHECK(written(table, ".md", {}).find("Barrier/Facilitator") != std::string::npos);
}

TEST_CASE("the barrier/facilitator layout's notes say what each side holds, not the quote rule", "[export][layout]") {
    const auto table = table_with_sides();
    REQUIRE_FALSE(table.meta.quote_rule.empty());
    exporters::ThemeTableOptions sides;
    sides.layout = exporters::ThemeTableLayout::barriers_facilitators;
    const std::string note = exporters::text::theme_table_note(table, sides);
    CHECK(note ==
          "Barriers: the codes of the theme tagged barrier; facilitators: those tagged facilitator (a code tagged "
          "mixed is on both sides). COM-B and n participants are those of the codes on that side.");
    CHECK(exporters::text::theme_table_note(table, {}) == table.meta.quote_rule);
    const std::string rule_start = table.meta.quote_rule.substr(0, 20);  // "Up to 3 quotes per r"
    for (const char* ext : {".md", ".html", ".tex"}) {
        INFO(ext);
        const auto side = written(table, ext, sides);
        CHECK(side.find(rule_start) == std::string::npos);
        CHECK(side.find("Barriers: the codes of the theme tagged barrier") != std::string::npos);
        CHECK(side.find("illustrative quotes") == std::string::npos);  // nor in the title
        CHECK(side.find("Barriers and facilitators by theme, with COM-B mapping") != std::string::npos);
        // The standard layout keeps its quote rule and title.
        const auto standard = written(table, ext, {});
        CHECK(standard.find(rule_start) != std::string::npos);
        CHECK(standard.find("Themes, COM-B mapping and illustrative quotes") != std::string::npos);
    }
    TempDir dir;
    exporters::write_theme_table(table, dir / "t.docx", sides);
    const auto docx = tests::zip_entry(dir / "t.docx", "word/document.xml").value();
    CHECK(docx.find(rule_start) == std::string::npos);
    CHECK(docx.find("Barriers: the codes of the theme tagged barrier") != std::string::npos);
    // XLSX: the About sheet's row is "Columns" with the note, not "Quotes" with the rule.
    exporters::write_theme_table(table, dir / "t.xlsx", sides);
    const auto strings = tests::zip_entry(dir / "t.xlsx", "xl/sharedStrings.xml").value();
    CHECK(strings.find(rule_start) == std::string::npos);
    CHECK(strings.find("<t>Columns</t>") != std::string::npos);
    CHECK(strings.find("Barriers: the codes of the theme tagged barrier") != std::string::npos);
    exporters::write_theme_table(table, dir / "s.xlsx", {});
    CHECK(tests::zip_entry(dir / "s.xlsx", "xl/sharedStrings.xml").value().find(rule_start) != std::string::npos);
}

TEST_CASE("XLSX: count columns hold their heading, About rows are as tall as their wrapped text", "[export][xlsx]") {
    TempDir dir;
    exporters::ThemeTableOptions sides;
    sides.layout = exporters::ThemeTableLayout::barriers_facilitators;
    exporters::write_theme_table(table_with_sides(), dir / "b.xlsx", sides);
    const auto sheet = tests::zip_entry(dir / "b.xlsx", "xl/worksheets/sheet1.xml").value();
    // "n participants" is 14 characters: its columns (E and H) are 15 wide.
    CHECK(sheet.find("<col min=\"5\" max=\"5\" width=\"15.7109375\" customWidth=\"1\"/>") != std::string::npos);
    CHECK(sheet.find("<col min=\"8\" max=\"8\" width=\"15.7109375\" customWidth=\"1\"/>") != std::string::npos);
    const auto about = tests::zip_entry(dir / "b.xlsx", "xl/worksheets/sheet2.xml").value();
    CHECK(about.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);  // one page wide
    // The note (about 170 characters) wraps to three lines in a column 80 wide: 3 x 15 + 3 points.
    CHECK(about.find("ht=\"48\" customHeight=\"1\"") != std::string::npos);
}
