// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Picks the reader for a file and runs it. One registry line per format.
#include <filesystem>
#include <string>
#include <vector>

#include "import/imported_document.h"

namespace comb::importers {

struct ReadOptions {
    // Extra speaker-label patterns (ECMAScript regex with one capture group for the name),
    // tried before the built-in ones.
    std::vector<std::string> speaker_patterns;
    // Speaker names to mark as interviewer besides the built-in ones ("Interviewer", "INT", "I", ...).
    std::vector<std::string> interviewer_names;
};

// The file's extension in lower case with its dot (".docx"), as the registries match it.
std::string lower_extension(const std::filesystem::path& path);

// File extensions (lower case, with dot) that read_file accepts.
std::vector<std::string> supported_extensions();

// Reads one transcript. Throws core::InputError naming the file and the reason (and the
// position when known) for anything it cannot read: unknown extension, empty file,
// invalid encoding, corrupt or hostile container.
ImportedDocument read_file(const std::filesystem::path& path, const ReadOptions& options = {});

}  // namespace comb::importers
