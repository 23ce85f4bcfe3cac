// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as an Excel workbook (libxlsxwriter). Sheet "Theme table": bold shaded header row,
// frozen so it stays in view, an autofilter, wrapped top-aligned text, set column widths, quotes
// as rich text (italic quote, plain participant id) joined by blank lines, printing on A4 with
// the header repeated. Sheet "About": project, software, coders, date, quote rule (for the
// barrier/facilitator layout: what each side holds) and COM-B
// legend. Like the CSV, theme names repeat on every row so the sheet filters as data. The
// barrier/facilitator layout has the same sheets with the side-by-side columns: per side the
// codes (one a line), their COM-B and the participant count (a number; blank without codes).
#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

// The counts' columns hold "n participants" on one line (readers without Calibri use a wider font).
constexpr double kColumnWidths[] = {22, 22, 18, 12, 14, 40, 70, 15};
constexpr double kSideColumnWidths[] = {22, 22, 36, 14, 15, 36, 14, 15};
constexpr double kAboutWidths[] = {18, 80};
// Column widths count the digit '0' of the default font; text averages a little narrower.
// Erring low gives a row a spare line rather than a clipped one.
constexpr double kCharsPerWidth = 1.05;
constexpr double kLinePoints = 15;  // one line of 11 pt Calibri

struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
// Owns the workbook until close() hands it to workbook_close, which writes and frees it.
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

void check(lxw_error err, const char* what) {
    if (err != LXW_NO_ERROR) {
        throw core::Error(std::string("XLSX: cannot ") + what + ": " + lxw_strerror(err));
    }
}

// XML cannot hold C0 control characters, and libxlsxwriter writes strings as they are.
std::string clean(const std::string& s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 || c == '\n' || c == '\t') out += c;
    }
    return out;
}

// Code points, not bytes: what a column's width is counted in.
std::size_t display_length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Lines a cell's text takes when wrapped greedily at word boundaries in a column `width`
// characters wide.
int wrapped_lines(const std::string& text, double width) {
    const auto per_line = static_cast<std::size_t>(std::max(1.0, width));
    int lines = 0;
    for (const auto& line : text::lines(text)) {
        std::size_t used = 0;
        int count = 1;
        std::size_t b = 0;
        while (b <= line.size()) {
            const auto e = std::min(line.find(' ', b), line.size());
            const auto word = display_length(std::string_view(line).substr(b, e - b));
            if (used > 0 && used + 1 + word > per_line) {
                ++count;
                used = word;
            } else {
                used += (used > 0 ? 1 : 0) + word;
            }
            count += static_cast<int>(used > per_line ? (used - 1) / per_line : 0);
            if (used > per_line) used %= per_line;
            b = e + 1;
        }
        lines += count;
    }
    return std::max(lines, 1);
}

// Readers do not all fit row heights to wrapped text on opening (LibreOffice keeps the default
// and the rows overlap), so each row gets the height its tallest cell needs.
double row_height(const std::vector<std::string>& cells, const double* widths) {
    int lines = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        lines = std::max(lines, wrapped_lines(cells[c], widths[c] * kCharsPerWidth));
    }
    return lines * kLinePoints + 3;
}

struct Formats {
    lxw_format* header;
    lxw_format* wrap;
    lxw_format* number;
    lxw_format* italic;
    lxw_format* label;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(f.header, 0xE7ECF1);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.wrap = workbook_add_format(wb);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.number = workbook_add_format(wb);
    format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f.number, LXW_ALIGN_CENTER);  // clear of the next column's text
    f.italic = workbook_add_format(wb);
    format_set_italic(f.italic);
    f.label = workbook_add_format(wb);
    format_set_bold(f.label);
    format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

