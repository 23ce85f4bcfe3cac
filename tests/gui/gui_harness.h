// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The GUI test harness: one wx application per process, an event pump, and a fixture that
// opens the real MainFrame over a small project built in code (one transcript, two nested
// codings) with its own settings file. Shared by every tests/gui/*.cpp.
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/fileconf.h>
#include <wx/utils.h>

#include "core/utf8.h"
#include "gui/code_panel.h"
#include "gui/code_tree_model.h"
#include "gui/main_frame.h"
#include "gui/settings.h"
#include "gui/text_metrics.h"
#include "gui/transcript_view.h"
#include "gui/wx_text.h"
#include "support/project_builder.h"

namespace comb::test::gui_harness {

using gui::MainFrame;

// wx allows one application per process; it is started on first use and lives until exit.
inline void ensure_wx() {
    static bool started = [] {
        static int argc = 1;
        static char name[] = "test_gui";
        static char* argv[] = {name, nullptr};
        gui::use_exact_text_metrics();  // as comb-gui does before the toolkit starts
        wxApp::SetInstance(new wxApp());
        if (!wxEntryStart(argc, argv)) throw std::runtime_error("cannot start wx (no display?)");
        wxTheApp->CallOnInit();
        // An active loop, as the real app's main loop: without one, a progress dialog makes
        // a temporary loop and deletes it under a running wxYield.
        static wxGUIEventLoop loop;
        static wxEventLoopActivator activate(&loop);
        return true;
    }();
    (void)started;
}

// Lets the event loop run for `ms` milliseconds.
inline void pump(int ms = 100) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->ProcessPendingEvents();
        wxYield();
        wxMilliSleep(5);
    } while (std::chrono::steady_clock::now() < end);
}

// Pumps until `done()` or a timeout; returns done().
template <class F>
bool pump_until(F done, int timeout_ms = 3000) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!done() && std::chrono::steady_clock::now() < end) pump(20);
    return done();
}

inline const std::string kText =
    "Interviewer: How was the training?\n"
    "P01: We had no time for it \xF0\x9F\x98\x80 and the managers never released staff.\n"
    "Interviewer: Anything else?\n"
    "P01: Time is the barrier, honestly.\n";

inline core::CodePoint cp_of(const std::string& needle, std::size_t from = 0) {
    const auto at = kText.find(needle, from);
    REQUIRE(at != std::string::npos);
    return core::utf8::to_code_point(kText, at);
}

inline core::Span span_of(const std::string& needle) {
    const auto start = cp_of(needle);
    return {start, core::CodePoint(start.value + core::utf8::length(needle))};
}

// A project with one transcript and two nested codings, opened in a fresh frame with its own
// settings file.
struct Fixture {
    test::ProjectBuilder builder;
    core::DocumentId doc;
    std::unique_ptr<wxFileConfig> config;
    std::unique_ptr<gui::Settings> settings;
    MainFrame* frame = nullptr;
    std::vector<std::string> errors;
    // The frame's questions: prompts answer `answer` (or the offered value when empty),
    // yes/no questions `confirm_answer`; both are recorded.
    std::vector<std::string> prompts, confirms;
    std::optional<std::string> answer;
    bool confirm_answer = true;

    Fixture() {
        ensure_wx();
        doc = builder.add_document("P01", kText, "P01");
        builder.code(doc, "managers never released staff", "Organisation/Leadership");
        builder.code(doc, "released staff", "Organisation/Staffing");
        config = std::make_unique<wxFileConfig>("comb-test", "", gui::to_wx((builder.dir() / "settings.ini").string()), "",
                                                wxCONFIG_USE_LOCAL_FILE);
        settings = std::make_unique<gui::Settings>(*config);
        open_frame();
    }

    void open_frame() {
        frame = new MainFrame(*settings);
        frame->workbench().set_error_handler([this](const std::string& e) { errors.push_back(e); });
        frame->set_prompt([this](const std::string& question, const std::string& value) -> std::optional<std::string> {
            prompts.push_back(question + " [" + value + "]");
            return answer ? answer : std::optional<std::string>(value);
        });
        frame->set_confirm([this](const std::string& question) {
            confirms.push_back(question);
            return confirm_answer;
        });
        frame->Show();
        REQUIRE(frame->open_project(builder.path()));
        pump(150);
    }

    void close_frame() {
        frame->Close(true);
        frame = nullptr;
        pump(100);
    }

    ~Fixture() {
        if (frame) close_frame();
    }

    gui::TranscriptView& view() { return frame->transcript(); }
    gui::CodeTreeModel& model() { return frame->codes().model(); }
    core::CodeId code(const std::string& path) { return model().tree().path_id(path); }

    void command(int id) {
        wxCommandEvent e(wxEVT_MENU, id);
        frame->GetEventHandler()->ProcessEvent(e);
        pump(50);
    }
};

}  // namespace comb::test::gui_harness
