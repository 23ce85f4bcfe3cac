// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small zip containers built in memory for tests (DOCX, ODT, hostile archives), with libzip.
#include <unistd.h>
#include <zip.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace comb::importers::test {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

inline std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

inline std::filesystem::path temp_path(const std::string& stem) {
    static std::atomic<int> counter{0};
    const auto dir = std::filesystem::temp_directory_path() / "comb-import-tests";
    std::filesystem::create_directories(dir);
    return dir / (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Writes `entries` (name, bytes) into a new zip; `method` applies to every entry.
inline std::string make_zip(const ZipEntries& entries, zip_int32_t method = ZIP_CM_DEFLATE) {
    const auto path = temp_path("fixture.zip");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        REQUIRE(source != nullptr);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        REQUIRE(index >= 0);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 0);
    }
    REQUIRE(zip_close(archive) == 0);
    std::string bytes = read_whole_file(path);
    std::filesystem::remove(path);
    return bytes;
}

inline std::string docx_document(const std::string& body) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
           body + R"(<w:sectPr/></w:body></w:document>)";
}

inline const char* kDocxRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(</Relationships>)";

// A minimal .docx whose body is `body` (w:p and w:tbl elements), plus `extra` entries.
inline std::string make_docx(const std::string& body, ZipEntries extra = {}) {
    ZipEntries entries = {
        {"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
        {"_rels/.rels", kDocxRels},
        {"word/document.xml", docx_document(body)},
    };
    for (auto& e : extra) entries.push_back(std::move(e));
    return make_zip(entries);
}

inline std::string odt_content(const std::string& text) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
           R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
           R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
           R"(xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">)"
           R"(<office:body><office:text>)" + text + R"(</office:text></office:body></office:document-content>)";
}

// A minimal .odt whose office:text holds `text`, plus `extra` entries.
inline std::string make_odt(const std::string& text, ZipEntries extra = {}) {
    ZipEntries entries = {
        {"mimetype", "application/vnd.oasis.opendocument.text"},
        {"content.xml", odt_content(text)},
    };
    for (auto& e : extra) entries.push_back(std::move(e));
    return make_zip(entries);
}

// "<w:p><w:r><w:t>text</w:t></w:r></w:p>"
inline std::string wp(const std::string& text) {
    return R"(<w:p><w:r><w:t xml:space="preserve">)" + text + "</w:t></w:r></w:p>";
}

}  // namespace comb::importers::test
