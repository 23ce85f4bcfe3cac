// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/text_format.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace comb::exporters::text {

const std::vector<std::string>& theme_table_headings() {
    static const std::vector<std::string> headings = {
        "Theme",       "Subtheme",
        "Level",       "COM-B",
        "Barrier/Facilitator", "Description",
        "Illustrative quotes (participant id)", "n participants"};
    return headings;
}

const std::vector<std::string>& side_by_side_headings() {
    static const std::vector<std::string> headings = {
        "Theme", "Subtheme", "Barriers", "COM-B", "n participants", "Facilitators", "COM-B", "n participants"};
    return headings;
}

std::vector<std::string> side_by_side_cells(const ThemeTable& table, std::size_t i) {
    const auto& row = table.rows[i];
    const auto side = [](const ThemeSide& s, std::vector<std::string>& out) {
        std::string codes;
        for (const auto& c : s.codes) codes += (codes.empty() ? "" : "; ") + c;
        out.push_back(codes);
        out.push_back(comb_codes(s.comb));
        out.push_back(s.codes.empty() ? std::string() : std::to_string(s.n_participants));
    };
    std::vector<std::string> out{starts_theme(table, i) ? row.theme : std::string(), row.subtheme};
    side(row.barriers, out);
    side(row.facilitators, out);
    return out;
}

std::string theme_table_title(const ThemeTable& table, const ThemeTableOptions& options) {
    if (!options.title.empty()) return options.title;
    // The barrier/facilitator layout has no quotes.
    std::string title = options.layout == ThemeTableLayout::barriers_facilitators
                            ? "Barriers and facilitators by theme, with COM-B mapping"
                            : "Themes, COM-B mapping and illustrative quotes";
    if (!table.meta.project.empty()) title += ": " + table.meta.project;
    return title;
}

std::string theme_table_note(const ThemeTable& table, const ThemeTableOptions& options) {
    if (options.layout != ThemeTableLayout::barriers_facilitators) return table.meta.quote_rule;
    return "Barriers: the codes of the theme tagged barrier; facilitators: those tagged facilitator (a code "
           "tagged mixed is on both sides). COM-B and n participants are those of the codes on that side.";
}

std::string level_label(const std::optional<core::LevelTag>& level) {
    if (!level) return {};
    std::string out(core::to_string(level->level));
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    if (!level->actor.empty()) out += " (" + level->actor + ")";
    return out;
}

std::string level_heading(const core::LevelTag& level) {
    std::string out = level_label(core::LevelTag{level.level, {}}) + " level";
    if (!level.actor.empty()) out += ": " + level.actor;
    return out;
}

std::string valence_label(const std::optional<core::Valence>& valence) {
    if (!valence) return {};
    std::string out(core::to_string(*valence));
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string comb_codes(const std::vector<core::ComB>& comb) {
    std::string out;
    for (const auto c : comb) {
        if (!out.empty()) out += ", ";
        out += core::to_string(c);
    }
    return out;
}

std::vector<core::ComB> comb_used(const ThemeTable& table) {
    std::vector<core::ComB> used;
    for (const auto c : core::kAllComB) {
        const bool any = std::any_of(table.rows.begin(), table.rows.end(), [c](const ThemeRow& r) {
            return std::find(r.comb.begin(), r.comb.end(), c) != r.comb.end();
        });
        if (any) used.push_back(c);
    }
    return used;
}

std::string comb_legend(const std::vector<core::ComB>& comb) {
    std::string out;
    for (const auto c : comb) {
        if (!out.empty()) out += "; ";
        std::string name(core::label(c));
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
        out += std::string(core::to_string(c)) + " = " + name;
    }
    return out;
}

std::string attribution(const Quote& quote, bool with_attribute) {
    std::string out = quote.participant;
    if (with_attribute && !quote.attribute.empty()) {
        out += (out.empty() ? "" : ", ") + quote.attribute;
    }
    return out;
}

std::string inner_quotes(std::string_view quote) {
    static const std::string_view kLeft = "\u201c", kRight = "\u201d";
    std::string out;
    out.reserve(quote.size() + 8);
    for (std::size_t i = 0; i < quote.size();) {
        std::size_t len = 0;
        if (quote[i] == '"') len = 1;
        else if (quote.substr(i, 3) == kLeft || quote.substr(i, 3) == kRight) len = 3;
        if (!len) {
            out += quote[i++];
            continue;
        }
        // Opening at the start or after a space or an opening bracket; closing otherwise.
        const char before = out.empty() ? ' ' : out.back();
        const bool opening = before == ' ' || before == '\n' || before == '(' || before == '[' || before == '\t';
        out += opening ? "\u2018" : "\u2019";
        i += len;
    }
    return out;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
        out += names[i];
    }
    return out;
}

