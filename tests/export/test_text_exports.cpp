// SPDX-License-Identifier: GPL-3.0-or-later
// Text exports (CSV, Markdown, LaTeX, HTML, summary HTML, codebook CSV) compared byte for byte
// with golden files, plus the format rules each must keep whatever the golden file says.
#include <catch2/catch.hpp>

#include <sstream>

#include "export/export_support.h"
#include "export/fixtures.h"
#include "export/registry.h"

using namespace comb;
using comb::tests::TempDir;

namespace {

std::string theme_table_as(const std::string& ext, const exporters::ThemeTableOptions& opts = {}) {
    TempDir dir;
    const auto path = dir / ("table" + ext);
    exporters::write_theme_table(tests::sample_theme_table(), path, opts);
    return tests::read_file(path);
}

std::string side_table_as(const std::string& ext) {
    TempDir dir;
    const auto path = dir / ("table" + ext);
    exporters::ThemeTableOptions opts;
    opts.layout = exporters::ThemeTableLayout::barriers_facilitators;
    exporters::write_theme_table(tests::sample_side_table(), path, opts);
    return tests::read_file(path);
}

std::string summary_html() {
    TempDir dir;
    exporters::write_summary(tests::sample_summary(), dir / "summary.html");
    return tests::read_file(dir / "summary.html");
}

std::string codebook_csv() {
    TempDir dir;
    exporters::write_codebook(tests::sample_codebook(), dir / "codebook.csv");
    return tests::read_file(dir / "codebook.csv");
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("text exports match their golden files", "[export][golden]") {
    SECTION("theme table CSV") { CHECK(tests::golden_mismatch("theme_table.csv", theme_table_as(".csv")) == ""); }
    SECTION("theme table Markdown") { CHECK(tests::golden_mismatch("theme_table.md", theme_table_as(".md")) == ""); }
    SECTION("theme table LaTeX") { CHECK(tests::golden_mismatch("theme_table.tex", theme_table_as(".tex")) == ""); }
    SECTION("theme table LaTeX, barriers and facilitators side by side") {
        CHECK(tests::golden_mismatch("theme_table_bf.tex", side_table_as(".tex")) == "");
    }
    SECTION("theme table HTML") { CHECK(tests::golden_mismatch("theme_table.html", theme_table_as(".html")) == ""); }
    SECTION("summary HTML") { CHECK(tests::golden_mismatch("summary.html", summary_html()) == ""); }
    SECTION("codebook CSV") { CHECK(tests::golden_mismatch("codebook.csv", codebook_csv()) == ""); }
}

TEST_CASE("the same model gives the same bytes in every format", "[export]") {
    for (const char* ext : {".csv", ".md", ".tex", ".html", ".docx", ".xlsx"}) {
        INFO(ext);
        CHECK(theme_table_as(ext) == theme_table_as(ext));
    }
    CHECK(summary_html() == summary_html());
    CHECK(codebook_csv() == codebook_csv());
}

TEST_CASE("theme table CSV follows RFC 4180", "[export][csv]") {
    const auto csv = theme_table_as(".csv");
    SECTION("records end in CRLF and the header comes first") {
        CHECK(csv.rfind("Theme,Subtheme,Level,COM-B,Barrier/Facilitator,Description,"
                        "Illustrative quotes (participant id),n participants\r\n", 0) == 0);
        CHECK(csv.substr(csv.size() - 2) == "\r\n");
    }
    SECTION("quotes are doubled inside quoted fields") {
        CHECK(contains(csv, "It's \"\"pilot\"\" money, always <temporary> & never core. (P3)\","));
    }
    SECTION("a cell's quotes are joined by a blank line, each with its participant id") {
        CHECK(contains(csv, "last past March. (P1)\n\nIt's"));
    }
    SECTION("UTF-8 passes through unchanged, without a byte-order mark") {
        CHECK(contains(csv, "no time \U0001F605 (P4)"));
        CHECK(csv.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
    }
    SECTION("the attribute option names the participant's role") {
        exporters::ThemeTableOptions opts;
        opts.quote_attribute = true;
        CHECK(contains(theme_table_as(".csv", opts), "(P4, MECC trainer)"));
    }
}

TEST_CASE("Markdown cells escape pipes and markup and keep one line per row", "[export][md]") {
    const auto md = theme_table_as(".md");
    CHECK(contains(md, "a pipe \\| in one quote"));
    CHECK(contains(md, "time\\_for training"));
    CHECK(contains(md, "teach \\*very brief\\* advice"));
    CHECK(contains(md, "&lt;temporary&gt; & never core"));
    CHECK(contains(md, "*\u201cWhen the plan came out*<br>*we finally had a mandate.\u201d* (P2)"));
    // Every table line has the same number of unescaped pipes: no cell broke the table.
    std::size_t table_lines = 0;
    std::istringstream in(md);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] != '|') continue;
        ++table_lines;
        int pipes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
        CHECK(pipes == 9);
    }
    CHECK(table_lines == 2 + tests::sample_theme_table().rows.size());
}

