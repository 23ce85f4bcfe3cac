// SPDX-License-Identifier: GPL-3.0-or-later
// The agreement table in four formats: CSV (the table only, one record per row), Markdown (a
// title, the table, the note and the provenance line), DOCX (the same with the footer stating
// software, coders, agreement and date) and XLSX (sheet "Agreement", with the note and the
// provenance below the table). Numbers stay as the model gives them (text with four decimals),
// so every format shows the same figures.
#include <xlsxwriter.h>

#include <memory>

#include "core/error.h"
#include "export/docx_package.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::string title_of(const AgreementReport& r) { return r.title.empty() ? "Inter-coder agreement" : r.title; }

bool numeric(const std::string& header) {
    return header != "coders" && header != "code" && header != "document" && header.find("label") == std::string::npos;
}

}  // namespace

void write_agreement_csv(const AgreementReport& r, AtomicFile& file) {
    std::string out;
    text::append_csv_record(out, r.header);
    for (const auto& row : r.rows) text::append_csv_record(out, row);
    file.write(out);
}

void write_agreement_md(const AgreementReport& r, AtomicFile& file) {
    std::string out = "# " + title_of(r) + "\n\n|";
    for (const auto& h : r.header) out += " " + text::markdown_cell(h) + " |";
    out += "\n|";
    for (const auto& h : r.header) out += numeric(h) ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : r.rows) {
        out += "|";
        for (const auto& c : row) out += " " + text::markdown_cell(c) + " |";
        out += "\n";
    }
    if (!r.note.empty()) out += "\n" + r.note + "\n";
    if (const auto p = text::provenance(r.meta); !p.empty()) out += "\n" + p + "\n";
    file.write(out);
}

void write_agreement_docx(const AgreementReport& r, AtomicFile& file) {
    std::vector<docx::Column> columns;
    for (const auto& h : r.header) columns.push_back({h, h == "code" || h == "document" ? 3 : h == "coders" ? 2 : 1, numeric(h)});
    std::vector<docx::Row> rows;
    for (const auto& row : r.rows) {
        docx::Row out;
        for (std::size_t i = 0; i < row.size(); ++i) {
            out.cells.push_back(docx::paragraph("TableText", docx::run(row[i]), numeric(r.header[i]) ? "right" : ""));
        }
        rows.push_back(std::move(out));
    }
    docx::Document doc;
    doc.title = title_of(r);
    doc.meta = r.meta;
    doc.landscape = true;
    doc.body = docx::paragraph("Caption", docx::bold_run(title_of(r))) + docx::table(columns, rows, true);
    if (!r.note.empty()) doc.body += docx::paragraph("TableNote", docx::run(r.note));
    file.write(docx::package(doc));
}

void write_agreement_xlsx(const AgreementReport& r, AtomicFile& file) {
    struct Free {
        void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
    };
    lxw_workbook_options opts{};
    std::unique_ptr<lxw_workbook, Free> wb(workbook_new_opt(file.temp_path().c_str(), &opts));
    if (!wb) throw core::Error("XLSX: cannot start a workbook");
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "Agreement");
    lxw_format* bold = workbook_add_format(wb.get());
    format_set_bold(bold);
    for (std::size_t c = 0; c < r.header.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), r.header[c].c_str(), bold);
    }
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        for (std::size_t c = 0; c < r.rows[i].size(); ++c) {
            const auto& cell = r.rows[i][c];
            const auto col = static_cast<lxw_col_t>(c);
            // Counts and coefficients as numbers, so a spreadsheet can average them.
            if (numeric(r.header[c]) && cell != "-") worksheet_write_number(ws, row, col, std::stod(cell), nullptr);
            else worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
        }
    }
    auto below = static_cast<lxw_row_t>(r.rows.size() + 2);
    if (!r.note.empty()) worksheet_write_string(ws, below++, 0, r.note.c_str(), nullptr);
    const auto provenance = text::provenance(r.meta);
    if (!provenance.empty()) worksheet_write_string(ws, below, 0, provenance.c_str(), nullptr);
    worksheet_set_column(ws, 0, 2, 24, nullptr);
    if (workbook_close(wb.release()) != LXW_NO_ERROR) throw core::Error("XLSX: cannot write the workbook");
}

}  // namespace comb::exporters
