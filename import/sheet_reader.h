// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Case attribute sheets: CSV (any encoding decode_text detects; comma, semicolon or tab) and
// XLSX (the first worksheet). The first row is the header; the first column is the case name.
#include <filesystem>
#include <string>
#include <vector>

namespace comb::importers {

struct SheetRow {
    std::int64_t line = 0;  // 1-based row number in the file, for error messages
    std::vector<std::string> cells;
};

struct Sheet {
    std::vector<std::string> header;
    std::vector<SheetRow> rows;  // blank rows skipped
};

// Throws core::InputError naming the file and the row/column: "empty sheet", "unterminated
// quoted field", "not a zip archive", "no worksheet in the workbook", ...
Sheet read_sheet(const std::filesystem::path& path);

// "B" -> 1, "AA" -> 26: the zero-based column of an A1-style reference's letters.
int column_index(std::string_view ref);

}  // namespace comb::importers