std::string provenance(const ReportMeta& meta) {
    std::vector<std::string> parts;
    if (!meta.software.empty()) parts.push_back("Software: " + meta.software);
    if (!meta.coders.empty()) {
        // COREQ 24: the number of data coders, stated when there are several.
        parts.push_back((meta.coders.size() == 1 ? std::string("Coder: ")
                                                 : "Coders (" + std::to_string(meta.coders.size()) + "): ") +
                        join_names(meta.coders));
    }
    if (!meta.agreement.empty()) parts.push_back("Inter-coder agreement: " + meta.agreement);
    if (!meta.date.empty()) parts.push_back("Date: " + meta.date);
    if (!meta.audit_trail.empty()) parts.push_back("Audit trail: " + meta.audit_trail);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ". ") + p;
    return out.empty() ? out : out + ".";
}

bool starts_theme(const ThemeTable& table, std::size_t row) {
    return row == 0 || table.rows[row].theme != table.rows[row - 1].theme;
}

std::vector<std::string> lines(std::string_view s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (true) {
        const auto e = s.find('\n', b);
        auto line = s.substr(b, e == std::string_view::npos ? s.npos : e - b);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.emplace_back(line);
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (const char c : s) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
}

std::string html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\r': break;  // newlines are LF in our output
            default: out += c;
        }
    }
    return out;
}

std::string xml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                // XML 1.0 cannot hold C0 controls other than tab, LF and CR, not even escaped.
                if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

std::string tex(std::string_view s) {
    // Paragraph breaks cannot live in a table cell and a line break may not start a line, so
    // runs of newlines become one \newline and edge newlines go.
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '\\': out += "\\textbackslash{}"; break;
            case '&': case '%': case '$': case '#': case '_': case '{': case '}':
                out += '\\';
                out += c;
                break;
            case '~': out += "\\textasciitilde{}"; break;
            case '^': out += "\\textasciicircum{}"; break;
            case '<': out += "\\textless{}"; break;
            case '>': out += "\\textgreater{}"; break;
            case '|': out += "\\textbar{}"; break;
            // \slash lets a line break after it: narrow columns hold "Barrier/Facilitator".
            case '/': out += "\\slash{}"; break;
            // A straight quote is active or typeset as a closing curly quote in some setups.
            case '"': out += "\\textquotedbl{}"; break;
            case '\r': break;
            case '\n':
                if (!out.ends_with("\\newline ")) out += "\\newline ";
                break;
            default:
                // pdfLaTeX has no glyphs beyond the Basic Multilingual Plane (emoji); the
                // preamble's \combchar prints them under LuaLaTeX/XeLaTeX and a code otherwise.
                if (u >= 0xF0 && u <= 0xF4 && i + 3 < s.size()) {
                    const std::uint32_t cp = ((u & 0x07u) << 18) |
                                             ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                                             ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
                                             (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
                    char hex[16];
                    std::snprintf(hex, sizeof hex, "%X", static_cast<unsigned>(cp));
                    out += "\\combchar{" + std::string(hex) + "}";
                    i += 3;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string markdown_cell(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : ' ';
        switch (c) {
            // '$' too: GitHub renders $...$ as mathematics.
            case '\\': case '|': case '*': case '_': case '`': case '[': case ']': case '~':
            case '$':
                out += '\\';
                out += c;
                break;
            // GFM passes raw HTML and entities through, so a '<' or an '&' that could start
            // one is written as an entity; a lone "Time & resources" stays readable.
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&':
                out += (std::isalnum(static_cast<unsigned char>(next)) || next == '#') ? "&amp;"
                                                                                      : "&";
                break;
            case '\r': break;
            case '\n': out += "<br>"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace comb::exporters::text
