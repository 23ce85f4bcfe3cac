// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/man_page.h"

#include <sstream>

namespace comb::cli {

namespace {

std::string escape(std::string_view text, bool literal, bool line_start) {
    std::string out;
    for (const char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        line_start = c == '\n';
        if (c == '\\') out += "\\e";
        else if (c == '-' && literal) out += "\\-";
        else out += c;
    }
    return out;
}

// `code` spans in bold, the rest escaped.
std::string inline_markup(std::string_view line) {
    std::string out;
    bool code = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line[i] != '`') continue;
        out += escape(line.substr(start, i - start), code, start == 0);
        if (i < line.size()) out += code ? "\\fR" : "\\fB";
        code = !code;
        start = i + 1;
    }
    return out;
}

// "[-o, --output TEXT]"-like pieces: the names of an option, then its value placeholder.
std::string option_label(const CLI::Option& opt) {
    std::string names;
    for (const auto& s : opt.get_snames()) names += (names.empty() ? "" : ", ") + ("\\fB\\-" + s + "\\fR");
    for (const auto& l : opt.get_lnames()) names += (names.empty() ? "" : ", ") + ("\\fB\\-\\-" + troff_escape(l, true) + "\\fR");
    if (opt.get_type_size_max() == 0) return names;  // a flag
    std::string value = "\\fI" + opt.get_type_name() + "\\fR";
    const int items = opt.get_items_expected_max();
    if (items > 1 && items == opt.get_items_expected_min() && items < 10) {
        for (int i = 1; i < items; ++i) value += " \\fI" + opt.get_type_name() + "\\fR";
    } else if (items > 1) {
        value += " ...";
    }
    return names + " " + value;
}

bool shown(const CLI::App& app, const CLI::Option* opt) {
    return opt != app.get_help_ptr() && opt != app.get_help_all_ptr() && !opt->get_group().empty();
}

std::string synopsis(const CLI::App& app, const std::string& path) {
    std::string line = "\\fB" + troff_escape(path, true) + "\\fR";
    bool has_options = false;
    for (const auto* opt : app.get_options()) {
        if (!shown(app, opt)) continue;
        if (opt->nonpositional()) {
            has_options = true;
            continue;
        }
        std::string arg = "\\fI" + troff_escape(opt->get_name(true), true) + "\\fR";
        if (opt->get_items_expected_max() > 1) arg += "...";
        line += " " + (opt->get_required() ? arg : "[" + arg + "]");
    }
    if (has_options) line += " [\\fIoptions\\fR]";
    return line;
}

void write_command(std::ostream& out, const CLI::App& app, const std::string& path) {
    const auto subs = app.get_subcommands([](const CLI::App*) { return true; });
    if (!subs.empty()) {
        for (const auto* sub : subs) write_command(out, *sub, path + " " + sub->get_name());
        return;
    }
    out << ".TP\n" << synopsis(app, path) << "\n" << troff_escape(app.get_description()) << "\n";
    bool any = false;
    for (const auto* opt : app.get_options()) {
        if (!shown(app, opt)) continue;
        if (!any) out << ".RS\n";
        any = true;
        out << ".TP\n";
        if (opt->nonpositional()) out << option_label(*opt) << "\n";
        else out << "\\fI" << troff_escape(opt->get_name(true), true) << "\\fR\n";
        out << troff_escape(opt->get_description());
        if (!opt->get_default_str().empty()) out << " (default: " << troff_escape(opt->get_default_str(), true) << ")";
        out << "\n";
    }
    if (any) out << ".RE\n";
}

const char* const kDescription = R"(.SH DESCRIPTION
Comb is a workbench for qualitative coding and thematic analysis: import interview transcripts,
code them inductively, map the codes onto the COM\-B behaviour model, levels (macro,
organisational, individual) and barriers and facilitators, group them into themes, search
everything, count it in matrices, and export theme tables, summaries and codebooks.
.PP
Every subcommand works on one project file (\fB*.comb\fR, SQLite). Every change is one
undoable step, kept in the file: \fBcomb undo\fR works after closing and reopening.
\fB\-\-json\fR prints one JSON document on standard output. Offsets are Unicode code points,
the end exclusive. Code paths are written \fIParent/Child\fR.
.PP
\fBcomb\-gui\fR(1) is the desktop workbench over the same project files.
)";

