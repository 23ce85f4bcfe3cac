// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as CSV: RFC 4180 (CRLF between records, fields quoted when needed, quotes
// doubled), UTF-8 without a byte-order mark. One record per row; a cell's quotes are joined by a
// blank line, each followed by its participant id: `text (P4)`. Theme names repeat on every row
// so the file sorts and filters as data.
#include <string>

#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::string quotes_cell(const ThemeRow& row, const ThemeTableOptions& options) {
    std::string out;
    for (const auto& q : row.quotes) {
        if (!out.empty()) out += "\n\n";
        out += q.text;
        const auto who = text::attribution(q, options.quote_attribute);
        if (!who.empty()) out += " (" + who + ")";
    }
    return out;
}

}  // namespace

void write_theme_table_csv(const ThemeTable& table, const ThemeTableOptions& options,
                           AtomicFile& file) {
    std::string out;
    if (options.layout == ThemeTableLayout::barriers_facilitators) {
        text::append_csv_record(out, text::side_by_side_headings());
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            auto cells = text::side_by_side_cells(table, i);
            cells[0] = table.rows[i].theme;  // as data: the theme on every row
            text::append_csv_record(out, cells);
        }
        file.write(out);
        return;
    }
    text::append_csv_record(out, text::theme_table_headings());
    for (const auto& row : table.rows) {
        text::append_csv_record(out, {row.theme, row.subtheme, text::level_label(row.level),
                            text::comb_codes(row.comb), text::valence_label(row.valence),
                            row.description, quotes_cell(row, options),
                            std::to_string(row.n_participants)});
    }
    file.write(out);
}

}  // namespace comb::exporters
