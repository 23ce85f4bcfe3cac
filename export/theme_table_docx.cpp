// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as a Word document: a caption, one real table (CombTable style, header row
// repeated on every page, a rule between themes, a theme's name on its first row only), quotes
// in italics each followed by its participant id, notes below (COM-B legend, quote rule,
// provenance), and a page footer stating software, coders and date (COREQ 24-29).
#include <string>

#include "export/docx_package.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::vector<docx::Column> columns(bool landscape) {
    // Shares of the text width: quotes and descriptions carry the text, and the others must
    // still hold their longest word ("Organisational", "Facilitator", "participants").
    static const int wide[] = {11, 10, 10, 7, 9, 20, 25, 8};
    static const int narrow[] = {12, 11, 12, 8, 11, 16, 20, 10};
    const int* weights = landscape ? wide : narrow;
    std::vector<docx::Column> out;
    const auto& headings = text::theme_table_headings();
    for (std::size_t i = 0; i < headings.size(); ++i) {
        out.push_back({headings[i], weights[i], i + 1 == headings.size()});
    }
    return out;
}

std::string text_cell(const std::string& s, bool bold = false) {
    return s.empty() ? std::string() : docx::paragraph("TableText", bold ? docx::bold_run(s) : docx::run(s));
}

std::string quotes_cell(const ThemeRow& row, const ThemeTableOptions& options) {
    std::string out;
    for (const auto& q : row.quotes) {
        std::string runs = docx::italic_run("\u201c" + q.text + "\u201d");
        const auto who = text::attribution(q, options.quote_attribute);
        if (!who.empty()) runs += docx::run(" (" + who + ")");
        out += docx::paragraph("TableText", runs);
    }
    return out;
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

std::string notes(const ThemeTable& table) {
    std::string out;
    const auto used = text::comb_used(table);
    if (!used.empty()) {
        out += docx::paragraph("TableNote", docx::italic_run("COM-B: ") +
                                                docx::run(text::comb_legend(used) + "."));
    }
    if (!table.meta.quote_rule.empty()) {
        out += docx::paragraph("TableNote", docx::run(table.meta.quote_rule));
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
               docx::table(columns(options.landscape), body_rows(table, options), options.landscape) +
               notes(table);
    file.write(docx::package(doc));
}

}  // namespace comb::exporters
