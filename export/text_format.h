// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared wording and escaping for the writers, so every format says the same thing the same way.
// Internal to comb_export.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/registry.h"
#include "export/report_models.h"

namespace comb::exporters::text {

// ---- Wording

// Column headings of the theme table, in order.
const std::vector<std::string>& theme_table_headings();
// The barrier/facilitator layout: its headings and one row's cells as plain text (codes joined
// by "; ", COM-B codes by ", ", counts as numbers; a side without codes is empty).
const std::vector<std::string>& side_by_side_headings();
std::vector<std::string> side_by_side_cells(const ThemeTable& table, std::size_t row);
std::string theme_table_title(const ThemeTable& table, const ThemeTableOptions& options);
// The note under the table on how its cells were filled: the quote rule for the standard
// layout (empty when the model states none); for the barrier/facilitator layout, which shows
// no quotes, what goes on each side.
std::string theme_table_note(const ThemeTable& table, const ThemeTableOptions& options);
// "Organisational", "Individual (trainer)"; empty for none.
std::string level_label(const std::optional<core::LevelTag>& level);
// "Organisational level", "Individual level: trainer".
std::string level_heading(const core::LevelTag& level);
// "Barrier", "Facilitator", "Mixed", "Neutral"; empty for none.
std::string valence_label(const std::optional<core::Valence>& valence);
// "O.Ph, M.Re"
std::string comb_codes(const std::vector<core::ComB>& comb);
// The COM-B sub-components used anywhere in the rows, in framework order.
std::vector<core::ComB> comb_used(const ThemeTable& table);
// "C.Ph = physical capability; O.Ph = physical opportunity"
std::string comb_legend(const std::vector<core::ComB>& comb);
// "P4" or, with the option, "P4, MECC trainer".
std::string attribution(const Quote& quote, bool with_attribute);
// A quote's own double quotation marks (" “ ”) as single ones (‘ ’), for quotes the report
// wraps in double marks: "the rent."" read as doubled closing marks.
std::string inner_quotes(std::string_view quote);
// "A. Smith and B. Jones"; "A, B and C"
std::string join_names(const std::vector<std::string>& names);
// "Comb 0.1.0; coders: A. Smith and B. Jones; 2024-05-01" and variants when parts are missing.
std::string provenance(const ReportMeta& meta);
// Whether the row starts a theme (its theme differs from the previous row's): display formats
// print a theme's name once, on its first row.
bool starts_theme(const ThemeTable& table, std::size_t row);
// Splits at '\n' (a lone "\r\n" counts as one); keeps empty lines.
std::vector<std::string> lines(std::string_view s);

// ---- Escaping

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string csv_field(std::string_view s);
// Appends one RFC 4180 record: fields quoted as needed, comma-separated, CRLF-terminated.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);
// HTML text and attribute values: & < > " '.
std::string html(std::string_view s);
// XML 1.0 text and attributes: & < > " and characters XML cannot hold dropped.
std::string xml(std::string_view s);
// LaTeX text: \ & % $ # _ { } ~ ^ and the encoding-sensitive < > | " made literal.
std::string tex(std::string_view s);
// A GitHub-flavoured Markdown table cell: pipes and inline markup escaped, newlines as <br>.
std::string markdown_cell(std::string_view s);

}  // namespace comb::exporters::text
