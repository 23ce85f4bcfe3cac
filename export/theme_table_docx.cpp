// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as a Word document: a caption, one real table (CombTable style, header row
// repeated on every page, a rule between themes, a theme's name on its first row only), quotes
// in italics each followed by its participant id, notes below (COM-B legend, quote rule,
// provenance), and a page footer stating software, coders and date (COREQ 24-29).
#include <algorithm>
#include <string>

#include "export/docx_package.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::vector<docx::Column> columns(const ThemeTable& table, bool landscape) {
    // Shares of the text width: quotes and descriptions carry the text. The short columns
    // are at least as wide as their longest word ("Organisational", "participants").
    static const int wide[] = {11, 10, 10, 7, 9, 20, 25, 8};
    static const int narrow[] = {12, 11, 12, 8, 11, 16, 20, 10};
    const int* weights = landscape ? wide : narrow;
    std::vector<docx::Column> out;
    const auto& headings = text::theme_table_headings();
    std::vector<std::vector<std::string>> cells(headings.size());
    for (const auto& row : table.rows) {
        cells[0].push_back(row.theme);
        cells[1].push_back(row.subtheme);
        cells[2].push_back(text::level_label(row.level));
        cells[3].push_back(text::comb_codes(row.comb));
        cells[4].push_back(text::valence_label(row.valence));
        cells[7].push_back(std::to_string(row.n_participants));
    }
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const bool flexible = i == 5 || i == 6;  // description and quotes wrap freely
        const int min = flexible ? 0 : std::max(docx::words_width({headings[i]}, landscape, true),
                                                docx::words_width(cells[i], landscape, i == 0));
        out.push_back({headings[i], weights[i], i + 1 == headings.size(), min});
    }
    return out;
}

std::string text_cell(const std::string& s, bool bold = false) {
    return s.empty() ? std::string() : docx::paragraph("TableText", bold ? docx::bold_run(s) : docx::run(s));
}

std::string quotes_cell(const ThemeRow& row, const ThemeTableOptions& options) {
    std::string out;
    for (const auto& q : row.quotes) {
        std::string runs = docx::italic_run("\u201c" + text::inner_quotes(q.text) + "\u201d");
        const auto who = text::attribution(q, options.quote_attribute);
        if (!who.empty()) runs += docx::run(" (" + who + ")");
        out += docx::paragraph("TableText", runs);
    }
    return out;
}

// The barrier/facilitator layout: codes and COM-B carry the text; counts stay narrow.
std::vector<docx::Column> side_by_side_columns(const ThemeTable& table, bool landscape) {
    // COM-B wide enough for "O.Ph, O.So," on a line; the counts take their heading's longest word.
    static const int weights[] = {13, 13, 20, 11, 6, 20, 11, 6};
    const auto& headings = text::side_by_side_headings();
    std::vector<std::vector<std::string>> cells(headings.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto row = text::side_by_side_cells(table, i);
        for (std::size_t c = 0; c < row.size(); ++c) cells[c].push_back(row[c]);
    }
    std::vector<docx::Column> out;
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const int min = std::max(docx::words_width({headings[i]}, landscape, true), docx::words_width(cells[i], landscape, i == 0));
        out.push_back({headings[i], weights[i], i == 4 || i == 7, min});
    }
    return out;
}

std::vector<docx::Row> side_by_side_rows(const ThemeTable& table) {
    std::vector<docx::Row> rows;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        std::vector<std::string> cells{text_cell(text::starts_theme(table, i) ? row.theme : std::string(), true),
                                       text_cell(row.subtheme)};
        for (const auto* side : {&row.barriers, &row.facilitators}) {
            std::string codes;
            for (const auto& c : side->codes) codes += text_cell(c);
            cells.push_back(codes);
            cells.push_back(text_cell(text::comb_codes(side->comb)));
            cells.push_back(side->codes.empty() ? std::string()
                                                : docx::paragraph("TableText", docx::run(std::to_string(side->n_participants)), "right"));
        }
        rows.push_back({cells, text::starts_theme(table, i)});
    }
    return rows;
}

std::vector<docx::Row> body_rows(const ThemeTable& table, const ThemeTableOptions& options) {
    std::vector<docx::Row> rows;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        const bool first = text::starts_theme(table, i);
        rows.push_back({{first ? text_cell(row.theme, true) : std::string(),
                         text_cell(row.subtheme), text_cell(text::level_label(row.level)),
                         text_cell(text::comb_codes(row.comb)),
                         text_cell(text::valence_label(row.valence)), text_cell(row.description),
                         quotes_cell(row, options),
                         docx::paragraph("TableText",
                                         docx::run(std::to_string(row.n_participants)),
                                         "right")},
                        first});
    }
    return rows;
}

std::string notes(const ThemeTable& table, const ThemeTableOptions& options) {
    std::string out;
    const auto used = text::comb_used(table);
    if (!used.empty()) {
        out += docx::paragraph("TableNote", docx::italic_run("COM-B: ") +
                                                docx::run(text::comb_legend(used) + "."));
    }
    if (const auto note = text::theme_table_note(table, options); !note.empty()) {
        out += docx::paragraph("TableNote", docx::run(note));
    }
    const auto source = text::provenance(table.meta);
    if (!source.empty()) out += docx::paragraph("TableNote", docx::run(source));
    return out;
}

}  // namespace

void write_theme_table_docx(const ThemeTable& table, const ThemeTableOptions& options,
                            AtomicFile& file) {
    docx::Document doc;
    doc.title = text::theme_table_title(table, options);
    doc.meta = table.meta;
    doc.landscape = options.landscape;
    doc.body = docx::paragraph("Caption", docx::run(doc.title)) +
               (options.layout == ThemeTableLayout::barriers_facilitators
                    ? docx::table(side_by_side_columns(table, options.landscape), side_by_side_rows(table), options.landscape)
                    : docx::table(columns(table, options.landscape), body_rows(table, options), options.landscape)) +
               notes(table, options);
    file.write(docx::package(doc));
}

}  // namespace comb::exporters
