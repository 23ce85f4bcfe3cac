// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one import batch both front ends run (`comb import`, File > Import documents): files and
// folders in, the commands that import them out, all or nothing.
// - Folders expand to the readable files directly inside them, in name order.
// - Transcripts are read in parallel (one reader per file, no shared state); every file that
//   cannot be read is listed in one InputError and nothing is imported (the command line), or,
//   with BatchRequest::keep_going (the GUI, which then asks), listed in Batch::failed beside
//   the command that imports the others. Each document's warnings come back with its path.
// - Projects in an exchange format (.qdpx, registered by refi) are merged by their own
//   command each; they cannot share a transaction with transcripts, so a batch that mixes
//   them is refused, naming each project to import on its own.
// The caller runs the commands in order on its project (one undo step each).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/command.h"
#include "core/commands/import_documents.h"
#include "core/progress.h"
#include "import/registry.h"

namespace comb::importers {

struct BatchRequest {
    std::vector<std::filesystem::path> paths;  // files or folders
    std::optional<std::string> case_name;      // default: a transcript's one non-interviewer speaker
    std::vector<std::pair<std::string, std::string>> attributes;  // for case_name
    ReadOptions read;
    std::filesystem::path project;  // named in the refusal of a mixed batch ("comb import PROJECT FILE")
    // Transcripts that cannot be read go to Batch::failed instead of refusing the batch; the
    // command imports the rest (none when no file could be read).
    bool keep_going = false;
};

struct Batch {
    std::vector<std::unique_ptr<core::Command>> commands;  // run in order
    std::size_t documents = 0;
    std::size_t turns = 0;
    std::vector<std::string> warnings;     // "path: warning"
    std::vector<std::string> descriptions; // one line per project read ("Read x.qdpx (NVivo): ...")
    std::size_t files = 0;                 // files the request named, folders expanded
    std::vector<std::string> failed;       // with keep_going: why each unreadable file was not read
};

// Reads everything the request names. progress counts files; cancelling stops the readers
// and throws core::Cancelled. Throws core::InputError (with InputError::argument when the
// read options themselves are wrong, or nothing importable was found) and nothing is imported;
// with keep_going, unreadable transcripts are listed in Batch::failed instead.
Batch read_batch(const BatchRequest& request, core::Progress& progress);

// One read transcript as the command takes it (the batch's conversion; for tests).
core::NewDocument to_new_document(ImportedDocument doc, const std::optional<std::string>& case_name = std::nullopt,
                                  const std::vector<std::pair<std::string, std::string>>& attributes = {});

}  // namespace comb::importers
