// SPDX-License-Identifier: GPL-3.0-or-later
// comb_gui_bench [--runs N]: the workbench's speed target ("a 1 MB transcript with 5,000
// codings opens (first paint) and re-highlights after a change within 200 ms") measured on the
// real MainFrame. Builds a deterministic 1 MB transcript with 5,000 codings (every fourth turn
// also holds a nested one), then times, in the same process:
//   - opening it in the transcript view and painting (Update()),
//   - coding a selection with Ctrl+E's command and painting the re-highlighted text,
//   - scrolling to another place and painting,
// beside a baseline: a bare wxStyledTextCtrl in the same window given the same text, no styles.
// Needs a display: run under `xvfb-run -a -s '-screen 0 1400x900x24'`. Prints a Markdown table.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/fileconf.h>
#include <wx/stc/stc.h>

#include "core/code_paths.h"
#include "core/commands/coding_commands.h"
#include "gui/command_ids.h"
#include "gui/main_frame.h"
#include "gui/settings.h"
#include "gui/text_metrics.h"
#include "gui/transcript_view.h"
#include "gui/wx_text.h"
#include "support/project_builder.h"

using namespace comb;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kCodings = 5000;

struct Transcript {
    std::string text;
    std::vector<core::CodingTarget> outer, inner;
};

// 1 MB of alternating turns; the first 5,000 codings go to the first turns that fit.
Transcript make_transcript() {
    Transcript t;
    const std::string body = "We talked about time, staff and managers at some length, with examples. ";
    for (int i = 0; t.text.size() < 1'000'000; ++i) {
        const std::string line = (i % 2 ? "Interviewer: " : "P01: ") + body + body + "\n";
        const auto start = core::utf8::length(t.text);
        t.text += line;
        if (static_cast<int>(t.outer.size() + t.inner.size()) < kCodings) {
            t.outer.push_back({core::DocumentId(), {core::CodePoint(start), core::CodePoint(start + 60)}});
            if (i % 4 == 0) t.inner.push_back({core::DocumentId(), {core::CodePoint(start + 10), core::CodePoint(start + 30)}});
        }
    }
    return t;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(k, v.size() - 1)];
}

struct Samples {
    std::vector<double> ms;
    void time(const std::function<void()>& f) {
        const auto t = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    std::string p50_p95() const {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f / %.1f", percentile(ms, 0.5), percentile(ms, 0.95));
        return buf;
    }
};

void start_wx() {
    static int argc = 1;
    static char name[] = "comb_gui_bench";
    static char* argv[] = {name, nullptr};
    gui::use_exact_text_metrics();
    wxApp::SetInstance(new wxApp());
    if (!wxEntryStart(argc, argv)) {
        std::cerr << "comb_gui_bench: cannot start wx (no display? run under xvfb-run)\n";
        std::exit(1);
    }
    wxTheApp->CallOnInit();
}

void settle() {
    for (int i = 0; i < 20; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
    }
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 15;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    start_wx();
    wxGUIEventLoop loop;
    wxEventLoopActivator activate(&loop);

    test::ProjectBuilder builder;
    auto t = make_transcript();
    const auto big = builder.add_document("Long", t.text, "P09");
    const auto small = builder.add_document("Short", "P02: A short one.\n", "P02");
    for (auto* targets : {&t.outer, &t.inner}) for (auto& c : *targets) c.document = big;
    builder.project().execute(core::ApplyCodings(t.outer, "Long/Outer", "bench"));
    builder.project().execute(core::ApplyCodings(t.inner, "Long/Inner", "bench"));

    wxFileConfig config("comb-bench", "", gui::to_wx((builder.dir() / "settings.ini").string()), "", wxCONFIG_USE_LOCAL_FILE);
    gui::Settings settings(config);
    auto* frame = new gui::MainFrame(settings);
    frame->SetSize(1400, 900);
    frame->Show();
    if (!frame->open_project(builder.path())) return 1;
    settle();
    auto& view = frame->transcript();
    auto& stc = view.control();

    Samples open, recode, scroll, base_open, base_scroll;
    std::mt19937 rng(20261123);
    for (int r = 0; r < runs; ++r) {
        frame->workbench().show_document(small);
        settle();
        open.time([&] { frame->workbench().show_document(big); view.Update(); });
        if (view.codings().size() < static_cast<std::size_t>(kCodings)) return 1;
        settle();
        const core::CodeTree codes(frame->workbench().repo().codes());
        frame->workbench().select_code(codes.path_id("Long/Outer"));
        const auto at = 70 + 150 * r;
        view.select({core::CodePoint(at), core::CodePoint(at + 20)});
        recode.time([&] {
            wxCommandEvent e(wxEVT_MENU, gui::kIdCodeSelection);
            frame->GetEventHandler()->ProcessEvent(e);
            view.Update();
        });
        const int lines = stc.GetLineCount();
        scroll.time([&] { stc.ScrollToLine(static_cast<int>(rng() % static_cast<unsigned>(lines))); view.Update(); });
    }
    const auto coded = view.codings().size();

    // Baseline: a bare control beside the frame's, same text, no styles or indicators.
    auto* bare = new wxStyledTextCtrl(frame, wxID_ANY, wxDefaultPosition, stc.GetSize());
    const auto text = gui::to_wx(t.text);
    for (int r = 0; r < runs; ++r) {
        bare->ClearAll();
        settle();
        base_open.time([&] { bare->SetText(text); bare->Update(); });
        const int lines = bare->GetLineCount();
        base_scroll.time([&] { bare->ScrollToLine(static_cast<int>(rng() % static_cast<unsigned>(lines))); bare->Update(); });
    }

    std::cout << "1 MB transcript (" << t.text.size() << " bytes, " << stc.GetLineCount() << " lines), "
              << coded - static_cast<std::size_t>(runs) << " codings; " << runs << " runs; p50 / p95 ms\n\n"
              << "| measure | comb-gui | bare wxStyledTextCtrl | target |\n|---|---|---|---|\n"
              << "| open document and first paint | " << open.p50_p95() << " | " << base_open.p50_p95() << " (set text) | <= 200 ms |\n"
              << "| code a selection, re-highlight, paint | " << recode.p50_p95() << " | - | <= 200 ms |\n"
              << "| scroll to a random line and paint | " << scroll.p50_p95() << " | " << base_scroll.p50_p95() << " | no visible lag |\n";
    frame->Close(true);
    settle();
    return 0;
}
