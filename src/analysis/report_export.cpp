// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/report_export.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/error.h"

namespace comb::analysis {
namespace {

// The writers cannot stop half way, so Cancel is honoured between stages.
void stage(core::Progress& progress, const std::string& what) {
    if (progress.cancelled()) throw core::Cancelled();
    progress.start(what, 0);
}

std::string label_of(exporters::Report report, const std::filesystem::path& path) {
    const auto ext = path.extension().string();
    for (const auto& f : exporters::formats(report)) {
        if (f.extension.size() == ext.size() &&
            std::equal(ext.begin(), ext.end(), f.extension.begin(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
            return f.label;
        }
    }
    return "the file";
}

}  // namespace

void export_report(const core::Repository& repo, exporters::Report report, const std::filesystem::path& path,
                   const ExportSettings& settings, core::Progress& progress) {
    using exporters::Report;
    if (const auto* write = exporters::project_writer(report, path)) {
        stage(progress, "Writing " + label_of(report, path));
        (*write)(repo, path, settings.report.project);
        progress.finish();
        return;
    }
    if (report == Report::project) exporters::refuse_format(report, path);
    // The agreement table needs two coders and a unit: analysis::agreement_table builds it.
    if (report == Report::agreement_table) throw std::logic_error("export_report: agreement tables are built by agreement_table");
    stage(progress, "Collecting quotes");
    const auto facts = CodingFacts::load(repo);
    if (report == Report::theme_table) {
        auto table = build_theme_table(facts, repo, settings.report);
        stage(progress, "Writing " + label_of(report, path));
        exporters::write_theme_table(table, path, settings.table);
    } else if (report == Report::summary) {
        auto summary = build_summary(facts, repo, settings.report);
        stage(progress, "Writing " + label_of(report, path));
        exporters::write_summary(summary, path);
    } else {
        auto codebook = build_codebook(facts, settings.report);
        stage(progress, "Writing " + label_of(report, path));
        exporters::write_codebook(codebook, path, settings.codebook);
    }
    progress.finish();
}

}  // namespace comb::analysis