TEST_CASE("LaTeX escapes every special character", "[export][tex]") {
    const auto tex = theme_table_as(".tex");
    CHECK(contains(tex, "12-month cycles; \\$ and \\# of posts varied \\textasciitilde{} year"));
    CHECK(contains(tex, "MECC a priority \\{NHS plan\\}"));
    CHECK(contains(tex, "time\\_for training; 50\\% of staff"));
    CHECK(contains(tex, "back\\textbackslash{}slash, a caret \\textasciicircum{} and a pipe \\textbar{}"));
    CHECK(contains(tex, "\\textless{}temporary\\textgreater{} \\& never core"));
    CHECK(contains(tex, "\\textit{``When the plan came out\\newline we finally had a mandate.''} (P2)"));
    CHECK(contains(tex, "no time \\combchar{1F605}"));
    SECTION("landscape is an option") {
        CHECK(contains(tex, "\\usepackage{pdflscape}"));
        exporters::ThemeTableOptions portrait;
        portrait.landscape = false;
        const auto p = theme_table_as(".tex", portrait);
        CHECK_FALSE(contains(p, "landscape"));
        CHECK(contains(p, "\\begin{longtable}"));
    }
}

TEST_CASE("LaTeX barrier/facilitator table: eight columns, codes one a line, blank counts for an empty side", "[export][tex][layout]") {
    const auto tex = side_table_as(".tex");
    CHECK(contains(tex, "\\textbf{Theme} & \\textbf{Subtheme} & \\textbf{Barriers} & \\textbf{COM-B} & "
                        "\\textbf{n participants} & \\textbf{Facilitators} & \\textbf{COM-B} & \\textbf{n participants} \\\\\n"));
    // Two codes on one side: one a line; the other side empty: no count.
    CHECK(contains(tex, " & Short-term funding & Short-term funding\\newline Money \\& 100\\% of staff\\_time & O.Ph & 4 &  &  &  \\\\\n"));
    CHECK(contains(tex, "\\addlinespace[3pt]\n & National policy backing &  &  &  & National policy backing & M.Re & 2 \\\\\n"));
    CHECK(contains(tex, "Leadership \\{mixed\\}\\newline Champions \\#1 & O.So, M.Re & 6"));
    CHECK_FALSE(contains(tex, "Barrier/Facilitator"));
    CHECK_FALSE(contains(tex, "Mixed"));
    // The standard layout is unchanged (its golden file above).
    CHECK(contains(theme_table_as(".tex"), "\\textbf{Barrier\\slash{}Facilitator}"));
}

TEST_CASE("theme table HTML is standalone and escaped", "[export][html]") {
    const auto html = theme_table_as(".html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "It&#39;s \u2018pilot\u2019 money, always &lt;temporary&gt; &amp; never"));  // inner quotes single (issue 14)
    CHECK(contains(html, "<q>When the plan came out<br>we finally had a mandate.</q>"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));
}

TEST_CASE("summary HTML is one self-contained, accessible file", "[export][summary]") {
    const auto html = summary_html();
    SECTION("nothing is fetched or run") {
        CHECK_FALSE(contains(html, "<script"));
        CHECK_FALSE(contains(html, "<link"));
        CHECK_FALSE(contains(html, "<img"));
        CHECK_FALSE(contains(html, "url("));
        CHECK_FALSE(contains(html, "https://"));
    }
    SECTION("prints on A4") {
        CHECK(contains(html, "@page { size: A4;"));
        CHECK(contains(html, "break-inside: avoid"));
    }
    SECTION("charts are labelled images with text descriptions") {
        CHECK(contains(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""));
        CHECK(contains(html, "<title id=\"chart-heat-title\">COM-B by level heat map</title>"));
        CHECK(contains(html, "Organisational: 16 barriers, 6 facilitators."));
        CHECK(contains(html, "Physical opportunity: Macro 6, Organisational 14"));
    }
    SECTION("each level shows barriers and facilitators with counts, COM-B and quotes") {
        CHECK(contains(html, "<h2 id=\"level-2\">Organisational level</h2>"));
        CHECK(contains(html, "<h2 id=\"level-4\">Individual level: MECC agents</h2>"));
        CHECK(contains(html, "Raised by 7 of 9 participants"));
        CHECK(contains(html, "<b>O.Ph</b> Physical opportunity"));
        CHECK(contains(html, "\u2014 P4, MECC trainer"));
        CHECK(contains(html, "No facilitators found at this level."));
        CHECK(contains(html, "&quot;Not my job&quot;"));
        CHECK(contains(html, "&lt;fictional&gt; &amp; demo"));
    }
}

TEST_CASE("codebook CSV spells tags as the CLI does", "[export][csv][codebook]") {
    const auto csv = codebook_csv();
    CHECK(csv.rfind("code,depth,definition,inclusion,exclusion,example,comb,tdf,level,valence,"
                    "n_codings,n_cases,colour\r\n", 0) == 0);
    CHECK(contains(csv, "Resources/Time_for_training,1,"));
    CHECK(contains(csv, "O.Ph; M.Re,Environmental context and resources; Beliefs about consequences,"
                        "organisational,mixed,19,7,\r\n"));
    CHECK(contains(csv, "C.Ps,,individual:trainer,facilitator,6,2,#2CA02C\r\n"));
    CHECK(contains(csv, "\"Budgets, grants, \"\"pilot\"\" money.\""));
}
