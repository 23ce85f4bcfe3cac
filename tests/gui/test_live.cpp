// SPDX-License-Identifier: GPL-3.0-or-later
// GUI tests of live views: a window notices what a `comb` process or another window wrote
// within a second and refreshes every view, keeping the selection and any text being typed;
// two windows each code and undo their own codings; an undo someone else built on is refused.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "core/commands/memo_commands.h"
#include "gui/code_editor.h"
#include "gui/command_ids.h"
#include "gui/live_updates.h"
#include "gui/search_view.h"
#include "gui_harness.h"
#include "store/presence.h"
#include "store/project_file.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

std::string status(MainFrame& frame, int field) { return gui::from_wx(frame.GetStatusBar()->GetStatusText(field)); }

// A second window on the fixture's project, with its own settings, connection and coder.
struct SecondWindow {
    std::unique_ptr<wxFileConfig> config;
    std::unique_ptr<gui::Settings> settings;
    MainFrame* frame = nullptr;
    std::vector<std::string> errors;

    SecondWindow(Fixture& f, const std::string& coder) {
        config = std::make_unique<wxFileConfig>("comb-test-2", "", gui::to_wx((f.builder.dir() / "settings2.ini").string()),
                                                "", wxCONFIG_USE_LOCAL_FILE);
        settings = std::make_unique<gui::Settings>(*config);
        frame = new MainFrame(*settings);
        frame->workbench().set_error_handler([this](const std::string& e) { errors.push_back(e); });
        // Side by side with the first, so the pointer (X focus without a window manager) and a
        // screenshot find each where it is.
        f.frame->SetSize(0, 0, 690, 860);
        frame->SetSize(700, 0, 690, 860);
        frame->Show();
        REQUIRE(frame->open_project(f.builder.path()));
        frame->workbench().set_coder(coder);
        pump(150);
    }
    ~SecondWindow() {
        frame->Close(true);
        pump(100);
    }
    gui::TranscriptView& view() { return frame->transcript(); }
};

// Codes `quote` in `frame` with `code` as a user does: select the code and the text, Ctrl+E's command.
void code_in(MainFrame& frame, const std::string& code, const std::string& quote) {
    auto& wb = frame.workbench();
    wb.select_code(frame.codes().model().tree().path_id(code));
    frame.transcript().select(span_of(quote));
    wxCommandEvent e(wxEVT_MENU, gui::kIdCodeSelection);
    frame.GetEventHandler()->ProcessEvent(e);
    pump(50);
}

// Ctrl+Z through the window system (XTest) into `frame`'s transcript; `done` says it arrived.
// Falls back to the menu command (with a warning) when the key does not reach the window.
template <class Done>
void press_ctrl_z(MainFrame& frame, Done done, bool* by_key = nullptr) {
    frame.Raise();
    frame.transcript().control().SetFocus();
    pump(150);
    wxUIActionSimulator sim;
    const wxRect r = frame.transcript().control().GetScreenRect();
    sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() - 10);
    pump(50);
    sim.Char('z', wxMOD_CONTROL);
    if (pump_until(done, 1500)) return;
    if (by_key) *by_key = false;
    WARN("the simulated Ctrl+Z did not arrive; posting the menu command instead");
    wxCommandEvent e(wxEVT_MENU, wxID_UNDO);
    frame.GetEventHandler()->ProcessEvent(e);
    pump(50);
}

std::string undo_menu_label(MainFrame& frame) {
    frame.GetMenuBar()->UpdateMenus();
    return gui::from_wx(frame.GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText());
}

std::int64_t coded(gui::TranscriptView& view, const std::string& quote) {
    return view.highlight_at(cp_of(quote)).empty() ? 0 : 1;
}

// Sets COMB_CODER for the `comb` processes a test starts, and puts it back.
struct CoderEnv {
    std::optional<std::string> old;
    explicit CoderEnv(const char* name) {
        if (const char* v = std::getenv("COMB_CODER")) old = v;
        ::setenv("COMB_CODER", name, 1);
    }
    ~CoderEnv() {
        if (old) ::setenv("COMB_CODER", old->c_str(), 1);
        else ::unsetenv("COMB_CODER");
    }
};

}  // namespace

