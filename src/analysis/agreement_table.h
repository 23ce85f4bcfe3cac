// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An agreement result as a table of text cells (coders, code, document, units, the 2×2 counts,
// PA, κ, α and their labels), for `comb agreement --format csv|md` and the agreement exports.
// Numbers are written with four decimals; undefined coefficients as "-".
#include <string>
#include <vector>

#include "analysis/agreement.h"

namespace comb::analysis {

struct AgreementTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // the result's rows, then the pooled row
};

// `code_path` and `doc_name` name codes and documents.
AgreementTable agreement_table(const AgreementResult& r, const std::function<std::string(core::CodeId)>& code_path,
                               const std::function<std::string(core::DocumentId)>& doc_name);

std::string format_coefficient(std::optional<double> v);

}  // namespace comb::analysis
