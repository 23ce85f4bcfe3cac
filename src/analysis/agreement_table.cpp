// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement_table.h"

#include <cstdio>

namespace comb::analysis {

std::string format_coefficient(std::optional<double> v) {
    if (!v) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", *v);
    return buf;
}

AgreementTable agreement_table(const AgreementResult& r, const std::function<std::string(core::CodeId)>& code_path,
                               const std::function<std::string(core::DocumentId)>& doc_name) {
    AgreementTable t;
    const bool two = r.coders.size() == 2;
    std::string coders;
    for (const auto& c : r.coders) coders += (coders.empty() ? "" : ", ") + c;
    if (two) {
        t.header = {"coders", "code", "document", "units", "both", "a_only", "b_only", "neither",
                    "agreement", "kappa", "kappa_label", "alpha", "alpha_label"};
    } else {
        t.header = {"coders", "code", "document", "units", "fleiss_kappa", "kappa_label", "alpha", "alpha_label"};
    }
    auto add = [&](const AgreementRow& row) {
        std::vector<std::string> cells = {coders, row.code ? code_path(*row.code) : "(all codes)",
                                          row.doc ? doc_name(*row.doc) : "(all documents)", std::to_string(row.units())};
        if (two) {
            for (auto n : {row.table.both, row.table.a_only, row.table.b_only, row.table.neither}) cells.push_back(std::to_string(n));
            cells.push_back(format_coefficient(row.agreement()));
            cells.push_back(format_coefficient(row.kappa()));
            cells.emplace_back(landis_koch_label(row.kappa()));
        } else {
            cells.push_back(format_coefficient(row.fleiss()));
            cells.emplace_back(landis_koch_label(row.fleiss()));
        }
        cells.push_back(format_coefficient(row.alpha()));
        cells.emplace_back(krippendorff_label(row.alpha()));
        t.rows.push_back(std::move(cells));
    };
    for (const auto& row : r.rows) add(row);
    add(r.pooled);
    return t;
}

}  // namespace comb::analysis
