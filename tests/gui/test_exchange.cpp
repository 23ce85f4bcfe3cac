// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA through the registries in the workbench: the File menu offers codebook and project
// export, the import dialog lists .qdpx, and the files written and read are REFI-QDA's (the
// same writers and reader `comb export` and `comb import` use).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <wx/menu.h>

#include "gui/command_ids.h"
#include "gui/export_jobs.h"
#include "gui/import_task.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string menu_label(MainFrame& frame, int id) {
    const auto* item = frame.GetMenuBar()->FindItem(id);
    return item ? gui::from_wx(item->GetItemLabelText()) : std::string();
}

}  // namespace

TEST_CASE("the GUI's import and export lists come from the registries, REFI-QDA included", "[gui][exchange]") {
    Fixture f;
    CHECK(menu_label(*f.frame, gui::kIdExportCodebook) == "Export codebook...");
    CHECK(menu_label(*f.frame, gui::kIdExportProject) == "Export REFI-QDA project...");
    CHECK(gui::import_wildcard() ==
          "Transcripts|*.txt;*.md;*.docx;*.odt;*.rtf;*.html;*.htm;*.pdf;*.vtt;*.srt|REFI-QDA project|*.qdpx|All files|*");
    CHECK(gui::export_wildcard(exporters::Report::codebook) ==
          "DOCX (*.docx)|*.docx|CSV (*.csv)|*.csv|REFI-QDA codebook (*.qdc)|*.qdc");
    CHECK(gui::export_wildcard(exporters::Report::project) == "REFI-QDA project (*.qdpx)|*.qdpx");
}

TEST_CASE("the GUI writes the codebook as .qdc and the project as .qdpx, and imports the .qdpx", "[gui][exchange]") {
    Fixture f;
    const auto qdc = f.builder.dir() / "codebook.qdc";
    REQUIRE(f.frame->export_report(gui::kIdExportCodebook, qdc));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    CHECK(f.errors.empty());
    const std::string book = slurp(qdc);
    CHECK(book.find("<CodeBook") != std::string::npos);
    CHECK(book.find("name=\"Leadership\"") != std::string::npos);
    CHECK(book.find("name=\"Staffing\"") != std::string::npos);

    const auto qdpx = f.builder.dir() / "project.qdpx";
    REQUIRE(f.frame->export_report(gui::kIdExportProject, qdpx));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    CHECK(f.errors.empty());
    CHECK(slurp(qdpx).substr(0, 2) == "PK");

    // Into a fresh project, through File > Import's batch: one document, both codings.
    const auto other = f.builder.dir() / "other.comb";
    f.frame->workbench().create(other);
    f.frame->import_files({qdpx});
    REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 20000));
    CHECK(f.errors.empty());
    auto& repo = f.frame->workbench().repo();
    REQUIRE(repo.documents().size() == 1);
    CHECK(repo.documents()[0].name == "P01");
    CHECK(repo.codings().size() == 2);
    CHECK(f.frame->workbench().project().undo_label() == std::optional<std::string>("Import project.qdpx"));
}

TEST_CASE("a .qdpx beside transcripts is refused and nothing is imported", "[gui][exchange]") {
    Fixture f;
    const auto qdpx = f.builder.dir() / "project.qdpx";
    REQUIRE(f.frame->export_report(gui::kIdExportProject, qdpx));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    const auto txt = f.builder.dir() / "P02.txt";
    std::ofstream(txt) << "Interviewer: Why?\nP02: No time.\n";
    const auto before = f.frame->workbench().repo().documents().size();
    f.frame->import_files({txt, qdpx});
    REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 20000));
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].rfind(qdpx.string() + ": a REFI-QDA project cannot be imported together with transcripts", 0) == 0);
    CHECK(f.frame->workbench().repo().documents().size() == before);
}