TEST_CASE("a coding made by comb code shows in the open window within a second, selection kept", "[gui][live]") {
    Fixture f;
    auto& view = f.view();
    const auto leadership = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(leadership);
    const auto selected = span_of("Anything else?");
    view.select(selected);
    pump(100);
    const auto target = span_of("Time is the barrier");
    REQUIRE(view.highlight_at(target.start).empty());
    REQUIRE(view.stripes().size() == 2);

    test::CliResult r;
    {
        CoderEnv sam("Sam");
        r = test::run_comb({"code", f.builder.path().string(), "P01", std::to_string(target.start.value),
                            std::to_string(target.end.value), "Time/No time"});
    }
    REQUIRE(r.status == 0);
    const auto start = std::chrono::steady_clock::now();
    const bool shown = pump_until([&] { return !view.highlight_at(target.start).empty(); }, 1000);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO("shown after " << ms << " ms");
    REQUIRE(shown);
    pump(100);  // the code tree re-selects after a structural change (CallAfter)

    const auto code = f.model().tree().find_path("Time/No time");
    REQUIRE(code);
    CHECK(f.model().codings_count(*code) == 1);
    CHECK(f.model().cases_count(*code) == 1);
    CHECK(view.highlight_at(target.start) == f.model().tree().code(*code).colour);
    REQUIRE(view.stripes().size() == 3);
    CHECK(view.stripes()[2].span == target);
    // Nothing the user had chosen moved.
    CHECK(view.selection() == selected);
    CHECK(view.document() == f.doc);
    CHECK(f.frame->workbench().selected_code() == leadership);
    CHECK(f.frame->codes().control().GetSelection() == gui::CodeTreeModel::item_of(leadership));
    CHECK(status(*f.frame, 3) == "Sam: Code passage as Time/No time");
    CHECK(status(*f.frame, 0) == "1 documents \u00B7 5 codes \u00B7 3 codings");
    CHECK(f.errors.empty());
}

TEST_CASE("two windows each code and undo their own coding and see each other's", "[gui][live]") {
    Fixture f;
    f.frame->workbench().set_coder("Ann");
    SecondWindow b(f, "Ben");
    auto& a = *f.frame;

    // Each title bar names the other window's coder (from the presence records).
    const auto title = [](MainFrame& frame) { return gui::from_wx(frame.GetTitle()); };
    CHECK(pump_until([&] { return title(a) == "test.comb \u2014 Comb \u2014 also open: Ben"; }, 2500));
    CHECK(pump_until([&] { return title(*b.frame) == "test.comb \u2014 Comb \u2014 also open: Ann"; }, 2500));

    code_in(a, "Organisation/Leadership", "no time for it");
    REQUIRE(coded(a.transcript(), "no time for it"));
    REQUIRE(pump_until([&] { return coded(b.view(), "no time for it") == 1; }, 1000));
    CHECK(status(*b.frame, 3) == "Ann: Code passage as Organisation/Leadership");

    code_in(*b.frame, "Organisation/Staffing", "Time is the barrier");
    REQUIRE(coded(b.view(), "Time is the barrier"));
    REQUIRE(pump_until([&] { return coded(a.transcript(), "Time is the barrier") == 1; }, 1000));
    CHECK(status(a, 3) == "Ben: Code passage as Organisation/Staffing");

    // Each window's Undo is its own last action, although Ben coded last.
    CHECK(undo_menu_label(a) == "Undo Code passage as Organisation/Leadership");
    CHECK(undo_menu_label(*b.frame) == "Undo Code passage as Organisation/Staffing");

    press_ctrl_z(a, [&] { return coded(a.transcript(), "no time for it") == 0; });
    CHECK(coded(a.transcript(), "no time for it") == 0);
    CHECK(coded(a.transcript(), "Time is the barrier") == 1);  // Ben's coding stays
    REQUIRE(pump_until([&] { return coded(b.view(), "no time for it") == 0; }, 1000));
    CHECK(coded(b.view(), "Time is the barrier") == 1);

    press_ctrl_z(*b.frame, [&] { return coded(b.view(), "Time is the barrier") == 0; });
    CHECK(coded(b.view(), "Time is the barrier") == 0);
    REQUIRE(pump_until([&] { return coded(a.transcript(), "Time is the barrier") == 0; }, 1000));
    for (auto* frame : {&a, b.frame}) {
        CHECK(frame->transcript().stripes().size() == 2);  // the fixture's two codings
        CHECK(frame->codes().model().codings_count(frame->codes().model().tree().path_id("Organisation/Leadership")) == 1);
    }
    CHECK(f.errors.empty());
    CHECK(b.errors.empty());

    // Screenshot of the two windows side by side, for a person to look at.
    code_in(a, "Organisation/Leadership", "no time for it");
    pump_until([&] { return coded(b.view(), "no time for it") == 1; }, 1000);
    pump(300);
    std::filesystem::create_directories(COMB_SCREENSHOT_DIR);
    const std::string shot = std::string(COMB_SCREENSHOT_DIR) + "/live-two-windows.png";
    if (std::system(("import -window root " + test::shell_quote(shot) + " 2>/dev/null").c_str()) != 0) {
        WARN("no screenshot (ImageMagick's import is missing)");
    }
}

