// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/registry.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "export/writers.h"

namespace comb::exporters {
namespace {

// One line per format. A new format is one writer file and one line here.
template <class Model, class Options>
struct Format {
    const char* extension;
    const char* label;  // in the GUI's lists
    void (*write)(const Model&, const Options&, AtomicFile&);
};

const Format<ThemeTable, ThemeTableOptions> kThemeTableFormats[] = {
    {".docx", "DOCX", write_theme_table_docx}, {".xlsx", "XLSX", write_theme_table_xlsx},
    {".csv", "CSV", write_theme_table_csv},    {".md", "Markdown", write_theme_table_md},
    {".tex", "LaTeX", write_theme_table_tex},  {".html", "HTML", write_theme_table_html},
};
const Format<Summary, SummaryOptions> kSummaryFormats[] = {
    {".html", "HTML", write_summary_html},
    {".htm", "HTML", write_summary_html},
};
const Format<Codebook, CodebookOptions> kCodebookFormats[] = {
    {".docx", "DOCX", write_codebook_docx},
    {".csv", "CSV", write_codebook_csv},
};

struct NoOptions {};
void agreement_csv(const AgreementReport& r, const NoOptions&, AtomicFile& f) { write_agreement_csv(r, f); }
void agreement_md(const AgreementReport& r, const NoOptions&, AtomicFile& f) { write_agreement_md(r, f); }
void agreement_docx(const AgreementReport& r, const NoOptions&, AtomicFile& f) { write_agreement_docx(r, f); }
void agreement_xlsx(const AgreementReport& r, const NoOptions&, AtomicFile& f) { write_agreement_xlsx(r, f); }
const Format<AgreementReport, NoOptions> kAgreementFormats[] = {
    {".csv", "CSV", agreement_csv}, {".xlsx", "XLSX", agreement_xlsx},
    {".docx", "DOCX", agreement_docx}, {".md", "Markdown", agreement_md},
};

struct ProjectFormat {
    Report report;
    std::string extension, label;
    ProjectWriter write;
};
std::vector<ProjectFormat>& project_formats() {
    static std::vector<ProjectFormat> formats;
    return formats;
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

template <class Model, class Options, std::size_t N>
void write_with(const Format<Model, Options> (&formats)[N], Report report, const Model& model,
                const std::filesystem::path& path, const Options& options) {
    const auto ext = lower_extension(path);
    for (const auto& format : formats) {
        if (ext != format.extension) continue;
        AtomicFile file(path);
        format.write(model, options, file);
        file.commit();
        return;
    }
    refuse_format(report, path);
}

template <class Model, class Options, std::size_t N>
std::vector<FormatInfo> infos_of(const Format<Model, Options> (&formats)[N]) {
    std::vector<FormatInfo> out;
    for (const auto& f : formats) out.push_back({f.extension, f.label, false});
    return out;
}

std::vector<std::string> extensions_of(const std::vector<FormatInfo>& formats) {
    std::vector<std::string> out;
    for (const auto& f : formats) out.push_back(f.extension);
    return out;
}

}  // namespace

void write_theme_table(const ThemeTable& table, const std::filesystem::path& path,
                       const ThemeTableOptions& options) {
    write_with(kThemeTableFormats, Report::theme_table, table, path, options);
}

void write_summary(const Summary& summary, const std::filesystem::path& path,
                   const SummaryOptions& options) {
    write_with(kSummaryFormats, Report::summary, summary, path, options);
}

void write_codebook(const Codebook& codebook, const std::filesystem::path& path,
                    const CodebookOptions& options) {
    write_with(kCodebookFormats, Report::codebook, codebook, path, options);
}

std::vector<std::string> theme_table_extensions() { return extensions_of(infos_of(kThemeTableFormats)); }
std::vector<std::string> summary_extensions() { return extensions_of(infos_of(kSummaryFormats)); }
std::vector<std::string> codebook_extensions() { return extensions_of(infos_of(kCodebookFormats)); }

void write_agreement_table(const AgreementReport& report, const std::filesystem::path& path) {
    write_with(kAgreementFormats, Report::agreement_table, report, path, NoOptions{});
}

std::vector<std::string> agreement_table_extensions() { return extensions_of(infos_of(kAgreementFormats)); }

void register_project_writer(Report report, std::string extension, std::string label, ProjectWriter write) {
    for (auto& f : project_formats()) {
        if (f.report == report && f.extension == extension) { f.label = std::move(label); f.write = std::move(write); return; }
    }
    project_formats().push_back({report, std::move(extension), std::move(label), std::move(write)});
}

const ProjectWriter* project_writer(Report report, const std::filesystem::path& path) {
    const auto ext = lower_extension(path);
    for (const auto& f : project_formats()) if (f.report == report && f.extension == ext) return &f.write;
    return nullptr;
}

std::vector<FormatInfo> formats(Report report) {
    std::vector<FormatInfo> out;
    if (report == Report::theme_table) out = infos_of(kThemeTableFormats);
    if (report == Report::summary) out = infos_of(kSummaryFormats);
    if (report == Report::codebook) out = infos_of(kCodebookFormats);
    if (report == Report::agreement_table) out = infos_of(kAgreementFormats);
    for (const auto& f : project_formats()) if (f.report == report) out.push_back({f.extension, f.label, true});
    return out;
}

std::string report_name(Report report) {
    switch (report) {
        case Report::theme_table: return "a theme table";
        case Report::summary: return "a summary";
        case Report::codebook: return "a codebook";
        case Report::project: return "a project";
        case Report::agreement_table: return "an agreement table";
    }
    return "a report";
}

void refuse_format(Report report, const std::filesystem::path& path) {
    const auto all = formats(report);
    std::string known;
    for (std::size_t i = 0; i < all.size(); ++i) {
        known += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i].extension;
    }
    core::SourcePos pos;
    pos.path = path.string();
    const auto ext = lower_extension(path);
    const std::string as = ext.empty() ? "without a file extension" : "as '" + ext + "'";
    throw core::InputError(pos, "cannot write " + report_name(report) + " " + as + ": use " + known);
}

}  // namespace comb::exporters
