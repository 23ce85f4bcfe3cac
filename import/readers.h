// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inside the import library: one function per format, and the bytes-in entry point the
// registry, the tests and the fuzz targets share. Not for code outside import/, tests, fuzz/.
#include <string>

#include "import/imported_document.h"
#include "import/registry.h"

namespace comb::importers {

// One file's bytes and the name errors should show.
struct SourceFile {
    std::string path;       // as the user gave it; the prefix of error messages
    std::string extension;  // lower case, with dot
    std::string bytes;
};

// Each reader throws core::InputError for input it cannot read.
ImportedDocument read_text(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_docx(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_odt(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_html(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_rtf(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_pdf(const SourceFile& file, const ReadOptions& options);
ImportedDocument read_subtitles(const SourceFile& file, const ReadOptions& options);

// Picks the reader by `file.extension`, runs it and fills what every document has: name
// (file stem), content hash, metadata source_file and format. Throws core::InputError for an
// unknown extension, an empty file, and whatever the reader throws.
ImportedDocument read_source(const SourceFile& file, const ReadOptions& options = {});

}  // namespace comb::importers
