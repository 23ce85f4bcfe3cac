// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds small projects in code for tests in a temporary project file: documents from strings,
// codings by quoted text (command_builder.h). Everything goes through core commands, as a
// user's actions would.
#include <memory>

#include "store/project_file.h"
#include "support/command_builder.h"
#include "support/temp_dir.h"

namespace comb::test {

// A builder over a temporary project file.
class ProjectBuilder : public CommandBuilder {
public:
    ProjectBuilder() : file_(store::ProjectFile::create(dir_ / "test.comb")) {
        project_ = std::make_unique<core::Project>(*file_, fixed_clock);
    }

    store::ProjectFile& file() { return *file_; }
    std::filesystem::path path() const { return dir_ / "test.comb"; }
    const TempDir& dir() const { return dir_; }

    // Reopens the file, as a user quitting and starting again would.
    void reopen() {
        project_.reset();
        file_.reset();
        file_ = store::ProjectFile::open(dir_ / "test.comb");
        project_ = std::make_unique<core::Project>(*file_, fixed_clock);
    }

private:
    TempDir dir_;
    std::unique_ptr<store::ProjectFile> file_;
};

}  // namespace comb::test
