// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/export_jobs.h"

#include <algorithm>
#include <cctype>

#include "analysis/report_export.h"
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

analysis::ExportSettings export_settings(const fs::path& project, const std::string& date) {
    analysis::ExportSettings settings;
    settings.report.project = project.stem().string();
    settings.report.date = date.empty() ? core::utc_now_iso8601().substr(0, 10) : date;
    return settings;
}

}  // namespace

std::vector<ExportFormat> theme_table_formats() { return exporters::formats(exporters::Report::theme_table); }

std::string export_wildcard(exporters::Report report) {
    std::string out;
    for (const auto& f : exporters::formats(report)) {
        out += (out.empty() ? "" : "|") + f.label + " (*" + f.extension + ")|*" + f.extension;
    }
    return out;
}

fs::path with_format_extension(const fs::path& path, const ThemeTableChoice& choice) {
    const auto formats = theme_table_formats();
    const std::string want = formats.at(choice.format).extension;
    const std::string ext = lower(path.extension().string());
    if (ext == want) return path;
    fs::path out = path;
    const bool known = std::any_of(formats.begin(), formats.end(), [&](const ExportFormat& f) { return ext == f.extension; });
    // A name like "table.v2" keeps its dot part; only a known report extension is swapped.
    if (known) out.replace_extension(want);
    else out += want;
    return out;
}

fs::path write_theme_table(const core::Repository& repo, const fs::path& project, const ThemeTableChoice& choice,
                           const fs::path& path, core::Progress& progress) {
    const auto target = with_format_extension(path, choice);
    auto settings = export_settings(project, choice.date);
    settings.report.quotes.max_quotes = choice.quotes;
    settings.report.agreement = repo.setting(analysis::kAgreementSetting).value_or("");  // COREQ 24
    settings.table.landscape = choice.landscape;
    if (choice.side_by_side) settings.table.layout = exporters::ThemeTableLayout::barriers_facilitators;
    analysis::export_report(repo, exporters::Report::theme_table, target, settings, progress);
    return target;
}

void write_summary(const core::Repository& repo, const fs::path& project, const fs::path& path,
                   const std::string& date, core::Progress& progress) {
    analysis::export_report(repo, exporters::Report::summary, path, export_settings(project, date), progress);
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

namespace comb::gui {

ExportRequest file_request(exporters::Report report, const fs::path& project, const fs::path& path) {
    ExportRequest r;
    r.title = report == exporters::Report::project ? "Exporting the project" : "Exporting the codebook";
    r.target = path;
    r.job = [report, project, path](core::Progress& progress) {
        if (progress.cancelled()) throw core::Cancelled();
        const auto file = open_worker_project(project);
        analysis::export_report(*file, report, path, export_settings(project, {}), progress);
    };
    return r;
}

}  // namespace comb::gui
