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
    void (*write)(const Model&, const Options&, AtomicFile&);
};

const Format<ThemeTable, ThemeTableOptions> kThemeTableFormats[] = {
    {".docx", write_theme_table_docx}, {".xlsx", write_theme_table_xlsx},
    {".csv", write_theme_table_csv},   {".md", write_theme_table_md},
    {".tex", write_theme_table_tex},   {".html", write_theme_table_html},
};
const Format<Summary, SummaryOptions> kSummaryFormats[] = {
    {".html", write_summary_html},
    {".htm", write_summary_html},
};
const Format<Codebook, CodebookOptions> kCodebookFormats[] = {
    {".docx", write_codebook_docx},
    {".csv", write_codebook_csv},
};

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

template <class Model, class Options, std::size_t N>
void write_with(const Format<Model, Options> (&formats)[N], const char* what, const Model& model,
                const std::filesystem::path& path, const Options& options) {
    const auto ext = lower_extension(path);
    for (const auto& format : formats) {
        if (ext != format.extension) continue;
        AtomicFile file(path);
        format.write(model, options, file);
        file.commit();
        return;
    }
    std::string known;
    for (std::size_t i = 0; i < N; ++i) {
        known += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(formats[i].extension);
    }
    core::SourcePos pos;
    pos.path = path.string();
    const std::string as = ext.empty() ? "without a file extension" : "as '" + ext + "'";
    throw core::InputError(pos, std::string("cannot write ") + what + " " + as + ": use " + known);
}

template <class Model, class Options, std::size_t N>
std::vector<std::string> extensions_of(const Format<Model, Options> (&formats)[N]) {
    std::vector<std::string> out;
    for (const auto& f : formats) out.emplace_back(f.extension);
    return out;
}

}  // namespace

void write_theme_table(const ThemeTable& table, const std::filesystem::path& path,
                       const ThemeTableOptions& options) {
    write_with(kThemeTableFormats, "a theme table", table, path, options);
}

void write_summary(const Summary& summary, const std::filesystem::path& path,
                   const SummaryOptions& options) {
    write_with(kSummaryFormats, "a summary", summary, path, options);
}

void write_codebook(const Codebook& codebook, const std::filesystem::path& path,
                    const CodebookOptions& options) {
    write_with(kCodebookFormats, "a codebook", codebook, path, options);
}

std::vector<std::string> theme_table_extensions() { return extensions_of(kThemeTableFormats); }
std::vector<std::string> summary_extensions() { return extensions_of(kSummaryFormats); }
std::vector<std::string> codebook_extensions() { return extensions_of(kCodebookFormats); }

}  // namespace comb::exporters
