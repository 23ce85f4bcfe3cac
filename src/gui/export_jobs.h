// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exports the window offers (theme table, summary, codebook, REFI-QDA project), without
// dialogs or wx: what the user chose, the writing (analysis::export_report, the export
// registry's atomic writers, so a failure or Cancel leaves no file) and the job that does it
// on a worker thread through its own connection to the project. The formats come from the
// export registry. The dialogs live in export_dialogs.h.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/repository.h"
#include "export/registry.h"

namespace comb::gui {

using ExportFormat = exporters::FormatInfo;
// The theme table's formats in the order the dialog lists them (the export registry's).
std::vector<ExportFormat> theme_table_formats();
// A save dialog's file types for `report`, one per format (wx wildcard syntax).
std::string export_wildcard(exporters::Report report);

struct ThemeTableChoice {
    std::size_t format = 0;  // index into theme_table_formats()
    int quotes = 3;          // per row
    bool landscape = true;
    std::string date;        // ISO; empty: today
    bool side_by_side = false;  // barriers and facilitators in their own columns
};

// `path` with the chosen format's extension (replacing another known extension, else appended).
std::filesystem::path with_format_extension(const std::filesystem::path& path, const ThemeTableChoice& choice);

// Builds the theme table of `repo` (the project file `project`, whose name titles the report)
// and writes it to with_format_extension(path); returns the written path. Checks
// progress.cancelled() between stages ("Collecting quotes", "Writing DOCX") and throws
// core::Cancelled then, before anything is written. Throws core::Error (unwritable path) and
// std::exception from the builders.
std::filesystem::path write_theme_table(const core::Repository& repo, const std::filesystem::path& project,
                                        const ThemeTableChoice& choice, const std::filesystem::path& path,
                                        core::Progress& progress);
// Builds the summary and writes it as HTML to `path`. Stages and throws as write_theme_table.
void write_summary(const core::Repository& repo, const std::filesystem::path& project,
                   const std::filesystem::path& path, const std::string& date, core::Progress& progress);

// One export to run on a worker thread: `job` opens the project file itself.
struct ExportRequest {
    std::string title;              // "Exporting the theme table"
    std::filesystem::path target;   // where the file will be
    std::function<void(core::Progress&)> job;
};
ExportRequest theme_table_request(const std::filesystem::path& project, const ThemeTableChoice& choice,
                                  const std::filesystem::path& path);
ExportRequest summary_request(const std::filesystem::path& project, const std::filesystem::path& path,
                              const std::string& date = {});
// The codebook (.docx, .csv, REFI-QDA .qdc) or the whole project (REFI-QDA .qdpx), the format
// from `path`'s extension.
ExportRequest file_request(exporters::Report report, const std::filesystem::path& project,
                           const std::filesystem::path& path);

}  // namespace comb::gui