// Writes the quotes cell and returns its plain text (for the row height).
std::string write_quotes(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ThemeRow& row,
                  const ThemeTableOptions& options, const Formats& f) {
    // Fragments must outlive the call and may not be empty (libxlsxwriter refuses them).
    std::vector<std::string> texts;
    std::vector<lxw_format*> formats;
    for (std::size_t i = 0; i < row.quotes.size(); ++i) {
        const auto& q = row.quotes[i];
        const auto who = text::attribution(q, options.quote_attribute);
        std::string tail = who.empty() ? "" : " (" + who + ")";
        if (i + 1 < row.quotes.size()) tail += "\n\n";
        if (!q.text.empty()) texts.push_back(clean(q.text)), formats.push_back(f.italic);
        if (!tail.empty()) texts.push_back(clean(tail)), formats.push_back(nullptr);
    }
    std::string plain;
    for (const auto& t : texts) plain += t;
    if (texts.size() < 2) {  // a rich string needs two fragments; one is plain text
        check(worksheet_write_string(ws, r, c, plain.c_str(), f.wrap), "write a quote");
        return plain;
    }
    std::vector<lxw_rich_string_tuple> tuples(texts.size());
    std::vector<lxw_rich_string_tuple*> pointers;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        tuples[i] = {formats[i], texts[i].data()};
        pointers.push_back(&tuples[i]);
    }
    pointers.push_back(nullptr);
    check(worksheet_write_rich_string(ws, r, c, pointers.data(), f.wrap), "write quotes");
    return plain;
}

void write_headings(lxw_worksheet* ws, const std::vector<std::string>& headings, const double* widths,
                    const Formats& f) {
    for (lxw_col_t c = 0; c < headings.size(); ++c) {
        check(worksheet_set_column(ws, c, c, widths[c], nullptr), "set a column width");
        check(worksheet_write_string(ws, 0, c, headings[c].c_str(), f.header), "write a heading");
    }
    check(worksheet_set_row(ws, 0, row_height(headings, widths), nullptr), "set a row height");
}

// One side of a row: codes one a line, COM-B, and the count as a number (none without codes).
void write_side(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ThemeSide& side, const Formats& f,
                std::vector<std::string>& shown) {
    std::string codes;
    for (const auto& code : side.codes) codes += (codes.empty() ? "" : "\n") + clean(code);
    check(worksheet_write_string(ws, r, c, codes.c_str(), f.wrap), "write a cell");
    const auto comb = text::comb_codes(side.comb);
    check(worksheet_write_string(ws, r, c + 1, comb.c_str(), f.wrap), "write a cell");
    if (!side.codes.empty()) check(worksheet_write_number(ws, r, c + 2, side.n_participants, f.number), "write a count");
    shown.insert(shown.end(), {codes, comb, std::to_string(side.n_participants)});
}

void write_side_rows(lxw_worksheet* ws, const ThemeTable& table, const Formats& f) {
    write_headings(ws, text::side_by_side_headings(), kSideColumnWidths, f);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        const auto r = static_cast<lxw_row_t>(i + 1);
        std::vector<std::string> shown = {clean(row.theme), clean(row.subtheme)};
        for (lxw_col_t c = 0; c < 2; ++c) check(worksheet_write_string(ws, r, c, shown[c].c_str(), f.wrap), "write a cell");
        write_side(ws, r, 2, row.barriers, f, shown);
        write_side(ws, r, 5, row.facilitators, f, shown);
        check(worksheet_set_row(ws, r, row_height(shown, kSideColumnWidths), nullptr), "set a row height");
    }
}

void write_standard_rows(lxw_worksheet* ws, const ThemeTable& table, const ThemeTableOptions& options,
                         const Formats& f) {
    write_headings(ws, text::theme_table_headings(), kColumnWidths, f);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        const auto r = static_cast<lxw_row_t>(i + 1);
        const std::string cells[] = {row.theme, row.subtheme, text::level_label(row.level),
                                     text::comb_codes(row.comb), text::valence_label(row.valence),
                                     row.description};
        for (lxw_col_t c = 0; c < 6; ++c) {
            check(worksheet_write_string(ws, r, c, clean(cells[c]).c_str(), f.wrap), "write a cell");
        }
        const auto quotes = write_quotes(ws, r, 6, row, options, f);
        check(worksheet_write_number(ws, r, 7, row.n_participants, f.number), "write a count");
        std::vector<std::string> shown(std::begin(cells), std::end(cells));
        shown.push_back(quotes);
        check(worksheet_set_row(ws, r, row_height(shown, kColumnWidths), nullptr),
              "set a row height");
    }
}

