// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that knows which reader takes which extension.
#include "import/registry.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "import/readers.h"
#include "import/sha256.h"

namespace comb::importers {
namespace {

using Reader = ImportedDocument (*)(const SourceFile&, const ReadOptions&);

struct Format {
    std::string_view extension;
    Reader read;
};

// One line per format.
constexpr Format kFormats[] = {
    {".txt", read_text},
    {".md", read_text},
    {".docx", read_docx},
    {".odt", read_odt},
    {".rtf", read_rtf},
    {".html", read_html},
    {".htm", read_html},
    {".pdf", read_pdf},
    {".vtt", read_subtitles},
    {".srt", read_subtitles},
};

// Larger files are not transcripts; refusing them early keeps memory bounded.
constexpr std::uintmax_t kMaxFileBytes = 512ull << 20;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const Format* find_format(std::string_view extension) {
    for (const Format& f : kFormats) {
        if (f.extension == extension) return &f;
    }
    return nullptr;
}

std::string supported_list() {
    std::string out;
    for (const Format& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.extension);
    return out;
}

std::string load_bytes(const std::filesystem::path& path) {
    const core::SourcePos where{path.string(), {}, {}, {}};
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw core::InputError(where, "is a directory, not a file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw core::InputError(where, "cannot read file: " + ec.message());
    if (size > kMaxFileBytes) throw core::InputError(where, "file too large (over 512 MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::InputError(where, std::string("cannot open file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw core::InputError(where, "cannot read file");
    return std::move(buffer).str();
}

}  // namespace

std::string lower_extension(const std::filesystem::path& path) { return lower(path.extension().string()); }

std::vector<std::string> supported_extensions() {
    std::vector<std::string> out;
    for (const Format& f : kFormats) out.emplace_back(f.extension);
    return out;
}

ImportedDocument read_source(const SourceFile& file, const ReadOptions& options) {
    const core::SourcePos where{file.path, {}, {}, {}};
    const Format* format = find_format(file.extension);
    if (!format) {
        throw core::InputError(where, "unsupported file type '" + file.extension + "' (supported: " +
                                          supported_list() + ")");
    }
    if (file.bytes.empty()) throw core::InputError(where, "empty file");
    ImportedDocument doc = format->read(file, options);
    doc.name = std::filesystem::path(file.path).stem().string();
    doc.content_hash = sha256_hex(file.bytes);
    doc.metadata["source_file"] = std::filesystem::path(file.path).filename().string();
    doc.metadata["format"] = file.extension.substr(1);
    return doc;
}

namespace {
std::vector<ProjectFormat>& registered_projects() {
    static std::vector<ProjectFormat> formats;
    return formats;
}
}  // namespace

void register_project_format(ProjectFormat format) {
    auto& formats = registered_projects();
    for (auto& f : formats) {
        if (f.extension == format.extension) { f = std::move(format); return; }
    }
    formats.push_back(std::move(format));
}

const ProjectFormat* project_format(const std::filesystem::path& path) {
    const auto ext = lower_extension(path);
    for (const auto& f : registered_projects()) if (f.extension == ext) return &f;
    return nullptr;
}

std::vector<ProjectFormat> project_formats() { return registered_projects(); }

ImportedDocument read_file(const std::filesystem::path& path, const ReadOptions& options) {
    SourceFile file{path.string(), lower(path.extension().string()), {}};
    if (!find_format(file.extension)) return read_source(file, options);  // reports the type
    file.bytes = load_bytes(path);
    return read_source(file, options);
}

}  // namespace comb::importers
