// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// export_report: the one way both front ends write a report of a project to a file, the
// format picked by the extension through the export registry: a project writer (REFI-QDA .qdc
// codebook, .qdpx project) writes from the repository itself; every other format gets its
// report model built here (report_builders.h) and rendered by its writer.
#include <filesystem>
#include <string>

#include "analysis/report_builders.h"
#include "core/progress.h"
#include "core/repository.h"
#include "export/registry.h"

namespace comb::analysis {

struct ExportSettings {
    ReportOptions report;  // report.project also names a .qdpx project
    exporters::ThemeTableOptions table;
    exporters::CodebookOptions codebook;
};

// Writes `report` of `repo` to `path`. Checks progress.cancelled() between stages
// ("Collecting quotes", "Writing DOCX") and throws core::Cancelled then, before anything is
// written. Throws core::InputError naming `path` for a format the report has not, or when
// the file cannot be written; StoreError when the project cannot be read.
void export_report(const core::Repository& repo, exporters::Report report, const std::filesystem::path& path,
                   const ExportSettings& settings, core::Progress& progress);

}  // namespace comb::analysis
