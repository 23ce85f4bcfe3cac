// SPDX-License-Identifier: GPL-3.0-or-later
// Theme table as a LaTeX document: booktabs rules, a longtable that breaks across pages with
// its header repeated, optionally on landscape pages (pdflscape). Every special character is
// escaped; quotes are italic, each followed by its participant id. The file compiles on its own
// with pdfLaTeX or LuaLaTeX; authors copy the longtable into their paper. The barrier/
// facilitator layout has the same frame with the side-by-side columns: per side the codes (one
// a line), their COM-B and the participant count (blank when the side has no codes).
#include <string>

#include "export/text_format.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

// Column widths as fractions of \linewidth; the rest goes to \tabcolsep. Quotes need the most.
constexpr const char* kColumns =
    ">{\\raggedright\\arraybackslash}p{0.10\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.10\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.09\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.06\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.08\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.16\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.23\\linewidth}"
    ">{\\raggedleft\\arraybackslash}p{0.06\\linewidth}";

// Barrier/facilitator layout: Theme, Subtheme, then per side codes, COM-B, n participants.
constexpr const char* kSideColumns =
    ">{\\raggedright\\arraybackslash}p{0.11\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.11\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.19\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.07\\linewidth}"
    ">{\\raggedleft\\arraybackslash}p{0.06\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.19\\linewidth}"
    ">{\\raggedright\\arraybackslash}p{0.07\\linewidth}"
    ">{\\raggedleft\\arraybackslash}p{0.06\\linewidth}";

std::string preamble(const ThemeTable& table, const ThemeTableOptions& options) {
    std::string out = "% " + text::theme_table_title(table, options) + "\n";
    const auto source = text::provenance(table.meta);
    if (!source.empty()) out += "% " + source + "\n";
    out +=
        "% Compiles with pdfLaTeX or LuaLaTeX; the longtable can be copied into a paper.\n"
        "\\documentclass[10pt,a4paper]{article}\n"
        "\\usepackage{iftex}\n"
        "\\ifPDFTeX\n"
        "  \\usepackage[T1]{fontenc}\n"
        "  \\usepackage[utf8]{inputenc}\n"
        "  % pdfLaTeX has no emoji: print the code point instead.\n"
        "  \\newcommand{\\combchar}[1]{[U+#1]}\n"
        "\\else\n"
        "  \\usepackage{fontspec}\n"
        "  \\newcommand{\\combchar}[1]{\\symbol{\"#1}}\n"
        "\\fi\n"
        "\\usepackage[margin=2cm]{geometry}\n"
        "\\usepackage{array,booktabs,longtable}\n";
    if (options.landscape) out += "\\usepackage{pdflscape}\n";
    out += "\\setlength{\\tabcolsep}{4pt}\n\\begin{document}\n";
    if (options.landscape) out += "\\begin{landscape}\n";
    return out;
}

std::string header_cells(const std::vector<std::string>& headings) {
    std::string out;
    for (const auto& h : headings) {
        out += (out.empty() ? "" : " & ") + ("\\textbf{" + text::tex(h) + "}");
    }
    return out + " \\\\\n";
}

std::string quotes_cell(const ThemeRow& row, const ThemeTableOptions& options) {
    std::string out;
    for (const auto& q : row.quotes) {
        if (!out.empty()) out += "\\par\\smallskip ";
        out += "\\textit{``" + text::tex(text::inner_quotes(q.text)) + "''}";
        const auto who = text::attribution(q, options.quote_attribute);
        if (!who.empty()) out += " (" + text::tex(who) + ")";
    }
    return out;
}

std::string body_row(const ThemeTable& table, std::size_t i, const ThemeTableOptions& options) {
    const auto& row = table.rows[i];
    const bool first = text::starts_theme(table, i);
    // A rule between themes; a little air between the rows of one theme.
    std::string out = i == 0 ? "" : first ? "\\midrule\n" : "\\addlinespace[3pt]\n";
    out += first ? "\\textbf{" + text::tex(row.theme) + "}" : std::string();
    out += " & " + text::tex(row.subtheme);
    out += " & " + text::tex(text::level_label(row.level));
    out += " & " + text::tex(text::comb_codes(row.comb));
    out += " & " + text::tex(text::valence_label(row.valence));
    out += " & " + text::tex(row.description);
    out += " & " + quotes_cell(row, options);
    out += " & " + std::to_string(row.n_participants) + " \\\\\n";
    return out;
}

std::string side_cells(const ThemeSide& side) {
    std::string codes;
    for (const auto& c : side.codes) codes += (codes.empty() ? "" : "\\newline ") + text::tex(c);
    return " & " + codes + " & " + text::tex(text::comb_codes(side.comb)) + " & " +
           (side.codes.empty() ? std::string() : std::to_string(side.n_participants));
}

std::string side_by_side_row(const ThemeTable& table, std::size_t i) {
    const auto& row = table.rows[i];
    const bool first = text::starts_theme(table, i);
    std::string out = i == 0 ? "" : first ? "\\midrule\n" : "\\addlinespace[3pt]\n";
    out += first ? "\\textbf{" + text::tex(row.theme) + "}" : std::string();
    out += " & " + text::tex(row.subtheme);
    out += side_cells(row.barriers) + side_cells(row.facilitators) + " \\\\\n";
    return out;
}

std::string notes(const ThemeTable& table, const ThemeTableOptions& options) {
    std::string out;
    const auto used = text::comb_used(table);
    if (!used.empty()) out += "COM-B: " + text::comb_legend(used) + ".";
    if (const auto note = text::theme_table_note(table, options); !note.empty()) out += (out.empty() ? "" : " ") + note;
    const auto source = text::provenance(table.meta);
    if (!source.empty()) out += (out.empty() ? "" : " ") + source;
    return out;
}

}  // namespace

void write_theme_table_tex(const ThemeTable& table, const ThemeTableOptions& options,
                           AtomicFile& file) {
    const bool sides = options.layout == ThemeTableLayout::barriers_facilitators;
    const auto header = header_cells(sides ? text::side_by_side_headings() : text::theme_table_headings());
    std::string out = preamble(table, options);
    // The caption spans the table, not longtable's default of four inches.
    out += "\\setlength{\\LTcapwidth}{\\linewidth}\n\\small\n\\begin{longtable}{" +
           std::string(sides ? kSideColumns : kColumns) + "}\n";
    out += "\\caption{" + text::tex(text::theme_table_title(table, options)) +
           "}\\label{tab:themes}\\\\\n";
    out += "\\toprule\n" + header + "\\midrule\n\\endfirsthead\n";
    out += "\\multicolumn{8}{l}{\\textit{Table \\thetable{} (continued)}}\\\\\n";
    out += "\\toprule\n" + header + "\\midrule\n\\endhead\n";
    out += "\\midrule\n\\multicolumn{8}{r}{\\textit{Continued on the next page}}\\\\\n\\endfoot\n";
    out += "\\bottomrule\n";
    const auto note = notes(table, options);
    if (!note.empty()) {
        out += "\\multicolumn{8}{p{0.95\\linewidth}}{\\footnotesize " + text::tex(note) +
               "}\\\\\n";
    }
    out += "\\endlastfoot\n";
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        out += sides ? side_by_side_row(table, i) : body_row(table, i, options);
    }
    out += "\\end{longtable}\n";
    if (options.landscape) out += "\\end{landscape}\n";
    out += "\\end{document}\n";
    file.write(out);
}

}  // namespace comb::exporters
