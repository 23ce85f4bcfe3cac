// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/zip_reader.h"

#include <zip.h>

#include "core/error.h"

namespace comb::importers {
namespace {

struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool is_unsafe_name(std::string_view name) {
    if (name.empty()) return false;
    if (name.front() == '/' || name.front() == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;  // "C:\..." on Windows
    // Any ".." path component, with either separator.
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

void ZipReader::Discard::operator()(zip* archive) const { zip_discard(archive); }

ZipReader::ZipReader(std::string_view bytes, std::string path) : path_(std::move(path)) {
    const core::SourcePos where{path_, {}, {}, {}};
    if (bytes.substr(0, 2) != "PK") throw core::InputError(where, "not a zip archive");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        throw core::Error("libzip cannot create a memory source");
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) {
        zip_source_free(source);
        // libzip says "Not a zip archive" when the central directory at the end is missing,
        // which for a file that starts like a zip means it was cut short.
        const std::string detail = zip_error_code_zip(&error) == ZIP_ER_NOZIP ? "no central directory"
                                                                               : zip_error_strerror(&error);
        zip_error_fini(&error);
        throw core::InputError(where, "truncated or corrupt zip archive (" + detail + ")");
    }
    zip_error_fini(&error);
    archive_.reset(archive);
    for (const std::string& name : names()) {
        if (is_unsafe_name(name)) throw core::InputError(where, "unsafe path in zip entry: " + name);
    }
}

ZipReader::~ZipReader() = default;
ZipReader::ZipReader(ZipReader&& other) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&& other) noexcept = default;

std::vector<std::string> ZipReader::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        if (name) out.emplace_back(name);
    }
    return out;
}

bool ZipReader::contains(std::string_view name) const {
    return zip_name_locate(archive_.get(), std::string(name).c_str(), ZIP_FL_ENC_RAW) >= 0;
}

std::optional<std::string> ZipReader::read_optional(std::string_view name, std::uint64_t max_bytes) const {
    if (!contains(name)) return std::nullopt;
    return read(name, max_bytes);
}

std::string ZipReader::read(std::string_view name, std::uint64_t max_bytes) const {
    const std::string entry(name);
    const core::SourcePos where{path_, {}, {}, {}};
    const zip_int64_t index = zip_name_locate(archive_.get(), entry.c_str(), ZIP_FL_ENC_RAW);
    if (index < 0) throw core::InputError(where, "missing zip entry " + entry);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
        throw core::InputError(where, "corrupt zip entry " + entry + " (no sizes)");
    }
    if (st.size > max_bytes) {
        throw core::InputError(where, "zip entry " + entry + " is too large (" + std::to_string(st.size) + " bytes)");
    }
    if (st.size >= kRatioCheckFrom && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > kMaxRatio) {
        throw core::InputError(where, "zip entry " + entry + " has a compression ratio of " +
                                          std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)) +
                                          ":1 (zip bomb?)");
    }
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        throw core::InputError(where, "corrupt zip entry " + entry + " (" +
                                          zip_error_strerror(zip_get_error(archive_.get())) + ")");
    }
    // Read one byte more than declared: an entry that inflates past its declared size lies.
    std::string data(static_cast<std::size_t>(st.size) + 1, '\0');
    std::size_t got = 0;
    while (got < data.size()) {
        const zip_int64_t n = zip_fread(file.get(), data.data() + got, data.size() - got);
        if (n < 0) {
            throw core::InputError(where, "corrupt zip entry " + entry + " (" +
                                              zip_error_strerror(zip_file_get_error(file.get())) + ")");
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != st.size) throw core::InputError(where, "corrupt zip entry " + entry + " (size mismatch)");
    data.resize(got);
    return data;
}

}  // namespace comb::importers
