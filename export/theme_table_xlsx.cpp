// Theme table as an Excel workbook (libxlsxwriter). Sheet "Theme table": bold shaded header row,
// frozen so it stays in view, an autofilter, wrapped top-aligned text, set column widths, quotes
// as rich text (italic quote, plain participant id) joined by blank lines, printing on A4 with
// the header repeated. Sheet "About": project, software, coders, date, quote rule and COM-B
// legend. Like the CSV, theme names repeat on every row so the sheet filters as data.
#include <xlsxwriter.h>

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

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
    f.italic = workbook_add_format(wb);
    format_set_italic(f.italic);
    f.label = workbook_add_format(wb);
    format_set_bold(f.label);
    format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

void write_quotes(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ThemeRow& row,
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
    if (texts.size() < 2) {  // a rich string needs two fragments; one is plain text
        check(worksheet_write_string(ws, r, c, texts.empty() ? "" : texts[0].c_str(), f.wrap),
              "write a quote");
        return;
    }
    std::vector<lxw_rich_string_tuple> tuples(texts.size());
    std::vector<lxw_rich_string_tuple*> pointers;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        tuples[i] = {formats[i], texts[i].data()};
        pointers.push_back(&tuples[i]);
    }
    pointers.push_back(nullptr);
    check(worksheet_write_rich_string(ws, r, c, pointers.data(), f.wrap), "write quotes");
}

void write_table_sheet(lxw_workbook* wb, const ThemeTable& table, const ThemeTableOptions& options,
                       const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Theme table");
    static const double widths[] = {22, 22, 18, 12, 14, 40, 70, 12};
    const auto& headings = text::theme_table_headings();
    for (lxw_col_t c = 0; c < headings.size(); ++c) {
        check(worksheet_set_column(ws, c, c, widths[c], nullptr), "set a column width");
        check(worksheet_write_string(ws, 0, c, headings[c].c_str(), f.header), "write a heading");
    }
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        const auto r = static_cast<lxw_row_t>(i + 1);
        const std::string cells[] = {row.theme, row.subtheme, text::level_label(row.level),
                                     text::comb_codes(row.comb), text::valence_label(row.valence),
                                     row.description};
        for (lxw_col_t c = 0; c < 6; ++c) {
            check(worksheet_write_string(ws, r, c, clean(cells[c]).c_str(), f.wrap), "write a cell");
        }
        write_quotes(ws, r, 6, row, options, f);
        check(worksheet_write_number(ws, r, 7, row.n_participants, f.number), "write a count");
    }
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(table.rows.size()), 7),
          "set the filter");
    worksheet_set_paper(ws, 9);  // A4
    if (options.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many long as needed
    check(worksheet_repeat_rows(ws, 0, 0), "repeat the header row");
}

void write_about_sheet(lxw_workbook* wb, const ThemeTable& table, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "About");
    check(worksheet_set_column(ws, 0, 0, 18, nullptr), "set a column width");
    check(worksheet_set_column(ws, 1, 1, 90, nullptr), "set a column width");
    std::vector<std::pair<std::string, std::string>> lines = {
        {"Project", table.meta.project},
        {"Software", table.meta.software},
        {table.meta.coders.size() == 1 ? "Coder" : "Coders", text::join_names(table.meta.coders)},
        {"Date", table.meta.date},
        {"Quotes", table.meta.quote_rule}};
    for (const auto c : text::comb_used(table)) {
        lines.emplace_back(std::string(core::to_string(c)), std::string(core::label(c)));
    }
    lxw_row_t r = 0;
    for (const auto& [label, value] : lines) {
        if (value.empty()) continue;
        check(worksheet_write_string(ws, r, 0, label.c_str(), f.label), "write a label");
        check(worksheet_write_string(ws, r, 1, clean(value).c_str(), f.wrap), "write a value");
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
    write_about_sheet(wb.get(), table, f);

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
