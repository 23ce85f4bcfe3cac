// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Matrix as text: CSV (RFC 4180, CRLF line ends, fields quoted when needed) or a Markdown
// table (counts right-aligned). The header's first cell is Matrix::corner. JSON is the CLI's
// (it owns the JSON library and the contract's shape).
#include <string>
#include <vector>

#include "analysis/matrix.h"

namespace comb::analysis {

std::string matrix_csv(const Matrix& m);
std::string matrix_md(const Matrix& m);

// Any table (a header and rows of cells) in the same two formats, for --cell quote lists.
std::string table_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
std::string table_md(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& right_aligned = {});

}  // namespace comb::analysis
