// SPDX-License-Identifier: GPL-3.0-or-later
// comb_import_bench [--scale S] [--seed N]: import speed per format (issue 4: "importing 2,000
// DOCX transcripts, about 100 MB of text, takes at most 20 s"). Writes the benchmark corpus
// (2,000 x 8,000 words at scale 1) as .docx, .txt, .html and .rtf into a temporary folder,
// removed at the end, then times importers::read_file over each format's files on one thread
// per core, as `comb import` reads them (src/cli/import_files.cpp), and prints MB of text per
// second. The files were just written, so they are read from the page cache: this times the
// readers, not the disk.
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "corpus.h"
#include "import/registry.h"

namespace {
namespace fs = std::filesystem;
using comb::bench::CorpusSpec;

constexpr double kTargetFiles = 2000;
constexpr double kTargetSeconds = 20;
const char* const kFormats[] = {"docx", "txt", "html", "rtf"};

// The benchmark's folder, removed with everything in it when the program ends.
class TempDir {
public:
    TempDir() : path_(fs::temp_directory_path() / ("comb-import-bench-" + std::to_string(::getpid()))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Runs job(i) for i in [0, count) on one thread per core, each taking the next index.
void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) job(i);
    };
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < threads; ++k) workers.emplace_back(work);
    for (auto& w : workers) w.join();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string xml_escaped(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// The generator writes ASCII only; RTF needs its three specials escaped.
std::string rtf_escaped(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\' || c == '{' || c == '}') out += '\\';
        out += c;
    }
    return out;
}

std::string html_of(const std::vector<std::string>& paragraphs) {
    std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Transcript</title></head><body>\n";
    for (const auto& p : paragraphs) out += "<p>" + xml_escaped(p) + "</p>\n";
    return out + "</body></html>\n";
}

std::string rtf_of(const std::vector<std::string>& paragraphs) {
    std::string out = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n";
    for (const auto& p : paragraphs) out += "{\\pard " + rtf_escaped(p) + "\\par}\n";
    return out + "}\n";
}

