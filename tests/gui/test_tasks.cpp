// SPDX-License-Identifier: GPL-3.0-or-later
// "Never block": exports and index rebuilds run on a worker thread (BackgroundTask) while the
// event loop keeps running; Cancel leaves nothing behind; the search pane says when its
// index is not there instead of building it on the main thread.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <wx/srchctrl.h>
#include <wx/statusbr.h>

#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "core/commands/import_documents.h"
#include "gui/background_task.h"
#include "gui/command_ids.h"
#include "gui/export_jobs.h"
#include "gui/search_view.h"
#include "gui_harness.h"
#include "index/passage_index.h"
#include "support/build_folders.h"

using namespace comb;
using namespace comb::test::gui_harness;
namespace fs = std::filesystem;

namespace {

const std::string kNotBuilt = "Search index not built \u2014 Tools \u25B8 Rebuild search index";

// Holds an export job until the test lets it go (or cancels it), so what the test sees while
// the job runs does not depend on how fast the machine is.
struct Gate {
    std::atomic<bool> open{false};
    std::atomic<bool> entered{false};
    std::thread::id worker;

    gui::ExportRequest hold(gui::ExportRequest request) {
        request.job = [this, inner = std::move(request.job)](core::Progress& progress) {
            worker = std::this_thread::get_id();
            entered = true;
            while (!open && !progress.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
            inner(progress);
        };
        return request;
    }
};

std::string status(MainFrame& frame, int field) { return gui::from_wx(frame.GetStatusBar()->GetStatusText(field)); }

std::size_t files_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

fs::path index_folder(Fixture& f) { return index::PassageIndex::folder_for(f.builder.path()); }

// Enough text that a rebuild takes far longer than the test needs to press Cancel.
void add_many_documents(Fixture& f, int n) {
    std::vector<core::NewDocument> docs;
    for (int i = 0; i < n; ++i) {
        core::NewDocument d;
        d.name = "bulk" + std::to_string(i);
        d.hash = d.name;
        for (int p = 0; p < 20; ++p) {
            d.text += "Paragraph " + std::to_string(p) + " of interview " + std::to_string(i) +
                      ": the rota was full, training came second, and the room was booked again.\n\n";
        }
        docs.push_back(std::move(d));
    }
    f.builder.project().execute(core::ImportDocuments(std::move(docs)));
}

wxSearchCtrl& query_control(gui::SearchView& search) {
    auto* query = dynamic_cast<wxSearchCtrl*>(search.FindWindow("query"));
    REQUIRE(query);
    return *query;
}

}  // namespace

TEST_CASE("an export runs on a worker while the event loop keeps pumping", "[gui][tasks]") {
    Fixture f;
    REQUIRE(pump_until([&] { return f.frame->search().is_ready(); }, 10000));
    const auto target = f.builder.dir() / "table.docx";
    gui::ThemeTableChoice choice;  // DOCX
    Gate gate;
    REQUIRE(f.frame->start_export(gate.hold(gui::theme_table_request(f.builder.path(), choice, target))));
    CHECK_FALSE(f.frame->start_export(gui::summary_request(f.builder.path(), f.builder.dir() / "s.html")));

    // The main thread goes on handling events while the job waits on the worker.
    int handled = 0;
    for (int i = 0; i < 3; ++i) {
        wxTheApp->CallAfter([&handled] { ++handled; });
        pump(200);
    }
    CHECK(handled == 3);
    REQUIRE(gate.entered);
    CHECK(gate.worker != std::this_thread::get_id());
    CHECK(f.frame->is_exporting());
    // After 600 ms the progress dialog is up, app-modal: the frame waits, disabled.
    CHECK(f.frame->export_task()->dialog_shown());
    CHECK_FALSE(f.frame->IsEnabled());
    CHECK_FALSE(fs::exists(target));

    gate.open = true;
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    CHECK(f.frame->IsEnabled());
    CHECK(f.errors.empty());
    CHECK(status(*f.frame, 1) == "Wrote " + target.string());
    REQUIRE(fs::exists(target));
    std::ifstream in(target, std::ios::binary);
    std::string magic(2, '\0');
    in.read(magic.data(), 2);
    CHECK(magic == "PK");
}

TEST_CASE("an export_report of the summary writes the file and says where", "[gui][tasks]") {
    Fixture f;
    const auto target = f.builder.dir() / "summary.html";
    REQUIRE(f.frame->export_report(gui::kIdExportSummary, target));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
    CHECK(f.errors.empty());
    CHECK(status(*f.frame, 1) == "Wrote " + target.string());
    CHECK(fs::file_size(target) > 0);
}

TEST_CASE("cancelling an export leaves no file and reports cancelled", "[gui][tasks]") {
    Fixture f;
    const auto before = files_in(f.builder.dir().path());

    SECTION("through the main frame") {
        const auto target = f.builder.dir() / "table.xlsx";
        gui::ThemeTableChoice choice;
        choice.format = 1;  // XLSX
        Gate gate;
        REQUIRE(f.frame->start_export(gate.hold(gui::theme_table_request(f.builder.path(), choice, target))));
        REQUIRE(pump_until([&] { return gate.entered.load(); }));
        f.frame->export_task()->cancel();
        REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 10000));
        CHECK(status(*f.frame, 1) == "Export cancelled; nothing was written");
        CHECK(f.errors.empty());
        CHECK_FALSE(fs::exists(target));
    }
    SECTION("the task's outcome") {
        const auto target = f.builder.dir() / "summary.html";
        Gate gate;
        auto request = gate.hold(gui::summary_request(f.builder.path(), target));
        std::optional<gui::TaskOutcome> outcome;
        gui::BackgroundTask task(*f.frame, {"Test", "", 0}, request.job, [&](const gui::TaskOutcome& o) { outcome = o; });
        CHECK(task.running());
        task.cancel();
        REQUIRE(pump_until([&] { return outcome.has_value(); }, 10000));
        CHECK_FALSE(task.running());
        CHECK(outcome->cancelled);
        CHECK_FALSE(outcome->ok);
        CHECK(outcome->error.empty());
        CHECK_FALSE(fs::exists(target));
    }
    // No temporary file either.
    CHECK(files_in(f.builder.dir().path()) == before);
}

