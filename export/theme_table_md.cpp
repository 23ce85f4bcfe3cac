// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as a GitHub-flavoured Markdown table. A theme's name appears on its first row only,
// as in a paper. Cells cannot hold newlines, so line breaks become <br>; quotes are italic, in
// curly quotation marks, each followed by its participant id. Below the table: the COM-B legend,
// the quote rule and the provenance line (software, coders, date).
#include <string>

#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::string quote_markdown(const Quote& q, const ThemeTableOptions& options) {
    // Emphasis must not start or end at a space or a line break, so each line is its own span.
    std::string out;
    const auto parts = text::lines(text::inner_quotes(q.text));
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += "<br>";
        std::string line = parts[i];
        const auto b = line.find_first_not_of(' ');
        line = b == std::string::npos ? "" : line.substr(b, line.find_last_not_of(' ') - b + 1);
        if (i == 0) line = "\u201c" + line;
        if (i + 1 == parts.size()) line += "\u201d";
        if (!line.empty()) out += "*" + text::markdown_cell(line) + "*";
    }
    const auto who = text::attribution(q, options.quote_attribute);
    if (!who.empty()) out += " (" + text::markdown_cell(who) + ")";
    return out;
}

std::string row_line(const ThemeTable& table, std::size_t i, const ThemeTableOptions& options) {
    const auto& row = table.rows[i];
    std::string quotes;
    for (const auto& q : row.quotes) {
        if (!quotes.empty()) quotes += "<br><br>";
        quotes += quote_markdown(q, options);
    }
    const std::string cells[] = {
        text::starts_theme(table, i) ? "**" + text::markdown_cell(row.theme) + "**" : "",
        text::markdown_cell(row.subtheme),
        text::markdown_cell(text::level_label(row.level)),
        text::markdown_cell(text::comb_codes(row.comb)),
        text::markdown_cell(text::valence_label(row.valence)),
        text::markdown_cell(row.description),
        quotes,
        std::to_string(row.n_participants)};
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

}  // namespace

void write_theme_table_md(const ThemeTable& table, const ThemeTableOptions& options,
                          AtomicFile& file) {
    std::string out = "**" + text::markdown_cell(text::theme_table_title(table, options)) + "**\n\n";
    out += "|";
    if (options.layout == ThemeTableLayout::barriers_facilitators) {
        for (const auto& h : text::side_by_side_headings()) out += " " + text::markdown_cell(h) + " |";
        out += "\n|---|---|---|---|--:|---|---|--:|\n";
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            auto cells = text::side_by_side_cells(table, i);
            if (!cells[0].empty()) cells[0] = "**" + text::markdown_cell(cells[0]) + "**";
            out += "|";
            for (std::size_t c = 0; c < cells.size(); ++c) out += " " + (c == 0 ? cells[c] : text::markdown_cell(cells[c])) + " |";
            out += "\n";
        }
    } else {
        for (const auto& h : text::theme_table_headings()) out += " " + text::markdown_cell(h) + " |";
        out += "\n|---|---|---|---|---|---|---|--:|\n";
        for (std::size_t i = 0; i < table.rows.size(); ++i) out += row_line(table, i, options);
    }

    const auto used = text::comb_used(table);
    std::string notes;
    if (!used.empty()) notes += "COM-B: " + text::comb_legend(used) + ".";
    if (const auto note = text::theme_table_note(table, options); !note.empty()) {
        notes += (notes.empty() ? "" : " ") + note;
    }
    if (!notes.empty()) out += "\n" + text::markdown_cell(notes) + "\n";
    const auto source = text::provenance(table.meta);
    if (!source.empty()) out += "\n" + text::markdown_cell(source) + "\n";
    file.write(out);
}

}  // namespace comb::exporters
