// SPDX-License-Identifier: GPL-3.0-or-later
// The transcript's edit mode (issue 19): Edit > Edit transcript text turns it on (banner,
// ticked menu item, writable text, coding keys off); real typing becomes one EditText command
// per burst, codings keep their words at exact offsets, and Ctrl+Z undoes a burst at a time.
#include <catch2/catch.hpp>

#include <wx/menu.h>
#include <wx/stc/stc.h>
#include <wx/uiaction.h>

#include "gui/command_ids.h"
#include "gui/transcript_edit.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

std::string text_of(gui::Workbench& wb, core::DocumentId doc) {
    return wb.repo().text(wb.repo().find_document(doc)->text_id);
}

core::Span span_of_code(gui::Workbench& wb, const std::string& path) {
    for (const auto& c : wb.repo().codings()) {
        if (wb.code_path(c.code) == path) return c.span;
    }
    FAIL("no coding of " << path);
    return {};
}

// Real keys through the window system (XTest) into the transcript.
void type(Fixture& f, const std::string& text) {
    auto& stc = f.view().control();
    stc.SetFocus();
    pump(80);
    wxUIActionSimulator sim;
    const wxRect r = stc.GetScreenRect();
    sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
    pump(30);
    sim.Text(text.c_str());
    pump(150);
}

void key(Fixture& f, int code, int mods) {
    f.view().control().SetFocus();
    pump(50);
    wxUIActionSimulator sim;
    sim.Char(code, mods);
    pump(150);
}

}  // namespace

TEST_CASE("the smallest change between two texts, in whole characters", "[gui][edit]") {
    const auto c = gui::text_change("We had no time", "We had almost no time");
    REQUIRE(c);
    CHECK(c->span == core::Span{core::CodePoint(7), core::CodePoint(7)});
    CHECK(c->text == "almost ");
    // An emoji before the change counts one code point; a changed emoji is replaced whole.
    const auto e = gui::text_change("a \xF0\x9F\x98\x80 never b", "a \xF0\x9F\x98\x80 did not b");
    REQUIRE(e);
    CHECK(e->span == core::Span{core::CodePoint(4), core::CodePoint(9)});
    CHECK(e->text == "did not");
    const auto swap = gui::text_change("x \xF0\x9F\x98\x80 y", "x \xF0\x9F\x98\x81 y");
    REQUIRE(swap);
    CHECK(swap->span == core::Span{core::CodePoint(2), core::CodePoint(3)});
    CHECK(swap->text == "\xF0\x9F\x98\x81");
    CHECK_FALSE(gui::text_change("same", "same"));
    const auto cut = gui::text_change("abcabc", "abc");
    REQUIRE(cut);
    CHECK(cut->span.length() == 3);
    CHECK(cut->text.empty());
}