// word/document.xml with one w:p per paragraph.
std::string docx_document_xml(const std::vector<std::string>& paragraphs) {
    std::string out =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
    for (const auto& p : paragraphs) out += R"(<w:p><w:r><w:t xml:space="preserve">)" + xml_escaped(p) + "</w:t></w:r></w:p>";
    return out + "<w:sectPr/></w:body></w:document>";
}

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";
const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// A minimal .docx (deflated, as Word writes them) at `path`. Throws std::runtime_error.
void write_docx(const fs::path& path, const std::vector<std::string>& paragraphs) {
    const std::string document = docx_document_xml(paragraphs);
    int error = 0;
    std::unique_ptr<zip_t, ZipDiscard> zip(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
    if (!zip) throw std::runtime_error("cannot create " + path.string());
    const std::pair<const char*, std::string_view> entries[] = {
        {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document}};
    for (const auto& [name, bytes] : entries) {
        zip_source_t* source = zip_source_buffer(zip.get(), bytes.data(), bytes.size(), 0);
        if (!source) throw std::runtime_error("cannot add " + std::string(name) + " to " + path.string());
        if (zip_file_add(zip.get(), name, source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            throw std::runtime_error("cannot add " + std::string(name) + " to " + path.string());
        }
    }
    // zip_close writes the archive; it frees the handle only when it succeeds.
    if (zip_close(zip.get()) != 0) throw std::runtime_error("cannot write " + path.string());
    static_cast<void>(zip.release());
}

void write_all_formats(const fs::path& dir, const CorpusSpec& spec, int n) {
    const auto doc = comb::bench::transcript(spec, n);
    const auto paragraphs = lines_of(doc.text);
    const fs::path stem = dir / doc.case_name.value_or("T" + std::to_string(n));
    std::ofstream(fs::path(stem).replace_extension(".txt"), std::ios::binary) << doc.text;
    std::ofstream(fs::path(stem).replace_extension(".html"), std::ios::binary) << html_of(paragraphs);
    std::ofstream(fs::path(stem).replace_extension(".rtf"), std::ios::binary) << rtf_of(paragraphs);
    write_docx(fs::path(stem).replace_extension(".docx"), paragraphs);
}

struct FormatResult {
    std::string format;
    std::size_t files = 0;
    double file_mb = 0;
    double text_mb = 0;
    double seconds = 0;
    std::size_t failures = 0;
    std::string first_error;
};

FormatResult time_format(const fs::path& dir, const std::string& format, int count, unsigned threads) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == "." + format) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    FormatResult r;
    r.format = format;
    r.files = files.size();
    if (static_cast<int>(files.size()) != count) throw std::runtime_error("expected " + std::to_string(count) + " ." + format + " files");
    for (const auto& f : files) r.file_mb += static_cast<double>(fs::file_size(f)) / 1e6;
    std::vector<std::size_t> text_bytes(files.size(), 0);
    std::vector<std::string> errors(files.size());
    const auto start = std::chrono::steady_clock::now();
    run_parallel(files.size(), threads, [&](std::size_t i) {
        try {
            text_bytes[i] = comb::importers::read_file(files[i]).text.size();
        } catch (const std::exception& e) {
            errors[i] = e.what();
        }
    });
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < files.size(); ++i) {
        r.text_mb += static_cast<double>(text_bytes[i]) / 1e6;
        if (!errors[i].empty() && r.failures++ == 0) r.first_error = errors[i];
    }
    return r;
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    CorpusSpec spec;
    double scale = 1.0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--scale" && i + 1 < argc) scale = std::atof(argv[++i]);
        else if (a == "--seed" && i + 1 < argc) spec.seed = std::strtoull(argv[++i], nullptr, 10);
        else scale = 0;
    }
    if (scale <= 0) {
        std::cerr << "usage: comb_import_bench [--scale S] [--seed N]\n";
        return 1;
    }
    spec.transcripts = std::max(1, static_cast<int>(spec.transcripts * scale + 0.5));
    const unsigned threads =
        std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(spec.transcripts)));
    try {
        TempDir dir;
        std::cout << "Writing " << spec.transcripts << " transcripts x " << spec.words_per_transcript
                  << " words as .docx, .txt, .html, .rtf to " << dir.path().string() << " ..." << std::endl;
        const auto gen_start = std::chrono::steady_clock::now();
        run_parallel(static_cast<std::size_t>(spec.transcripts), threads,
                     [&](std::size_t n) { write_all_formats(dir.path(), spec, static_cast<int>(n)); });
        std::cout << "  written in " << fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - gen_start).count(), 1)
                  << " s; reading with importers::read_file on " << threads << " threads\n\n";

        std::vector<FormatResult> results;
        for (const char* f : kFormats) results.push_back(time_format(dir.path(), f, spec.transcripts, threads));

        std::cout << "| format | files | MB of files | MB of text | seconds | MB/s (text) |\n"
                  << "|---|---:|---:|---:|---:|---:|\n";
        for (const auto& r : results) {
            std::cout << "| " << r.format << " | " << r.files << " | " << fixed(r.file_mb, 1) << " | " << fixed(r.text_mb, 1)
                      << " | " << fixed(r.seconds, 2) << " | " << fixed(r.text_mb / r.seconds, 1) << " |\n";
        }
        const auto& docx = results.front();
        const double scaled = docx.seconds * kTargetFiles / static_cast<double>(docx.files);
        std::cout << "\nDOCX scaled to " << kTargetFiles << " files: " << fixed(scaled, 2) << " s (target <= "
                  << kTargetSeconds << " s): " << (scaled <= kTargetSeconds ? "met" : "MISSED") << "\n"
                  << "MB = 10^6 bytes; MB of text = UTF-8 bytes of the imported text.\n";
        int failed = 0;
        for (const auto& r : results) {
            if (r.failures == 0) continue;
            std::cerr << r.format << ": " << r.failures << " files failed, first: " << r.first_error << "\n";
            failed = 1;
        }
        return failed ? 2 : 0;
    } catch (const std::exception& e) {
        std::cerr << "comb_import_bench: " << e.what() << "\n";
        return 2;
    }
}