const char* const kTail = R"(.SH EXIT STATUS
.TP
.B 0
Done.
.TP
.B 1
The input is wrong: the message on standard error names the file, the place and the reason,
and the project is unchanged.
.TP
.B 2
An internal fault.
.SH ENVIRONMENT
.TP
.B COMB_CODER
The coder recorded on codings and in the history (default: the login name).
.TP
.B COMB_CODEBOOKS
The folder holding the built\-in codebooks (default: \fI/usr/share/comb/codebooks\fR beside the
installed program).
.SH FILES
.TP
.I PROJECT.comb
The project: one SQLite file in WAL mode.
.TP
.I PROJECT.comb\-index/
The Xapian search index, a cache beside the project, rebuilt when missing or stale.
.TP
.I /usr/share/comb/codebooks/
The built\-in framework codebooks (COM\-B, TDF, levels, valence, CFIR) as REFI\-QDA \fI.qdc\fR files.
.TP
.I /usr/share/comb/examples/mecc/
The fictional MECC example: transcripts, the script that codes them with \fBcomb\fR
(\fIanalyse.sh\fR), and the finished project (\fImecc.comb\fR; \fBcomb\-gui \-\-example\fR opens a copy).
.SH SEE ALSO
\fBcomb\-gui\fR(1)
)";

}  // namespace

std::string troff_escape(std::string_view text, bool literal) { return escape(text, literal, true); }

std::string markdown_to_troff(std::string_view markdown) {
    std::ostringstream out;
    std::istringstream in{std::string(markdown)};
    std::string line;
    bool code = false, first = true;
    while (std::getline(in, line)) {
        if (line.rfind("```", 0) == 0) {
            out << (code ? ".fi\n.RE\n" : ".PP\n.RS 4\n.nf\n");
            code = !code;
        } else if (code) {
            out << troff_escape(line, true) << "\n";
        } else if (first && line.rfind("# ", 0) == 0) {
            const auto colon = line.find(": ");
            const std::string name = line.substr(2, colon == std::string::npos ? std::string::npos : colon - 2);
            out << ".SS \"" << troff_escape(name) << "\"\n";
            if (colon != std::string::npos) out << inline_markup(line.substr(colon + 2)) << ".\n";
        } else if (line.empty()) {
            out << ".PP\n";
        } else if (line.rfind("- ", 0) == 0) {
            out << ".IP \\(bu 2\n" << inline_markup(line.substr(2)) << "\n";
        } else {
            out << inline_markup(line.find_first_not_of(' ') == std::string::npos ? "" : line.substr(line.find_first_not_of(' ')))
                << "\n";
        }
        first = false;
    }
    if (code) out << ".fi\n.RE\n";
    return out.str();
}

std::string man_page(const CLI::App& app, const std::vector<HelpTopic>& topics, std::string_view version,
                     std::string_view date) {
    std::ostringstream out;
    out << ".\\\" Generated by comb-man from the comb command-line definitions: do not edit.\n";
    out << ".TH COMB 1 \"" << date << "\" \"Comb " << version << "\" \"User Commands\"\n";
    out << ".SH NAME\ncomb \\- qualitative coding and thematic analysis from the command line\n";
    out << ".SH SYNOPSIS\n\\fBcomb\\fR \\fIsubcommand\\fR \\fIproject\\fR [\\fIarguments\\fR] [\\fIoptions\\fR]\n.br\n"
        << "\\fBcomb help\\fR [\\fItopic\\fR]\n.br\n\\fBcomb \\-\\-version\\fR\n";
    out << kDescription;
    out << ".SH OPTIONS\n";
    for (const auto* opt : app.get_options()) {
        out << ".TP\n" << option_label(*opt) << "\n" << troff_escape(opt->get_description()) << "\n";
    }
    out << ".SH COMMANDS\n";
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        write_command(out, *sub, "comb " + sub->get_name());
    }
    out << ".SH WORKFLOWS\nThe same texts are printed by \\fBcomb help\\fR \\fItopic\\fR.\n";
    for (const auto& t : topics) out << markdown_to_troff(t.text);
    out << kTail;
    return out.str();
}

}  // namespace comb::cli
