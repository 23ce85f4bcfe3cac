// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The export registry: one entry point per report, the format picked by the file extension.
// Every writer renders into a temporary file beside the target and renames it into place, so a
// failure never leaves a half-written file and an existing file is replaced whole or not at all.
// The same model and options always give the same bytes.
#include <filesystem>
#include <string>
#include <vector>

#include "export/report_models.h"

namespace comb::exporters {

struct ThemeTableOptions {
    std::string title;       // caption; empty: "Themes, COM-B mapping and illustrative quotes"
    bool landscape = true;   // DOCX and LaTeX: landscape pages (the table has eight columns)
    // Name the quote's attribute after its participant id: "(P4, MECC trainer)" not "(P4)".
    bool quote_attribute = false;
};

struct SummaryOptions {
    std::string title;  // empty: "Barriers and facilitators: " + project
};

struct CodebookOptions {
    std::string title;      // empty: "Codebook: " + project
    bool landscape = true;  // DOCX
};

// Writes the theme table as .docx, .xlsx, .csv, .md, .tex or .html (extension, any case).
// Throws core::InputError naming `path` for an unknown extension or when the file cannot be
// written (missing folder, no permission); the target is then untouched.
void write_theme_table(const ThemeTable& table, const std::filesystem::path& path,
                       const ThemeTableOptions& options = {});

// Writes the barrier/facilitator summary as one self-contained .html (or .htm) file.
// Throws core::InputError as write_theme_table does.
void write_summary(const Summary& summary, const std::filesystem::path& path,
                   const SummaryOptions& options = {});

// Writes the codebook as .docx or .csv. (.qdc is REFI-QDA's and lives elsewhere.)
// Throws core::InputError as write_theme_table does.
void write_codebook(const Codebook& codebook, const std::filesystem::path& path,
                    const CodebookOptions& options = {});

// The extensions each entry point accepts, lower case with the dot, for help texts.
std::vector<std::string> theme_table_extensions();
std::vector<std::string> summary_extensions();
std::vector<std::string> codebook_extensions();

}  // namespace comb::exporters
