// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Imports files and folders into a project as one command: every file is read first and
// all errors are reported together; only if all files read does anything change.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/session.h"
#include "import/registry.h"

namespace comb::cli {

struct ImportRequest {
    std::vector<std::filesystem::path> paths;  // files or folders
    std::optional<std::string> case_name;
    std::vector<std::pair<std::string, std::string>> attributes;
    importers::ReadOptions read;  // speaker patterns and interviewer names for this import
};

struct ImportSummary {
    std::size_t documents = 0;
    std::size_t turns = 0;
    std::vector<std::string> warnings;
};

// Throws InputError listing every file that could not be read (the project is unchanged).
ImportSummary import_files(Session& session, const ImportRequest& request);

}  // namespace comb::cli
