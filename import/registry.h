// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Picks the reader for a file and runs it. One registry line per format.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"
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

// A whole project in an exchange format (REFI-QDA .qdpx): read, not yet merged. Its command
// merges it as one undoable step.
struct ProjectImport {
    std::unique_ptr<core::Command> command;
    std::size_t documents = 0;
    std::size_t turns = 0;
    std::vector<std::string> warnings;  // parts that could not be imported, without the path
    std::string description;            // what it held: "Read x.qdpx (NVivo): 3 sources, ..."
};
// Throws core::InputError naming the file for anything it cannot read.
using ProjectReader = std::function<ProjectImport(const std::filesystem::path&)>;

struct ProjectFormat {
    std::string extension;  // ".qdpx"
    std::string label;      // "REFI-QDA project"
    ProjectReader read;
};

// Adds a project format. The library that owns the format registers it once at start-up
// (refi::register_formats()), because this library cannot depend on it; registering an
// extension again replaces the earlier line. Not thread-safe: register before reading.
void register_project_format(ProjectFormat format);
// The project format for `path`'s extension, or nullptr.
const ProjectFormat* project_format(const std::filesystem::path& path);
// Registered project formats, in registration order.
std::vector<ProjectFormat> project_formats();

}  // namespace comb::importers