TEST_CASE("text being typed in the code editor and the search box survives a refresh", "[gui][live]") {
    Fixture f;
    const auto leadership = f.code("Organisation/Leadership");
    f.frame->workbench().select_code(leadership);
    pump(50);
    auto& editor = f.frame->editor();
    REQUIRE(editor.code() == leadership);

    // Typing, through the window system where it arrives.
    editor.definition().SetFocus();
    pump(100);
    wxUIActionSimulator sim;
    sim.Text("leaders block release");
    pump(200);
    if (gui::from_wx(editor.definition().GetValue()) != "leaders block release") {
        WARN("the simulated typing did not arrive; writing the text instead");
        editor.definition().ChangeValue("leaders block release");
        editor.definition().MarkDirty();
    }
    REQUIRE(editor.definition().IsModified());
    auto* query = dynamic_cast<wxSearchCtrl*>(f.frame->search().FindWindow("query"));
    REQUIRE(query);
    query->ChangeValue("managers rel");

    // Someone else, with `comb`, changes the definition and then the valence.
    {
        CoderEnv sam("Sam");
        const auto path = f.builder.path().string();
        REQUIRE(test::run_comb({"define-code", path, "Organisation/Leadership", "--definition", "Leadership as seen"}).status == 0);
        REQUIRE(test::run_comb({"tag", path, "Organisation/Leadership", "--valence", "barrier"}).status == 0);
    }

    REQUIRE(pump_until([&] { return editor.valence().GetStringSelection() == "barrier"; }, 1000));
    CHECK(gui::from_wx(editor.definition().GetValue()) == "leaders block release");
    CHECK(editor.definition().IsModified());
    CHECK(editor.notice() == "Sam changed the definition of this code while you were typing; your text is kept here.");
    CHECK(gui::from_wx(query->GetValue()) == "managers rel");
    CHECK(status(*f.frame, 3) == "Sam: Tag code Organisation/Leadership");
    editor.definition().SetModified(false);  // the test ends without saving the typing
}

// Regression: Scintilla took Ctrl+Z in the transcript for its own (empty) undo, so the key
// never reached Edit > Undo while the transcript had the focus.
TEST_CASE("Ctrl+Z pressed in the transcript undoes the last coding", "[gui][live]") {
    Fixture f;
    code_in(*f.frame, "Organisation/Leadership", "no time for it");
    REQUIRE(coded(f.view(), "no time for it"));
    bool by_key = true;
    press_ctrl_z(*f.frame, [&] { return coded(f.view(), "no time for it") == 0; }, &by_key);
    CHECK(by_key);
    CHECK(coded(f.view(), "no time for it") == 0);
}

