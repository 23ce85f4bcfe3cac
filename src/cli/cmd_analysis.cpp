// SPDX-License-Identifier: GPL-3.0-or-later
// comb matrix, comb export: thin over src/analysis (counting, report builders) and export/
// (writers). No rule lives here.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>

#include "analysis/coding_facts.h"
#include "analysis/matrix.h"
#include "analysis/matrix_format.h"
#include "analysis/report_builders.h"
#include "analysis/report_export.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "export/history_csv.h"
#include "export/registry.h"
#include "index/passage_index.h"


namespace comb::cli {
namespace {

std::string today_utc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string checked_date(const std::string& date) {
    if (date.empty()) return today_utc();
    static const std::regex iso(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    if (!std::regex_match(date, iso)) throw core::InputError::argument("--date must be YYYY-MM-DD, got \"" + date + "\"");
    return date;
}

analysis::CountUnit parse_count(const std::string& s) {
    if (s == "segments") return analysis::CountUnit::segments;
    if (s == "cases") return analysis::CountUnit::cases;
    throw core::InputError::argument("--count: use segments or cases, got \"" + s + "\"");
}

struct MatrixArgs {
    std::string project, rows, cols, count = "segments", query, format = "md", cooccurrence;
    std::vector<std::string> cell;
};

void print_matrix(const analysis::Matrix& m, const std::string& format) {
    if (format == "csv") {
        std::cout << analysis::matrix_csv(m);
    } else if (format == "md") {
        std::cout << analysis::matrix_md(m);
    } else {
        // Keys in the contract's order: rows, cols, cells.
        nlohmann::ordered_json j;
        j["rows"] = m.rows;
        j["cols"] = m.cols;
        j["cells"] = m.cells;
        std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    }
}

void print_quotes(const std::vector<analysis::CellQuote>& quotes, const std::string& format) {
    if (format == "json") {
        json out = json::array();
        for (const auto& q : quotes) {
            out.push_back({{"doc", q.doc.value}, {"start", q.span.start.value}, {"end", q.span.end.value},
                           {"code", q.code}, {"text", q.text}, {"case", q.case_name ? json(*q.case_name) : json(nullptr)}});
        }
        print_json(out);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : quotes) {
        rows.push_back({std::to_string(q.doc.value), std::to_string(q.span.start.value), std::to_string(q.span.end.value),
                        q.code, q.case_name.value_or(""), q.text});
    }
    const std::vector<std::string> header{"doc", "start", "end", "code", "case", "text"};
    std::cout << (format == "csv" ? analysis::table_csv(header, rows)
                                  : analysis::table_md(header, rows, {true, true, true, false, false, false}));
}

// The passages a search finds (all of them, in document order); a coding counts when it
// overlaps one. A damaged index is rebuilt once and the search retried.
std::vector<analysis::PassageRef> matching_passages(Session& s, const std::string& query) {
    const index::SearchSpec spec{query, {}, 0, index::Order::document};
    const auto hits = s.with_index([&](index::PassageIndex& ix) { return ix.search(spec); });
    std::vector<analysis::PassageRef> out;
    for (const auto& h : hits) out.push_back({h.doc, h.span});
    return out;
}

int run_matrix(const MatrixArgs& a) {
    if (a.format != "csv" && a.format != "md" && a.format != "json") {
        throw core::InputError::argument("--format: use csv, md or json, got \"" + a.format + "\"");
    }
    const auto count = parse_count(a.count);
    Session s(a.project);
    std::optional<std::vector<analysis::PassageRef>> within;
    if (!a.query.empty()) within = matching_passages(s, a.query);
    // A plain matrix needs counts only: the store's count table, not every coding. A search
    // restriction, a cell's quotes and co-occurrence need each coding.
    const bool counts = within == std::nullopt && a.cell.empty() && a.cooccurrence.empty();
    const auto facts = counts ? analysis::CodingFacts::load_counts(s.repo()) : analysis::CodingFacts::load(s.repo());
    if (!a.cooccurrence.empty()) {
        if (!a.rows.empty() || !a.cols.empty() || !a.cell.empty()) {
            throw core::InputError::argument("--cooccurrence takes no --rows, --cols or --cell (it is codes × codes)");
        }
        analysis::CooccurrenceSpec spec;
        if (a.cooccurrence == "passage") spec.scope = analysis::CooccurrenceScope::passage;
        else if (a.cooccurrence != "overlap") throw core::InputError::argument("--cooccurrence: use overlap or passage, got \"" + a.cooccurrence + "\"");
        spec.count = count;
        spec.within = within;
        print_matrix(analysis::cooccurrence(facts, spec), a.format);
        return 0;
    }
    if (a.rows.empty() || a.cols.empty()) throw core::InputError::argument("matrix needs --rows and --cols (or --cooccurrence)");
    analysis::MatrixSpec spec{analysis::Axis::parse(a.rows, "--rows"), analysis::Axis::parse(a.cols, "--cols"), count, within};
    if (!a.cell.empty()) {
        const auto codings = analysis::cell_codings(facts, spec, a.cell[0], a.cell[1]);
        print_quotes(analysis::cell_quotes(facts, s.repo(), codings), a.format);
        return 0;
    }
    print_matrix(analysis::count_matrix(facts, spec), a.format);
    return 0;
}

void register_matrix(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("matrix", "Count codings in a matrix (rows × cols), or list the quotes behind a cell");
    auto a = std::make_shared<MatrixArgs>();
    add_project_arg(cmd, a->project);
    cmd->add_option("--rows", a->rows, "codes | themes | comb | level | cases | attr:KEY");
    cmd->add_option("--cols", a->cols, "codes | themes | comb | level | valence | cases | attr:KEY");
    cmd->add_option("--count", a->count, "segments (default) or cases (distinct participants; interviewer turns excluded)");
    cmd->add_option("--cell", a->cell, "ROW COL: list the quotes behind this cell")->expected(2);
    cmd->add_option("--query", a->query, "Restrict to passages matching this search");
    cmd->add_option("--format", a->format, "md (default), csv or json");
    cmd->add_option("--cooccurrence", a->cooccurrence,
                    "overlap | passage: code co-occurrence (codes × codes) instead of --rows/--cols");
    cmd->callback([&action, a] { action = [a] { return run_matrix(*a); }; });
}

struct ExportArgs {
    std::string project, what, out, date, title, audit_trail, layout = "standard";
    int quotes = 3;
    bool portrait = false;
};

exporters::ThemeTableLayout theme_table_layout(const std::string& word) {
    if (word == "standard") return exporters::ThemeTableLayout::standard;
    if (word == "barriers-facilitators") return exporters::ThemeTableLayout::barriers_facilitators;
    throw core::InputError::argument("--layout must be standard or barriers-facilitators, not \"" + word + "\"");
}

int run_export(const ExportArgs& a) {
    if (a.quotes < 0) throw core::InputError::argument("--quotes must be 0 or more");
    const auto date = checked_date(a.date);
    using exporters::Report;
    static const std::map<std::string, Report> kReports = {
        {"theme-table", Report::theme_table}, {"summary", Report::summary},
        {"codebook", Report::codebook}, {"qdpx", Report::project}};
    const auto report = kReports.find(a.what);
    if (report == kReports.end() && a.what != "history") {
        throw core::InputError::argument("unknown export \"" + a.what + "\" (use theme-table, summary, codebook, qdpx or history)");
    }
    Session s(a.project);
    if (a.what == "history") {
        std::vector<exporters::AuditRow> rows;
        for (const auto& e : s.repo().history(std::nullopt, true)) rows.push_back(exporters::audit_row(e));
        exporters::write_history_csv(rows, a.out);
        return 0;
    }
    analysis::ExportSettings settings;
    if (!a.audit_trail.empty()) {
        settings.report.audit_trail = std::filesystem::path(a.audit_trail).filename().string() + ", " +
                                      std::to_string(s.repo().history(std::nullopt, false).size()) + " actions";
    }
    settings.report.project = a.title.empty() ? std::filesystem::path(a.project).stem().string() : a.title;
    settings.report.date = date;
    settings.report.agreement = s.repo().setting(analysis::kAgreementSetting).value_or("");
    settings.report.quotes.max_quotes = a.quotes;
    settings.table.landscape = settings.codebook.landscape = !a.portrait;
    if (report->second == Report::theme_table) settings.table.layout = theme_table_layout(a.layout);
    core::NullProgress progress;
    analysis::export_report(s.repo(), report->second, a.out, settings, progress);
    // Exchange files are not reports one opens at once: say where it went.
    if (exporters::project_writer(report->second, a.out)) std::cout << "Wrote " << a.out << "\n";
    return 0;
}

// "-o -" prints the theme table as Markdown (the codebook as CSV) on stdout, through a
// temporary file so that stdout gets exactly the bytes the file would hold.
int run_export_to_stdout(ExportArgs a) {
    if (a.what != "theme-table" && a.what != "codebook") throw core::InputError::argument("-o - works for theme-table and codebook only");
    const auto dir = std::filesystem::temp_directory_path() /
                     ("comb-export-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir);
    a.out = (dir / (a.what == "theme-table" ? "table.md" : "codebook.csv")).string();
    int status = 0;
    try {
        status = run_export(a);
        std::ifstream in(a.out, std::ios::binary);
        std::cout << in.rdbuf();
    } catch (...) {
        std::filesystem::remove_all(dir);
        throw;
    }
    std::filesystem::remove_all(dir);
    return status;
}

void register_export(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("export", "Write a report: theme-table, summary, codebook (or qdpx)");
    auto a = std::make_shared<ExportArgs>();
    add_project_arg(cmd, a->project);
    cmd->add_option("what", a->what, "theme-table | summary | codebook | qdpx | history (the audit trail as CSV)")->required();
    cmd->add_option("-o,--output", a->out, "The file to write; its extension picks the format (- : Markdown on stdout)")->required();
    cmd->add_option("--date", a->date, "YYYY-MM-DD stated in the report (default: today, UTC)");
    cmd->add_option("--title", a->title, "The project's name in the report (default: the file name)");
    cmd->add_option("--quotes", a->quotes, "Quotes per theme-table row (default 3)");
    cmd->add_flag("--portrait", a->portrait, "DOCX/LaTeX: portrait pages instead of landscape");
    cmd->add_option("--audit-trail", a->audit_trail, "Cite this history export (comb export P history -o FILE.csv) in the footer");
    cmd->add_option("--layout", a->layout,
                    "Theme table: standard, or barriers-facilitators (barriers and facilitators side by side; every format)");
    cmd->callback([&action, a] { action = [a] { return a->out == "-" ? run_export_to_stdout(*a) : run_export(*a); }; });
}

// comb pin P.comb CODING... [--unpin]: pinned codings are quoted first in reports.
void register_pin(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("pin", "Prefer codings as illustrative quotes in reports (ids from comb codings)");
    struct Args {
        std::string project;
        std::vector<std::int64_t> ids;
        bool unpin = false;
    };
    auto a = std::make_shared<Args>();
    add_project_arg(cmd, a->project);
    cmd->add_option("coding", a->ids, "Coding ids")->required();
    cmd->add_flag("--unpin", a->unpin, "Unpin instead");
    cmd->callback([&action, a] {
        action = [a] {
            Session s(a->project);
            for (const auto id : a->ids) s.run(core::PinCoding(core::CodingId(id), !a->unpin));
            return 0;
        };
    });
}

}  // namespace

void register_analysis_commands(CLI::App& app, Action& action) {
    register_matrix(app, action);
    register_export(app, action);
    register_pin(app, action);
}

}  // namespace comb::cli
