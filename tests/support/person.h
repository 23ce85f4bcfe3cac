// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A second person (or window) on the same project file: its own connection and Project, with
// a fixed clock, for tests of several writers (issue 12).
#include <filesystem>
#include <memory>
#include <string>

#include "core/project.h"
#include "store/project_file.h"

namespace comb::test {

inline std::string clock_at() { return "2026-12-03T09:14:02Z"; }

struct Person {
    Person(const std::filesystem::path& path, const std::string& coder)
        : file(store::ProjectFile::open(path)), project(*file, coder, clock_at) {}
    std::unique_ptr<store::ProjectFile> file;
    core::Project project;
};

}  // namespace comb::test