TEST_CASE("a failing job reports its error as the outcome", "[gui][tasks]") {
    Fixture f;
    std::optional<gui::TaskOutcome> outcome;
    gui::BackgroundTask task(*f.frame, {"Test", "", 0}, [](core::Progress&) { throw core::InputError({"x.csv"}, "broken"); },
                             [&](const gui::TaskOutcome& o) { outcome = o; });
    REQUIRE(pump_until([&] { return outcome.has_value(); }));
    CHECK_FALSE(outcome->ok);
    CHECK_FALSE(outcome->cancelled);
    CHECK(outcome->error == "x.csv: broken");
}

TEST_CASE("opening a project without its index rebuilds it in the background", "[gui][tasks]") {
    Fixture f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    f.command(gui::kIdCloseProject);
    fs::remove_all(index_folder(f));

    REQUIRE(f.frame->open_project(f.builder.path()));
    CHECK(search.is_rebuilding());
    CHECK_FALSE(search.is_ready());
    CHECK(search.state_text() == "Building the search index (missing)\u2026");
    CHECK_FALSE(query_control(search).IsEnabled());
    CHECK(search.search("managers") == 0);

    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    CHECK(search.state_text().empty());
    CHECK(query_control(search).IsEnabled());
    REQUIRE(search.search("managers") == 1);
    CHECK(search.hits()[0].doc == f.doc);
    CHECK(search.hits()[0].span == span_of("We had no time for it \xF0\x9F\x98\x80 and the managers never released staff."));
    CHECK(fs::exists(index_folder(f)));
    CHECK(test::build_folders_beside(index_folder(f)).empty());
    CHECK(f.errors.empty());
}

TEST_CASE("a cancelled rebuild leaves search disabled until Tools > Rebuild", "[gui][tasks]") {
    Fixture f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    f.command(gui::kIdCloseProject);
    add_many_documents(f, 300);
    fs::remove_all(index_folder(f));

    REQUIRE(f.frame->open_project(f.builder.path()));
    REQUIRE(search.is_rebuilding());
    f.frame->index_rebuild_task()->cancel();
    REQUIRE(pump_until([&] { return !search.is_rebuilding(); }, 20000));
    CHECK_FALSE(search.is_ready());
    CHECK(search.state_text() == kNotBuilt);
    CHECK_FALSE(query_control(search).IsEnabled());
    CHECK(search.search("managers") == 0);
    CHECK_FALSE(fs::exists(index_folder(f)));
    CHECK(test::build_folders_beside(index_folder(f)).empty());

    // A change meanwhile does not build it behind the user's back.
    f.frame->workbench().run(core::ApplyCodings({{f.doc, span_of("Time is the barrier")}}, "Barriers", "tester"));
    pump(100);
    CHECK_FALSE(search.is_rebuilding());
    CHECK(search.state_text() == kNotBuilt);

    f.command(gui::kIdRebuildIndex);
    CHECK(search.is_rebuilding());
    CHECK(search.state_text() == "Building the search index (requested)\u2026");
    REQUIRE(pump_until([&] { return search.is_ready(); }, 30000));
    CHECK(search.state_text().empty());
    CHECK(query_control(search).IsEnabled());
    CHECK(search.search("managers") == 1);
    CHECK(search.search("rota") == 200);  // the search pane shows at most 200 of the 6,000
    CHECK(f.errors.empty());
}

TEST_CASE("a bulk import rebuilds in the background, a change meanwhile rebuilds again", "[gui][tasks]") {
    Fixture f;
    auto& search = f.frame->search();
    auto& wb = f.frame->workbench();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    std::vector<core::NewDocument> docs;
    for (int i = 0; i < 60; ++i) {
        core::NewDocument d;
        d.name = "more" + std::to_string(i);
        d.hash = d.name;
        d.text = "Interview " + std::to_string(i) + ": the rota was full again.\n";
        docs.push_back(std::move(d));
    }
    REQUIRE(wb.run(core::ImportDocuments(std::move(docs))));
    CHECK(search.is_rebuilding());
    CHECK(search.state_text() == "Building the search index (bulk import)\u2026");
    // Made while the worker builds from its own snapshot: not in that build, so it goes again.
    REQUIRE(wb.run(core::ApplyCodings({{f.doc, span_of("Time is the barrier")}}, "Barriers", "tester")));
    CHECK(search.is_rebuilding());
    REQUIRE(pump_until([&] { return search.is_ready(); }, 20000));
    index::PassageIndex check(index_folder(f));
    CHECK_FALSE(check.rebuild_reason(wb.repo()));
    CHECK(search.search("rota") == 60);
    CHECK(f.errors.empty());
}
