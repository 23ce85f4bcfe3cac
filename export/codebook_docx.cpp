// SPDX-License-Identifier: GPL-3.0-or-later
// Codebook as a Word document: a caption, one table in tree order (a code's name indented by
// its depth after a swatch of its colour), its definition, inclusion and exclusion notes, an
// example, framework tags and counts; a rule above each top-level code; notes and the footer
// state software, coders and date.
#include <iterator>
#include <string>

#include "export/docx_package.h"
#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

std::vector<docx::Column> columns() {
    // Relative shares of the text width; each must hold its longest word ("Environmental",
    // "Organisational") at 9 pt.
    return {{"Code", 16},         {"Definition", 13}, {"Include when", 9}, {"Exclude when", 9},
            {"Example", 11},      {"COM-B / TDF", 12}, {"Level", 10},      {"Valence", 8},
            {"Codings", 7, true}, {"Cases", 5, true}};
}

std::string text_cell(const std::string& s, bool italic = false) {
    return s.empty() ? std::string()
                     : docx::paragraph("TableText", italic ? docx::italic_run(s) : docx::run(s));
}

// The code's own name (the last path segment), indented one step per depth.
std::string code_cell(const CodebookRow& row) {
    const auto slash = row.path.rfind('/');
    const auto name = slash == std::string::npos ? row.path : row.path.substr(slash + 1);
    std::string runs;
    std::string colour = row.colour;
    if (colour.size() == 7 && colour[0] == '#') {
        // A coloured square: the code's colour is how coders recognise it on screen.
        runs += docx::coloured_run("\u25A0 ", colour.substr(1));
    }
    runs += (row.depth == 0 ? docx::bold_run(name) : docx::run(name));
    std::string out = "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>";
    if (row.depth > 0) out += "<w:ind w:left=\"" + std::to_string(170 * row.depth) + "\"/>";
    return out + "</w:pPr>" + runs + "</w:p>";
}

std::string tags_cell(const CodebookRow& row) {
    std::string out = text_cell(text::comb_codes(row.comb));
    for (const auto& t : row.tdf) out += text_cell(t, true);
    return out;
}

std::string number_cell(int n) {
    return docx::paragraph("TableText", docx::run(std::to_string(n)), "right");
}

}  // namespace

void write_codebook_docx(const Codebook& codebook, const CodebookOptions& options,
                         AtomicFile& file) {
    docx::Document doc;
    doc.title = options.title.empty() ? "Codebook" + (codebook.meta.project.empty()
                                                          ? std::string()
                                                          : ": " + codebook.meta.project)
                                      : options.title;
    doc.meta = codebook.meta;
    doc.landscape = options.landscape;
    std::vector<docx::Row> rows;
    for (const auto& row : codebook.rows) {
        rows.push_back({{code_cell(row), text_cell(row.definition), text_cell(row.inclusion),
                         text_cell(row.exclusion), text_cell(row.example, true), tags_cell(row),
                         text_cell(text::level_label(row.level)),
                         text_cell(text::valence_label(row.valence)), number_cell(row.n_codings),
                         number_cell(row.n_cases)},
                        row.depth == 0});
    }
    const std::vector<core::ComB> all(std::begin(core::kAllComB), std::end(core::kAllComB));
    std::string notes = docx::paragraph(
        "TableNote", docx::italic_run("COM-B: ") +
                         docx::run(text::comb_legend(all) +
                                    ". TDF domains in italics. Codings: coded segments; cases: "
                                    "distinct participants."));
    const auto source = text::provenance(codebook.meta);
    if (!source.empty()) notes += docx::paragraph("TableNote", docx::run(source));
    doc.body = docx::paragraph("Caption", docx::run(doc.title)) +
               docx::table(columns(), rows, options.landscape) + notes;
    file.write(docx::package(doc));
}

}  // namespace comb::exporters
