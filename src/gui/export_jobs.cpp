// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/export_jobs.h"

#include <algorithm>
#include <cctype>

#include "analysis/coding_facts.h"
#include "analysis/report_builders.h"
#include "core/error.h"
#include "core/project.h"
#include "export/registry.h"
#include "gui/background_task.h"

namespace comb::gui {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

analysis::ReportOptions report_options(const fs::path& project, const std::string& date) {
    analysis::ReportOptions options;
    options.project = project.stem().string();
    options.date = date.empty() ? core::utc_now_iso8601().substr(0, 10) : date;
    return options;
}

// The writers cannot stop half way, so Cancel is honoured between stages.
void stage(core::Progress& progress, const std::string& what) {
    if (progress.cancelled()) throw core::Cancelled();
    progress.start(what, 0);
}

std::string label_of(const fs::path& target) {
    const std::string ext = lower(target.extension().string());
    for (const auto& f : theme_table_formats()) if (ext == f.extension) return f.label;
    return "HTML";
}

}  // namespace

const std::vector<ExportFormat>& theme_table_formats() {
    static const std::vector<ExportFormat> kFormats = {
        {"DOCX", ".docx"}, {"XLSX", ".xlsx"}, {"CSV", ".csv"}, {"Markdown", ".md"}, {"LaTeX", ".tex"}, {"HTML", ".html"},
    };
    return kFormats;
}

fs::path with_format_extension(const fs::path& path, const ThemeTableChoice& choice) {
    const std::string want = theme_table_formats().at(choice.format).extension;
    const std::string ext = lower(path.extension().string());
    if (ext == want) return path;
    fs::path out = path;
    const bool known = std::any_of(theme_table_formats().begin(), theme_table_formats().end(),
                                   [&](const ExportFormat& f) { return ext == f.extension; });
    // A name like "table.v2" keeps its dot part; only a known report extension is swapped.
    if (known) out.replace_extension(want);
    else out += want;
    return out;
}

fs::path write_theme_table(const core::Repository& repo, const fs::path& project, const ThemeTableChoice& choice,
                           const fs::path& path, core::Progress& progress) {
    const auto target = with_format_extension(path, choice);
    stage(progress, "Collecting quotes");
    auto options = report_options(project, choice.date);
    options.quotes.max_quotes = choice.quotes;
    const auto facts = analysis::CodingFacts::from(repo);
    auto table = analysis::build_theme_table(facts, repo, options);
    stage(progress, "Writing " + label_of(target));
    exporters::ThemeTableOptions write;
    write.landscape = choice.landscape;
    exporters::write_theme_table(table, target, write);
    progress.finish();
    return target;
}

void write_summary(const core::Repository& repo, const fs::path& project, const fs::path& path,
                   const std::string& date, core::Progress& progress) {
    stage(progress, "Collecting quotes");
    const auto facts = analysis::CodingFacts::from(repo);
    auto summary = analysis::build_summary(facts, repo, report_options(project, date));
    stage(progress, "Writing HTML");
    exporters::write_summary(summary, path);
    progress.finish();
}

ExportRequest theme_table_request(const fs::path& project, const ThemeTableChoice& choice, const fs::path& path) {
    ExportRequest r;
    r.title = "Exporting the theme table";
    r.target = with_format_extension(path, choice);
    r.job = [project, choice, path](core::Progress& progress) {
        if (progress.cancelled()) throw core::Cancelled();
        const auto file = open_worker_project(project);
        write_theme_table(*file, project, choice, path, progress);
    };
    return r;
}

ExportRequest summary_request(const fs::path& project, const fs::path& path, const std::string& date) {
    ExportRequest r;
    r.title = "Exporting the summary";
    r.target = path;
    r.job = [project, path, date](core::Progress& progress) {
        if (progress.cancelled()) throw core::Cancelled();
        const auto file = open_worker_project(project);
        write_summary(*file, project, path, date, progress);
    };
    return r;
}

}  // namespace comb::gui
