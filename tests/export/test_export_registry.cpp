// SPDX-License-Identifier: GPL-3.0-or-later
// The registry picks a writer by extension and never leaves a half-written file.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.h"
#include "export/atomic_file.h"
#include "export/export_support.h"
#include "export/fixtures.h"
#include "export/registry.h"

using namespace comb;
using comb::tests::TempDir;

TEST_CASE("an unknown extension is an input error naming the file", "[export][registry]") {
    TempDir dir;
    const auto path = dir / "themes.pdf";
    try {
        exporters::write_theme_table(tests::sample_theme_table(), path);
        FAIL("no error");
    } catch (const core::InputError& e) {
        CHECK(e.pos().path == path.string());
        CHECK(std::string(e.what()).find(".docx, .xlsx, .csv, .md, .tex or .html") != std::string::npos);
    }
    CHECK_THROWS_AS(exporters::write_codebook(tests::sample_codebook(), dir / "c.qdc"),
                    core::InputError);
    CHECK_THROWS_AS(exporters::write_summary(tests::sample_summary(), dir / "s.docx"),
                    core::InputError);
    CHECK_THROWS_WITH(exporters::write_summary(tests::sample_summary(), dir / "summary"),
                      Catch::Contains("cannot write a summary without a file extension: use "
                                      ".html or .htm"));
    CHECK(tests::list_dir(dir.path()).empty());
}

TEST_CASE("extensions are matched without regard to case", "[export][registry]") {
    TempDir dir;
    exporters::write_theme_table(tests::sample_theme_table(), dir / "THEMES.CSV");
    exporters::write_summary(tests::sample_summary(), dir / "Summary.HTM");
    CHECK(tests::list_dir(dir.path()) == std::vector<std::string>{"Summary.HTM", "THEMES.CSV"});
}

TEST_CASE("an unwritable target is an input error and leaves nothing behind", "[export][registry]") {
    TempDir dir;
    const auto missing = dir / "no-such-folder" / "themes.csv";
    try {
        exporters::write_theme_table(tests::sample_theme_table(), missing);
        FAIL("no error");
    } catch (const core::InputError& e) {
        CHECK(e.pos().path == missing.string());
    }
    CHECK(tests::list_dir(dir.path()).empty());
}

TEST_CASE("a file is replaced whole, and not at all when writing fails", "[export][atomic]") {
    TempDir dir;
    const auto path = dir / "themes.md";
    {
        std::ofstream(path) << "old contents";
    }
    SECTION("an uncommitted file leaves the target as it was and no temporary") {
        {
            exporters::AtomicFile file(path);
            file.write("half a table");
            CHECK(std::filesystem::exists(file.temp_path()));
            CHECK(file.temp_path().parent_path() == dir.path());
        }
        CHECK(tests::read_file(path) == "old contents");
        CHECK(tests::list_dir(dir.path()) == std::vector<std::string>{"themes.md"});
    }
    SECTION("a committed file replaces the target") {
        exporters::write_theme_table(tests::sample_theme_table(), path);
        CHECK(tests::read_file(path).rfind("**Themes, COM-B mapping", 0) == 0);
        CHECK(tests::list_dir(dir.path()) == std::vector<std::string>{"themes.md"});
    }
    SECTION("a target that is a folder cannot be replaced") {
        std::filesystem::create_directory(dir / "folder.csv");
        CHECK_THROWS_AS(exporters::write_theme_table(tests::sample_theme_table(), dir / "folder.csv"),
                        core::InputError);
        CHECK(tests::list_dir(dir.path()) == std::vector<std::string>{"folder.csv", "themes.md"});
    }
}

TEST_CASE("the registry lists the extensions it accepts", "[export][registry]") {
    CHECK(exporters::theme_table_extensions() ==
          std::vector<std::string>{".docx", ".xlsx", ".csv", ".md", ".tex", ".html"});
    CHECK(exporters::summary_extensions() == std::vector<std::string>{".html", ".htm"});
    CHECK(exporters::codebook_extensions() == std::vector<std::string>{".docx", ".csv"});
}

TEST_CASE("an empty model still gives a complete file in every format", "[export][registry]") {
    TempDir dir;
    for (const auto& ext : exporters::theme_table_extensions()) {
        INFO(ext);
        CHECK_NOTHROW(exporters::write_theme_table(exporters::ThemeTable{}, dir / ("t" + ext)));
        CHECK(std::filesystem::file_size(dir / ("t" + ext)) > 0);
    }
    CHECK_NOTHROW(exporters::write_summary(exporters::Summary{}, dir / "s.html"));
    for (const auto& ext : exporters::codebook_extensions()) {
        INFO(ext);
        CHECK_NOTHROW(exporters::write_codebook(exporters::Codebook{}, dir / ("c" + ext)));
    }
    CHECK(tests::zip_entry(dir / "t.docx", "word/document.xml"));
    CHECK(tests::zip_entry(dir / "t.xlsx", "xl/worksheets/sheet1.xml"));
}