TEST_CASE("undo of a coding someone else has since removed is refused, naming who and what", "[gui][live]") {
    Fixture f;
    f.frame->workbench().set_coder("Ann");
    SecondWindow b(f, "Ben");
    auto& a = *f.frame;
    code_in(a, "Organisation/Leadership", "no time for it");
    const auto coding = a.transcript().codings_at(cp_of("no time for it"));
    REQUIRE(coding.size() == 1);
    REQUIRE(pump_until([&] { return coded(b.view(), "no time for it") == 1; }, 1000));

    // Ben uncodes Ann's passage in his window.
    b.frame->workbench().select_code(b.frame->codes().model().tree().path_id("Organisation/Leadership"));
    b.view().select(span_of("no time for it"));
    wxCommandEvent uncode(wxEVT_MENU, gui::kIdUncode);
    b.frame->GetEventHandler()->ProcessEvent(uncode);
    REQUIRE(coded(b.view(), "no time for it") == 0);
    REQUIRE(pump_until([&] { return coded(a.transcript(), "no time for it") == 0; }, 1000));
    const auto removal = a.workbench().repo().history(std::nullopt, false).back();
    REQUIRE(removal.who == "Ben");

    // Ann's Ctrl+Z would bring back a coding Ben removed: refused, nothing changes.
    const auto before = a.workbench().repo().codings();
    CHECK(undo_menu_label(a) == "Undo Code passage as Organisation/Leadership");
    press_ctrl_z(a, [&] { return !f.errors.empty(); });
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0] == "cannot undo \"Code passage as Organisation/Leadership\": Ben deleted coding " +
                             std::to_string(coding[0].id.value) + " at " + removal.time + " (Remove coding)");
    CHECK(a.workbench().repo().codings() == before);
    CHECK(coded(a.transcript(), "no time for it") == 0);
    CHECK(undo_menu_label(a) == "Undo Code passage as Organisation/Leadership");
    CHECK(b.errors.empty());
}

TEST_CASE("a comb command running on the project shows in the title bar as comb (script) by its coder", "[gui][live][presence]") {
    Fixture f;
    const auto title = [&] { return gui::from_wx(f.frame->GetTitle()); };
    REQUIRE(pump_until([&] { return title() == "test.comb \u2014 Comb"; }, 2500));
    {
        // What cli::Session announces while a `comb` command runs (tests/cli: the Session's record).
        store::PresenceRecord script(f.builder.path(), "Sam", "comb", "2026-12-03T09:14:02Z");
        CHECK(pump_until([&] { return title() == "test.comb \u2014 Comb \u2014 also open: comb (script) by Sam"; }, 2500));
    }
    CHECK(pump_until([&] { return title() == "test.comb \u2014 Comb"; }, 2500));
}

TEST_CASE("a coding memo edited from a stale dialog is refused naming who and when", "[gui][live][stale]") {
    Fixture f;
    f.frame->workbench().set_coder("Ann");
    auto& view = f.frame->transcript();
    const auto coding = view.codings_at(cp_of("managers never released staff"));
    REQUIRE_FALSE(coding.empty());
    REQUIRE(view.set_coding_memo(coding[0].id, "Ann's first words"));
    const auto seen = view.coding_memo(coding[0].id);  // what Ann's memo dialog shows
    REQUIRE(seen);
    {
        auto other = store::ProjectFile::open(f.builder.path());
        core::Project sam(*other, "Sam");
        sam.execute(core::EditMemo(seen->id, std::nullopt, "Sam's words"));
    }
    const auto edit = f.frame->workbench().repo().history(std::nullopt, false).back();
    REQUIRE(edit.who == "Sam");
    CHECK_FALSE(view.set_coding_memo(coding[0].id, "Ann's second words", seen));
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0] == "cannot do \"Edit memo\": Sam changed memo " + std::to_string(seen->id.value) + " at " + edit.time +
                             " (Edit memo) since you saw it");
    CHECK(view.coding_memo(coding[0].id)->text == "Sam's words");
    // A dialog opened on no memo does not add a second one over a memo written since.
    const auto other_coding = view.codings_at(cp_of("released staff"));
    REQUIRE(other_coding.size() == 2);
    const auto staffing = other_coding[0].id == coding[0].id ? other_coding[1].id : other_coding[0].id;
    {
        auto other = store::ProjectFile::open(f.builder.path());
        core::Project sam(*other, "Sam");
        core::Memo m;
        m.target = core::MemoTarget::coding;
        m.target_id = staffing.value;
        m.text = "Sam was first";
        sam.execute(core::AddMemo(m));
    }
    CHECK_FALSE(view.set_coding_memo(staffing, "Ann's memo", std::nullopt));
    REQUIRE(f.errors.size() == 2);
    CHECK(f.errors[1].rfind("cannot do \"Add memo\": Sam created memo ", 0) == 0);
    CHECK(f.frame->workbench().repo().memos().size() == 2);
}
