// SPDX-License-Identifier: GPL-3.0-or-later
// Codebook as CSV: RFC 4180 (CRLF, quotes doubled), UTF-8, one record per code in tree order.
// Tags are spelled as the CLI spells them (C.Ps, individual:trainer, barrier) and lists are
// joined by "; ", so the file can be read back by a script as well as by a person.
#include <string>

#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

std::string comb_list(const std::vector<core::ComB>& comb) {
    std::vector<std::string> codes;
    for (const auto c : comb) codes.emplace_back(core::to_string(c));
    return joined(codes);
}

}  // namespace

void write_codebook_csv(const Codebook& codebook, const CodebookOptions&, AtomicFile& file) {
    std::string out;
    text::append_csv_record(out, {"code", "depth", "definition", "inclusion", "exclusion", "example", "comb",
                        "tdf", "level", "valence", "n_codings", "n_cases", "colour"});
    for (const auto& row : codebook.rows) {
        text::append_csv_record(out, {row.path, std::to_string(row.depth), row.definition, row.inclusion,
                            row.exclusion, row.example, comb_list(row.comb), joined(row.tdf),
                            row.level ? row.level->to_string() : std::string(),
                            row.valence ? std::string(core::to_string(*row.valence)) : std::string(),
                            std::to_string(row.n_codings), std::to_string(row.n_cases),
                            row.colour});
    }
    file.write(out);
}

}  // namespace comb::exporters
