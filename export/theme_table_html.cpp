// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as one standalone HTML document: inline CSS, no scripts, nothing fetched. A theme's
// rows share one tbody and its name spans them; quotes are italic <q> elements followed by the
// participant id; COM-B codes carry their full names as <abbr> titles; valence is a labelled
// chip, never colour alone. Prints with the header repeated on every page.
#include <string>

#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1f2933; --muted: #52606d; --rule: #cbd2d9; --head: #f0f4f8; }
* { box-sizing: border-box; }
/* Sizes are in rem, so print scales everything by setting the root size alone. */
html { font-size: 14px; }
body { margin: 2rem; color: var(--ink); font: 1rem/1.45 "Segoe UI", "Helvetica Neue", Arial,
  "Liberation Sans", sans-serif; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; border-top: 2px solid var(--ink);
  border-bottom: 2px solid var(--ink); }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; }
thead th { background: var(--head); border-bottom: 1px solid var(--ink); font-size: .85rem; }
tbody + tbody { border-top: 1px solid var(--rule); }
tbody th { font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.quotes { min-width: 18rem; }
td.quotes p { margin: 0 0 .5rem; }
td.quotes p:last-child { margin-bottom: 0; }
q { font-style: italic; }
.who { color: var(--muted); white-space: nowrap; }
abbr { text-decoration: none; border-bottom: 1px dotted var(--muted); white-space: nowrap; }
.chip { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem;
  border: 1px solid; white-space: nowrap; }
.barrier { color: #8a1c1c; background: #fdecec; border-color: #e8a5a5; }
.facilitator { color: #14532d; background: #e8f6ed; border-color: #9fd4b0; }
.mixed { color: #5b3f00; background: #fff5d6; border-color: #e5c76b; }
.neutral { color: var(--muted); background: #f5f7fa; border-color: var(--rule); }
footer { margin-top: 1rem; color: var(--muted); font-size: .85rem; }
footer p { margin: .25rem 0; }
@media print {
  html { font-size: 9pt; }
  body { margin: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .chip { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

std::string comb_cell(const std::vector<core::ComB>& comb) {
    std::string out;
    for (const auto c : comb) {
        if (!out.empty()) out += ", ";
        out += "<abbr title=\"" + text::html(core::label(c)) + "\">" +
               text::html(core::to_string(c)) + "</abbr>";
    }
    return out;
}

// Text with its line breaks kept.
std::string html_lines(const std::string& s) {
    std::string out;
    for (const auto& line : text::lines(s)) out += (out.empty() ? "" : "<br>") + text::html(line);
    return out;
}

std::string quotes_cell(const ThemeRow& row, const ThemeTableOptions& options) {
    std::string out;
    for (const auto& q : row.quotes) {
        out += "<p><q>" + html_lines(text::inner_quotes(q.text)) + "</q>";
        const auto who = text::attribution(q, options.quote_attribute);
        if (!who.empty()) out += " <span class=\"who\">(" + text::html(who) + ")</span>";
        out += "</p>";
    }
    return out;
}

std::size_t theme_rows(const ThemeTable& table, std::size_t first) {
    std::size_t n = 1;
    while (first + n < table.rows.size() && !text::starts_theme(table, first + n)) ++n;
    return n;
}

std::string body_row(const ThemeTable& table, std::size_t i, const ThemeTableOptions& options) {
    const auto& row = table.rows[i];
    std::string out;
    if (text::starts_theme(table, i)) {
        if (i > 0) out += "</tbody>\n";
        out += "<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"" +
               std::to_string(theme_rows(table, i)) + "\">" + text::html(row.theme) + "</th>";
    } else {
        out += "<tr>";
    }
    out += "<td>" + text::html(row.subtheme) + "</td>";
    out += "<td>" + text::html(text::level_label(row.level)) + "</td>";
    out += "<td>" + comb_cell(row.comb) + "</td>";
    out += "<td>";
    if (row.valence) {
        out += "<span class=\"chip " + std::string(core::to_string(*row.valence)) + "\">" +
               text::html(text::valence_label(row.valence)) + "</span>";
    }
    out += "</td>";
    out += "<td>" + html_lines(row.description) + "</td>";
    out += "<td class=\"quotes\">" + quotes_cell(row, options) + "</td>";
    out += "<td class=\"n\">" + std::to_string(row.n_participants) + "</td></tr>\n";
    return out;
}

// A row of the barrier/facilitator layout: both sides' codes, COM-B and participants.
std::string side_by_side_row(const ThemeTable& table, std::size_t i) {
    const auto& row = table.rows[i];
    std::string out;
    if (text::starts_theme(table, i)) {
        if (i > 0) out += "</tbody>\n";
        out += "<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"" + std::to_string(theme_rows(table, i)) + "\">" +
               text::html(row.theme) + "</th>";
    } else {
        out += "<tr>";
    }
    out += "<td>" + text::html(row.subtheme) + "</td>";
    for (const auto* side : {&row.barriers, &row.facilitators}) {
        std::string codes;
        for (const auto& c : side->codes) codes += (codes.empty() ? "" : "<br>") + text::html(c);
        out += "<td>" + codes + "</td><td>" + comb_cell(side->comb) + "</td><td class=\"n\">" +
               (side->codes.empty() ? std::string() : std::to_string(side->n_participants)) + "</td>";
    }
    return out + "</tr>\n";
}

std::string footer(const ThemeTable& table, const ThemeTableOptions& options) {
    std::string out = "<footer>\n";
    const auto used = text::comb_used(table);
    if (!used.empty()) out += "<p>COM-B: " + text::html(text::comb_legend(used)) + ".</p>\n";
    if (const auto note = text::theme_table_note(table, options); !note.empty()) {
        out += "<p>" + text::html(note) + "</p>\n";
    }
    const auto source = text::provenance(table.meta);
    if (!source.empty()) out += "<p>" + text::html(source) + "</p>\n";
    return out + "</footer>\n";
}

}  // namespace

void write_theme_table_html(const ThemeTable& table, const ThemeTableOptions& options,
                            AtomicFile& file) {
    const auto title = text::theme_table_title(table, options);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"" + text::html(table.meta.software) + "\">\n";
    out += "<title>" + text::html(title) + "</title>\n<style>" + kStyle;
    out += std::string("@page { size: A4") + (options.landscape ? " landscape" : "") +
           "; margin: 12mm; }\n</style>\n</head>\n<body>\n<main>\n";
    out += "<h1 id=\"title\">" + text::html(title) + "</h1>\n";
    // The default title already names the project.
    if ((!options.title.empty() && !table.meta.project.empty()) || !table.meta.date.empty()) {
        std::string meta = options.title.empty() ? "" : table.meta.project;
        if (!table.meta.date.empty()) meta += (meta.empty() ? "" : " \u00b7 ") + table.meta.date;
        out += "<p class=\"meta\">" + text::html(meta) + "</p>\n";
    }
    const bool sides = options.layout == ThemeTableLayout::barriers_facilitators;
    out += "<table aria-labelledby=\"title\">\n<thead>\n<tr>";
    for (const auto& h : sides ? text::side_by_side_headings() : text::theme_table_headings()) {
        out += "<th scope=\"col\">" + text::html(h) + "</th>";
    }
    out += "</tr>\n</thead>\n";
    for (std::size_t i = 0; i < table.rows.size(); ++i) out += sides ? side_by_side_row(table, i) : body_row(table, i, options);
    if (!table.rows.empty()) out += "</tbody>\n";
    out += "</table>\n" + footer(table, options) + "</main>\n</body>\n</html>\n";
    file.write(out);
}

}  // namespace comb::exporters
