#pragma once
// Export dialogs (issue 8): the theme table with a format choice, quotes per row, orientation
// and date, then a native save dialog; the summary written to a temporary HTML file to preview
// in the browser, then saved. The writing is split from the dialogs (write_theme_table_export,
// write_summary_export) so tests drive it without a modal loop. Errors go to the workbench's
// error handler; the writers are atomic, so a failure leaves no half-written file.
#include <filesystem>
#include <string>
#include <vector>

#include "gui/workbench.h"

class wxWindow;

namespace comb::gui {

struct ExportFormat {
    const char* label;      // "DOCX"
    const char* extension;  // ".docx"
};
// The theme table's formats in the order the dialog lists them.
const std::vector<ExportFormat>& theme_table_formats();

struct ThemeTableChoice {
    std::size_t format = 0;  // index into theme_table_formats()
    int quotes = 3;          // per row
    bool landscape = true;
    std::string date;        // ISO; empty: today
};

// `path` with the chosen format's extension (replacing another known extension, else appended).
std::filesystem::path with_format_extension(const std::filesystem::path& path, const ThemeTableChoice& choice);
// Builds the theme table of the open project and writes it to with_format_extension(path).
// Returns the written path. Throws core::Error (unwritable path) and std::exception from the builders.
std::filesystem::path write_theme_table_export(Workbench& wb, const ThemeTableChoice& choice,
                                               const std::filesystem::path& path);
// Builds the summary and writes it as HTML to `path`. Throws as write_theme_table_export.
void write_summary_export(Workbench& wb, const std::filesystem::path& path, const std::string& date = {});

// The modal dialogs. Return the written path, or empty when cancelled or failed (errors are reported).
std::filesystem::path show_theme_table_export(wxWindow* parent, Workbench& wb);
std::filesystem::path show_summary_export(wxWindow* parent, Workbench& wb);

}  // namespace comb::gui