void write_table_sheet(lxw_workbook* wb, const ThemeTable& table, const ThemeTableOptions& options,
                       const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Theme table");
    if (options.layout == ThemeTableLayout::barriers_facilitators) write_side_rows(ws, table, f);
    else write_standard_rows(ws, table, options, f);
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()), 7),
          "set the filter");
    worksheet_set_paper(ws, 9);  // A4
    if (options.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many long as needed
    check(worksheet_repeat_rows(ws, 0, 0), "repeat the header row");
}

void write_about_sheet(lxw_workbook* wb, const ThemeTable& table, const ThemeTableOptions& options, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "About");
    check(worksheet_set_column(ws, 0, 0, kAboutWidths[0], nullptr), "set a column width");
    check(worksheet_set_column(ws, 1, 1, kAboutWidths[1], nullptr), "set a column width");
    worksheet_set_paper(ws, 9);  // A4, one page wide
    worksheet_fit_to_pages(ws, 1, 0);
    const bool side_by_side = options.layout == ThemeTableLayout::barriers_facilitators;
    std::vector<std::pair<std::string, std::string>> lines = {
        {"Project", table.meta.project},
        {"Software", table.meta.software},
        {table.meta.coders.size() == 1 ? "Coder" : "Coders", text::join_names(table.meta.coders)},
        {"Date", table.meta.date},
        {side_by_side ? "Columns" : "Quotes", text::theme_table_note(table, options)}};
    for (const auto c : text::comb_used(table)) {
        lines.emplace_back(std::string(core::to_string(c)), std::string(core::label(c)));
    }
    lxw_row_t r = 0;
    for (const auto& [label, value] : lines) {
        if (value.empty()) continue;
        check(worksheet_write_string(ws, r, 0, label.c_str(), f.label), "write a label");
        check(worksheet_write_string(ws, r, 1, clean(value).c_str(), f.wrap), "write a value");
        check(worksheet_set_row(ws, r, row_height({label, clean(value)}, kAboutWidths), nullptr), "set a row height");
        ++r;
    }
}

// Midnight UTC of the report date. Never 0, which libxlsxwriter reads as "now": without a
// date the same table must still give the same workbook, so 2000-01-01.
std::time_t created(const std::string& date) {
    std::tm tm{};
    if (date.size() != 10 || !strptime(date.c_str(), "%Y-%m-%d", &tm)) return 946684800;
    return timegm(&tm);
}

}  // namespace

void write_theme_table_xlsx(const ThemeTable& table, const ThemeTableOptions& options,
                            AtomicFile& file) {
    lxw_workbook_options opts{};
    WorkbookPtr wb(workbook_new_opt(file.temp_path().c_str(), &opts));
    if (!wb) throw core::Error("XLSX: cannot start a workbook");
    const Formats f = make_formats(wb.get());
    write_table_sheet(wb.get(), table, options, f);
    write_about_sheet(wb.get(), table, options, f);

    std::string title = clean(text::theme_table_title(table, options));
    std::string author = clean(text::join_names(table.meta.coders));
    std::string comments = clean(text::provenance(table.meta));
    lxw_doc_properties props{};
    props.title = title.data();
    props.author = author.data();
    props.comments = comments.data();
    props.created = created(table.meta.date);
    check(workbook_set_properties(wb.get(), &props), "set the properties");
    check(workbook_close(wb.release()), "write the workbook");
}

}  // namespace comb::exporters
