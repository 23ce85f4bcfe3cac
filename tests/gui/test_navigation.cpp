// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, navigation and keys: undo/redo keys whichever pane has the focus (the transcript's
// text control used to eat Ctrl+Z), jumps into another document land on the passage (it used
// to open at the top, with the tree and status bar on the old document), Back/Forward.
#include <catch2/catch.hpp>

#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include "gui/command_ids.h"
#include "gui/document_tree.h"
#include "gui/search_view.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

// A long second transcript whose passage "the zebra crossing" sits near its end.
std::string long_text() {
    std::string text;
    for (int i = 1; i <= 180; ++i) {
        text += i % 2 ? "Interviewer: Question number " + std::to_string(i) + " about the service?\n"
                      : "P02: An answer that goes on for a while, number " + std::to_string(i) + ".\n";
    }
    text += "P02: In the end it was the zebra crossing outside the clinic that mattered.\n";
    for (int i = 0; i < 30; ++i) text += "Interviewer: More questions follow here.\n";
    return text;
}

struct TwoDocuments : Fixture {
    core::DocumentId second;
    core::Span zebra;
    TwoDocuments() {
        close_frame();
        const auto text = long_text();
        second = builder.add_document("P02", text, "P02");
        const auto at = core::utf8::to_code_point(text, text.find("the zebra crossing"));
        zebra = {at, core::CodePoint(at.value + 18)};
        open_frame();
        frame->transcript().show_document(doc);
        pump(100);
    }
    std::string status(int field) { return gui::from_wx(frame->GetStatusBar()->GetStatusText(field)); }
};

// A real key press through the window system (XTest) with the focus in `target`.
void press(wxWindow& target, int key, int mods) {
    target.SetFocus();
    pump(80);
    wxUIActionSimulator sim;
    const wxRect r = target.GetScreenRect();
    sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
    pump(30);
    sim.Char(key, mods);
    pump(120);
}

std::size_t codings(Fixture& f) { return f.frame->workbench().repo().codings().size(); }

}  // namespace

TEST_CASE("Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo whichever pane has the focus", "[gui][keys]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const auto before = codings(f);
    REQUIRE(wb.run(core::ApplyCodings({{f.doc, span_of("Time is the barrier")}}, "Time", "tester")));
    pump(50);
    REQUIRE(codings(f) == before + 1);
    // The transcript first: its Scintilla control has an undo of its own that swallowed the key.
    for (const std::string pane : {"transcript", "codes", "documents", "themes", "search", "matrix", "editor"}) {
        INFO("pane " << pane);
        f.frame->focus_pane(pane);
        pump(50);
        wxWindow* focus = wxWindow::FindFocus();
        REQUIRE(focus);
        press(*focus, 'z', wxMOD_CONTROL);
        CHECK(codings(f) == before);
        press(*wxWindow::FindFocus(), 'z', wxMOD_CONTROL | wxMOD_SHIFT);
        CHECK(codings(f) == before + 1);
        press(*wxWindow::FindFocus(), 'z', wxMOD_CONTROL);
        CHECK(codings(f) == before);
        press(*wxWindow::FindFocus(), 'y', wxMOD_CONTROL);
        CHECK(codings(f) == before + 1);
    }
    CHECK(f.errors.empty());
}

TEST_CASE("a jump into another document lands on the passage, centred, with tree and status bar", "[gui][navigation]") {
    TwoDocuments f;
    auto& view = f.view();
    REQUIRE(view.document() == f.doc);
    CHECK(f.status(1) == "P01");
    // As a search hit or a matrix quote does.
    f.frame->workbench().show_document(f.second, f.zebra);
    pump(200);
    REQUIRE(view.document() == f.second);
    CHECK(view.selection() == f.zebra);
    CHECK(view.selected_text() == "the zebra crossing");
    CHECK(view.control().GetFirstVisibleLine() > 100);
    CHECK(view.is_centred(f.zebra.start));
    CHECK(f.frame->documents().selected_document() == f.second);
    CHECK(f.status(1) == "P02");
    CHECK(f.errors.empty());
}

TEST_CASE("a search hit in another document opens it at the hit", "[gui][navigation][search]") {
    TwoDocuments f;
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 10000));
    REQUIRE(search.search("zebra") == 1);
    search.open_hit(0);
    pump(200);
    REQUIRE(f.view().document() == f.second);
    // The hit is the speaker turn holding the words; it is selected and in the middle.
    CHECK(f.view().selection() == search.hits()[0].span);
    CHECK(f.view().selected_text() == "In the end it was the zebra crossing outside the clinic that mattered.");
    CHECK(f.view().is_centred(search.hits()[0].span.start));
    CHECK(f.frame->documents().selected_document() == f.second);
    CHECK(f.status(1) == "P02");
}

TEST_CASE("Alt+Left and Alt+Right go back and forward through jumps", "[gui][navigation][keys]") {
    TwoDocuments f;
    auto& view = f.view();
    const auto start = span_of("no time for it");
    view.select(start);
    pump(50);
    CHECK_FALSE(f.frame->navigation().can_go_back());
    f.frame->workbench().show_document(f.second, f.zebra);
    pump(200);
    REQUIRE(view.document() == f.second);
    REQUIRE(f.frame->navigation().can_go_back());

    press(view.control(), WXK_LEFT, wxMOD_ALT);
    REQUIRE(view.document() == f.doc);
    CHECK(view.selection() == start);
    CHECK(f.frame->documents().selected_document() == f.doc);
    CHECK(f.status(1) == "P01");
    CHECK(f.frame->navigation().can_go_forward());

    press(view.control(), WXK_RIGHT, wxMOD_ALT);
    REQUIRE(view.document() == f.second);
    CHECK(view.selection() == f.zebra);
    CHECK(view.is_centred(f.zebra.start));
    CHECK_FALSE(f.frame->navigation().can_go_forward());

    // A new jump forgets the forward list; the documents tree is a jump too.
    press(view.control(), WXK_LEFT, wxMOD_ALT);
    REQUIRE(view.document() == f.doc);
    f.frame->documents().control().SetFocus();
    f.frame->workbench().show_document(f.second);
    pump(100);
    CHECK_FALSE(f.frame->navigation().can_go_forward());
    f.command(gui::kIdBack);
    CHECK(view.document() == f.doc);
    CHECK(view.selection() == start);
}
