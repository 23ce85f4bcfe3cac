// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The export registry: one entry point per report, the format picked by the file extension.
// Every writer renders into a temporary file beside the target and renames it into place, so a
// failure never leaves a half-written file and an existing file is replaced whole or not at all.
// The same model and options always give the same bytes.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/repository.h"
#include "export/report_models.h"

namespace comb::exporters {

// standard: Theme | Subtheme | Level | COM-B | Barrier/Facilitator | Description | quotes | n.
// barriers_facilitators: the table papers use, barriers and facilitators side by side:
// Theme | Subtheme | Barriers | COM-B | n | Facilitators | COM-B | n (DOCX, HTML, Markdown,
// CSV; XLSX and LaTeX write the standard layout).
enum class ThemeTableLayout { standard, barriers_facilitators };

struct ThemeTableOptions {
    ThemeTableLayout layout = ThemeTableLayout::standard;
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

// Writes the codebook as .docx or .csv (.qdc is a project format, see below).
// Throws core::InputError as write_theme_table does.
void write_codebook(const Codebook& codebook, const std::filesystem::path& path,
                    const CodebookOptions& options = {});

// Writes an agreement table as .csv, .xlsx, .docx or .md. Throws core::InputError as
// write_theme_table does.
void write_agreement_table(const AgreementReport& report, const std::filesystem::path& path);

// The extensions each entry point accepts, lower case with the dot, for help texts.
std::vector<std::string> theme_table_extensions();
std::vector<std::string> summary_extensions();
std::vector<std::string> codebook_extensions();
std::vector<std::string> agreement_table_extensions();

// What the registry writes, for the lists the front ends offer.
enum class Report { theme_table, summary, codebook, project, agreement_table };

struct FormatInfo {
    std::string extension;  // ".docx"
    std::string label;      // "DOCX"
    bool from_project;      // written from the project itself (a ProjectWriter), not a report model
};

// Formats that write from the project itself rather than from a report model: REFI-QDA's
// .qdc codebook and .qdpx project. Throws core::InputError naming the path when it cannot
// be written (the target is then untouched).
using ProjectWriter = std::function<void(const core::Repository& repo, const std::filesystem::path& path,
                                         const std::string& project_name)>;
// Adds a project format to `report`. The library that owns the format registers it once at
// start-up (refi::register_formats()), because this library cannot depend on it; registering
// an extension again replaces the earlier line. Not thread-safe: register before writing.
void register_project_writer(Report report, std::string extension, std::string label, ProjectWriter write);
// The project writer for `report` and `path`'s extension, or nullptr.
const ProjectWriter* project_writer(Report report, const std::filesystem::path& path);
// Every format of `report` in the order a list shows them: model writers, then project writers.
std::vector<FormatInfo> formats(Report report);
// "a theme table", ... for messages.
std::string report_name(Report report);
// Refuses `path` for `report` naming the formats there are. Throws core::InputError.
[[noreturn]] void refuse_format(Report report, const std::filesystem::path& path);

}  // namespace comb::exporters
