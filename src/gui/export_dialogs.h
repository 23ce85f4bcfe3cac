// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Export dialogs (issue 8): the theme table with a format choice, quotes per row, orientation
// and date, then a native save dialog; the codebook and the REFI-QDA project: a save dialog; the summary previewed from a temporary HTML file in the
// browser, then saved. The dialogs only ask: the writing runs as an ExportRequest on a worker
// thread (MainFrame::start_export), so the window never waits for it.
#include <filesystem>
#include <optional>
#include <string>

#include "gui/export_jobs.h"
#include "gui/workbench.h"

class wxWindow;

namespace comb::gui {

// Writes on the calling thread through the workbench's connection (tests, small scripts).
// Throw as write_theme_table / write_summary.
std::filesystem::path write_theme_table_export(Workbench& wb, const ThemeTableChoice& choice,
                                               const std::filesystem::path& path);
void write_summary_export(Workbench& wb, const std::filesystem::path& path, const std::string& date = {});

// The options dialog, then the save dialog; nullopt when either is cancelled.
std::optional<ExportRequest> ask_theme_table_export(wxWindow* parent, Workbench& wb);
// A save dialog for the codebook or the whole project (`report`), its file types from the
// export registry (so REFI-QDA's .qdc and .qdpx appear with the others); nullopt when cancelled.
std::optional<ExportRequest> ask_file_export(wxWindow* parent, Workbench& wb, exporters::Report report);
// Where the summary preview goes: one file per project name, replaced on each export (the
// browser may read it after the dialog has closed, so it is not removed).
std::filesystem::path summary_preview_path(const Workbench& wb);
// The "preview, then save" dialog over a written preview; returns the path chosen to save
// to, or nullopt when closed without saving.
std::optional<std::filesystem::path> ask_summary_save(wxWindow* parent, Workbench& wb,
                                                      const std::filesystem::path& preview);

}  // namespace comb::gui
