// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// WordprocessingML by hand: small builders for runs, paragraphs and tables, and package() which
// zips a body into a complete .docx (content types, relationships, styles with a table style,
// settings, a footer stating software, coders and date, core properties). The same input gives
// the same bytes: zip entries carry a fixed time taken from the report date. Internal to
// comb_export; no Word knowledge leaks into the writers beyond these calls.
#include <string>
#include <string_view>
#include <vector>

#include "export/report_models.h"

namespace comb::exporters::docx {

// A run of text in the paragraph's style; '\n' becomes a line break, '\t' a tab.
std::string run(std::string_view text);
std::string bold_run(std::string_view text);
std::string italic_run(std::string_view text);
std::string coloured_run(std::string_view text, std::string_view rrggbb);
// A paragraph in a style of package()'s styles.xml: Caption, TableText, TableHeading,
// TableNote, Footer. `runs_xml` is a concatenation of run() results.
std::string paragraph(std::string_view style, std::string_view runs_xml,
                      std::string_view align = {});

struct Column {
    std::string heading;
    int weight = 1;             // share of the text width
    bool align_right = false;  // numbers
    int min_width = 0;          // twips; the column gets at least this, the others give way
};

// The width (twips, cell padding included) a table column needs so that none of `texts`
// breaks inside a word: the longest word at the table's font size, measured generously
// (LibreOffice broke "Organisational" and "participants" in columns sized by share alone).
int words_width(const std::vector<std::string>& texts, bool landscape, bool bold);

struct Row {
    std::vector<std::string> cells;  // each one or more paragraph() results
    bool group_start = false;        // draws a darker rule above: a new theme begins
};

// A table in the CombTable style over the full text width, header row repeated on each page.
std::string table(const std::vector<Column>& columns, const std::vector<Row>& rows,
                  bool landscape);

struct Document {
    std::string title;  // core properties title
    ReportMeta meta;    // footer line and core properties (creator, date)
    bool landscape = true;
    std::string body;  // paragraphs and tables, in order
};

// The .docx file's bytes. Throws core::Error if libzip fails (out of memory).
std::string package(const Document& doc);

}  // namespace comb::exporters::docx
