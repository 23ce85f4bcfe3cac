// SPDX-License-Identifier: GPL-3.0-or-later
// What comb-gui opens besides projects (issue 20): a .qdpx double-clicked in a file manager
// becomes a new project, and the example project is the user's own copy of the installed one.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/commands/import_documents.h"
#include "core/error.h"
#include "core/project.h"
#include "gui/command_ids.h"
#include "gui_harness.h"
#include "gui/open_files.h"
#include "refi/qdpx_writer.h"
#include "store/project_file.h"
#include "support/project_builder.h"

using namespace comb;
namespace fs = std::filesystem;

TEST_CASE("a .qdpx opened in comb-gui becomes a new project with its documents and codings", "[gui][open]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P4", "Interviewer: What helps?\nP4: Protected time helps.\n", "P4");
    b.code(doc, "Protected time", "Time/Protected time");
    const fs::path qdpx = b.dir() / "colleague.qdpx";
    refi::export_qdpx(b.file(), qdpx, "colleague");
    const fs::path project = b.dir() / "colleague.comb";
    gui::import_qdpx_into(qdpx, project);
    auto file = store::ProjectFile::open(project);
    REQUIRE(file->documents().size() == 1);
    CHECK(file->documents()[0].name == "P4");
    REQUIRE(file->codings().size() == 1);
    CHECK(file->codings()[0].span.start.value == 29);
    CHECK(file->codings()[0].span.end.value == 43);
}

TEST_CASE("a bad .qdpx leaves no half-made project behind", "[gui][open]") {
    test::TempDir dir;
    std::ofstream(dir / "broken.qdpx") << "not a zip";
    const fs::path project = dir / "broken.comb";
    CHECK_THROWS_AS(gui::import_qdpx_into(dir / "broken.qdpx", project), core::InputError);
    CHECK_FALSE(fs::exists(project));
}

TEST_CASE("the example project is copied once into the user's folder and kept", "[gui][open]") {
    test::TempDir installed, user;
    fs::create_directories(installed / "mecc");
    store::ProjectFile::create(installed.path() / "mecc" / "mecc.comb");
    setenv("COMB_EXAMPLE", (installed / "mecc").string().c_str(), 1);
    const fs::path copy = gui::example_project(user.path());
    CHECK(copy == user.path() / "examples" / "mecc.comb");
    CHECK(fs::file_size(copy) == fs::file_size(installed.path() / "mecc" / "mecc.comb"));
    {
        auto file = store::ProjectFile::open(copy);  // the copy is writable: the user's own
    }
    fs::remove(installed.path() / "mecc" / "mecc.comb");
    std::ofstream(copy, std::ios::app) << "";  // the user's changes stay: no second copy
    CHECK(gui::example_project(user.path()) == copy);
    CHECK(fs::exists(copy));
    unsetenv("COMB_EXAMPLE");
}

TEST_CASE("user data lives under XDG_DATA_HOME on Linux", "[gui][open]") {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", "/tmp/comb-xdg", 1);
    CHECK(gui::user_data_dir() == fs::path("/tmp/comb-xdg/comb"));
    if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else unsetenv("XDG_DATA_HOME");
}

TEST_CASE("Help > Open the example project opens the user's copy in the window", "[gui][open]") {
    test::gui_harness::Fixture f;
    test::TempDir installed, data;
    fs::create_directories(installed / "mecc");
    {
        // Closed before it is copied, as the installed example is (no WAL beside it).
        auto file = store::ProjectFile::create(installed.path() / "mecc" / "mecc.comb");
        core::Project project(*file);
        core::NewDocument d;
        d.name = "P01-commissioner";
        d.text = "Interviewer: Hello?\nP1: Hello.\n";
        d.hash = "h";
        project.execute(core::ImportDocuments({d}));
    }
    setenv("COMB_EXAMPLE", (installed / "mecc").string().c_str(), 1);
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", data.path().c_str(), 1);
    f.command(gui::kIdOpenExample);
    INFO((f.errors.empty() ? std::string() : f.errors[0]));
    CHECK(f.errors.empty());
    CHECK(f.frame->workbench().path() == data.path() / "comb" / "examples" / "mecc.comb");
    REQUIRE(f.frame->workbench().repo().documents().size() == 1);
    CHECK(f.frame->workbench().repo().documents()[0].name == "P01-commissioner");
    if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else unsetenv("XDG_DATA_HOME");
    unsetenv("COMB_EXAMPLE");
}
