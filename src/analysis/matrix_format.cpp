// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/matrix_format.h"

namespace comb::analysis {
namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Pipes would end a cell and line breaks a row.
std::string md_cell(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '|') out += "\\|";
        else if (c == '\r') continue;
        else if (c == '\n') out += "<br>";
        else out += c;
    }
    return out;
}

std::vector<std::vector<std::string>> matrix_rows(const Matrix& m) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        std::vector<std::string> row{m.rows[r]};
        for (auto n : m.cells[r]) row.push_back(std::to_string(n));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> matrix_header(const Matrix& m) {
    std::vector<std::string> header{m.corner};
    header.insert(header.end(), m.cols.begin(), m.cols.end());
    return header;
}

}  // namespace

std::string table_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    line(header);
    for (const auto& r : rows) line(r);
    return out;
}

std::string table_md(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& right_aligned) {
    std::string out = "|";
    for (const auto& h : header) out += " " + md_cell(h) + " |";
    out += "\n|";
    for (std::size_t i = 0; i < header.size(); ++i) out += i < right_aligned.size() && right_aligned[i] ? "---:|" : "---|";
    out += "\n";
    for (const auto& r : rows) {
        out += "|";
        for (const auto& c : r) out += " " + md_cell(c) + " |";
        out += "\n";
    }
    return out;
}

std::string matrix_csv(const Matrix& m) { return table_csv(matrix_header(m), matrix_rows(m)); }

std::string matrix_md(const Matrix& m) {
    std::vector<bool> right(m.cols.size() + 1, true);
    right[0] = false;
    return table_md(matrix_header(m), matrix_rows(m), right);
}

}  // namespace comb::analysis