TEST_CASE("edit mode: typing edits the transcript, codings keep their words, Ctrl+Z undoes each burst", "[gui][edit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    auto& stc = f.view().control();
    f.view().show_document(f.doc);
    pump(50);
    REQUIRE(span_of_code(wb, "Organisation/Leadership") == span_of("managers never released staff"));
    REQUIRE(span_of("managers never released staff") == core::Span{core::CodePoint(72), core::CodePoint(101)});
    // Out of edit mode the text takes no typing.
    stc.GotoPos(f.view().text_position(cp_of("no time")));
    type(f, "x");
    CHECK(text_of(wb, f.doc) == kText);
    CHECK(gui::from_wx(stc.GetText()) == kText);

    f.command(gui::kIdEditTranscript);
    REQUIRE(f.view().editing());
    CHECK(f.view().edit().banner().IsShown());
    CHECK_FALSE(stc.GetReadOnly());
    f.frame->UpdateWindowUI(wxUPDATE_UI_RECURSE);
    CHECK(f.frame->GetMenuBar()->IsChecked(gui::kIdEditTranscript));

    // Burst one: "almost " before "no time" (before the emoji and both codings).
    stc.GotoPos(f.view().text_position(cp_of("no time")));
    type(f, "almost ");
    CHECK(f.view().edit().pending());
    // The caret goes elsewhere: that burst is one command.
    stc.GotoPos(f.view().text_position(core::CodePoint(0)));
    pump(100);
    CHECK_FALSE(f.view().edit().pending());
    CHECK(text_of(wb, f.doc).find("We had almost no time for it") != std::string::npos);
    CHECK(span_of_code(wb, "Organisation/Leadership") == core::Span{core::CodePoint(79), core::CodePoint(108)});

    // Coding keys are off: Ctrl+1 with a selection codes nothing.
    const auto codings = wb.repo().codings().size();
    wb.select_code(f.code("Organisation/Leadership"));
    stc.SetSelection(f.view().text_position(core::CodePoint(0)), f.view().text_position(core::CodePoint(11)));
    key(f, '1', wxMOD_CONTROL);
    f.command(gui::kIdCodeSelection);
    CHECK(wb.repo().codings().size() == codings);

    // Burst two: "never" typed over with "did not", inside both... Leadership and before Staffing.
    const core::CodePoint never(88);
    REQUIRE(std::string(core::utf8::slice(text_of(wb, f.doc), {never, core::CodePoint(93)})) == "never");
    stc.SetSelection(f.view().text_position(never), f.view().text_position(core::CodePoint(93)));
    type(f, "did not");
    f.command(gui::kIdEditTranscript);  // leaving applies it
    CHECK_FALSE(f.view().editing());
    CHECK_FALSE(f.view().edit().banner().IsShown());
    CHECK(stc.GetReadOnly());
    const auto edited = text_of(wb, f.doc);
    CHECK(edited.find("We had almost no time for it \xF0\x9F\x98\x80 and the managers did not released staff.") != std::string::npos);
    CHECK(span_of_code(wb, "Organisation/Leadership") == core::Span{core::CodePoint(79), core::CodePoint(110)});
    CHECK(span_of_code(wb, "Organisation/Staffing") == core::Span{core::CodePoint(96), core::CodePoint(110)});
    CHECK(std::string(core::utf8::slice(edited, span_of_code(wb, "Organisation/Staffing"))) == "released staff");
    CHECK(f.errors.empty());

    // Ctrl+Z (a real key, focus in the transcript) takes back one burst at a time.
    key(f, 'Z', wxMOD_CONTROL);
    CHECK(text_of(wb, f.doc).find("We had almost no time for it \xF0\x9F\x98\x80 and the managers never released") != std::string::npos);
    CHECK(span_of_code(wb, "Organisation/Leadership") == core::Span{core::CodePoint(79), core::CodePoint(108)});
    key(f, 'Z', wxMOD_CONTROL);
    CHECK(text_of(wb, f.doc) == kText);
    CHECK(span_of_code(wb, "Organisation/Leadership") == core::Span{core::CodePoint(72), core::CodePoint(101)});
    CHECK(span_of_code(wb, "Organisation/Staffing") == span_of("released staff"));
    CHECK(gui::from_wx(stc.GetText()) == kText);
}

TEST_CASE("edit mode: a pause ends a burst, Esc leaves, another document applies first", "[gui][edit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    auto& stc = f.view().control();
    f.view().show_document(f.doc);
    f.view().set_editing(true);
    stc.GotoPos(f.view().text_position(cp_of("honestly")));
    type(f, "very ");
    REQUIRE(f.view().edit().pending());
    REQUIRE(pump_until([&] { return !f.view().edit().pending(); }, gui::TranscriptEdit::kPauseMs + 2000));
    CHECK(text_of(wb, f.doc).find("the barrier, very honestly.") != std::string::npos);
    CHECK(wb.project().undo_label() == "Insert text");
    key(f, WXK_ESCAPE, wxMOD_NONE);
    CHECK_FALSE(f.view().editing());
    CHECK(stc.GetReadOnly());
    // Typing pending when another document is shown: applied to its own document first.
    const auto other = f.builder.add_document("P02", "P02: Short one.\n", "P02");
    f.close_frame();
    f.open_frame();
    auto& wb2 = f.frame->workbench();
    f.view().show_document(f.doc);
    f.view().set_editing(true);
    f.view().control().GotoPos(f.view().text_position(cp_of("Anything")));
    type(f, "Was there ");
    REQUIRE(f.view().edit().pending());
    f.view().show_document(other);
    pump(50);
    CHECK_FALSE(f.view().editing());
    CHECK(text_of(wb2, f.doc).find("Interviewer: Was there Anything else?") != std::string::npos);
    CHECK(text_of(wb2, other) == "P02: Short one.\n");
}
