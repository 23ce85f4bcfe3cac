// SPDX-License-Identifier: GPL-3.0-or-later
// Long names fit their panes (issue 14, layout): the documents and themes trees cut a label
// too long for the pane with an ellipsis and show it whole in a tooltip (a real mouse hover);
// the code tree shows a cut name's whole path in its tooltip; report lists (pseudonymise,
// disagreements) size their columns to their content.
#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/display.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "gui/code_panel.h"
#include "gui/disagreement_view.h"
#include "gui/document_tree.h"
#include "gui/list_fit.h"
#include "gui/pseudonymise_dialog.h"
#include "gui/shortcuts_dialog.h"
#include "gui/theme_panel.h"
#include "gui/transcript_edit.h"
#include "gui/transcript_view.h"
#include "gui/coder_legend.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

const std::string kLongOrganisation = "Northvale Integrated Care Board and Community Health Partnership Trust";

wxTreeItemId find_label(const wxTreeCtrl& tree, const gui::TreeLabels& labels, const wxTreeItemId& parent,
                        const std::string& full) {
    wxTreeItemIdValue cookie;
    for (auto it = tree.GetFirstChild(parent, cookie); it.IsOk(); it = tree.GetNextChild(parent, cookie)) {
        if (gui::from_wx(labels.full(it)) == full) return it;
        if (const auto found = find_label(tree, labels, it, full); found.IsOk()) return found;
    }
    return {};
}

// Checks that `item` is shown cut to the tree's width, ends in an ellipsis, starts as the whole
// label does, and that a real mouse hover over it shows the whole label as the tooltip.
void check_cut_with_tooltip(wxTreeCtrl& tree, const gui::TreeLabels& labels, const wxTreeItemId& item,
                            const std::string& whole, const std::string& tooltip) {
    REQUIRE(item.IsOk());
    tree.EnsureVisible(item);
    pump(100);
    const auto shown = gui::from_wx(tree.GetItemText(item));
    INFO("shown: " << shown);
    CHECK(labels.is_cut(item));
    CHECK(gui::from_wx(labels.full(item)) == whole);
    REQUIRE(shown.size() > 4);
    CHECK(shown.substr(shown.size() - 3) == "...");  // wxControl::Ellipsize's ellipsis
    CHECK(whole.rfind(shown.substr(0, shown.size() - 3), 0) == 0);
    wxRect r;
    REQUIRE(tree.GetBoundingRect(item, r, true));
    CHECK(r.GetRight() <= tree.GetClientSize().x);
    wxUIActionSimulator sim;
    sim.MouseMove(tree.ClientToScreen(wxPoint(r.x + 10, r.y + r.height / 2)));
    pump(150);
    sim.MouseMove(tree.ClientToScreen(wxPoint(r.x + 20, r.y + r.height / 2)));
    CHECK(pump_until([&] { return gui::from_wx(tree.GetToolTipText()) == tooltip; }, 2000));
    CHECK(gui::from_wx(tree.GetToolTipText()) == tooltip);
}

}  // namespace

TEST_CASE("long labels in the documents and themes trees end in an ellipsis, whole in a tooltip", "[gui][layout][fit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    REQUIRE(wb.run(core::SetCaseAttributes({{"P01", {{"organisation", kLongOrganisation}, {"role", "agent"}}}})));
    pump(200);
    auto& docs = f.frame->documents();
    auto& tree = docs.control();
    const auto item = find_label(tree, docs.labels(), tree.GetRootItem(), "organisation: " + kLongOrganisation);
    check_cut_with_tooltip(tree, docs.labels(), item, "organisation: " + kLongOrganisation,
                           "organisation: " + kLongOrganisation);
    // A short label is shown whole and has no tooltip.
    const auto role = find_label(tree, docs.labels(), tree.GetRootItem(), "role: agent");
    REQUIRE(role.IsOk());
    CHECK(gui::from_wx(tree.GetItemText(role)) == "role: agent");
    CHECK(docs.labels().tooltip(role).empty());

    // A theme's long name: cut, and the tooltip gives the whole name and the description.
    auto& themes = f.frame->themes();
    const std::string name = "Organisational readiness: leadership, culture and the infrastructure for signposting";
    REQUIRE(themes.new_theme(name, std::nullopt, "Whether the organisations make room for it."));
    pump(200);
    CHECK(themes.describe() == name + "\n");  // the whole name, as the project has it
    auto& ttree = themes.control();
    const auto theme = find_label(ttree, themes.labels(), ttree.GetRootItem(), name);
    check_cut_with_tooltip(ttree, themes.labels(), theme, name, name + "\n\nWhether the organisations make room for it.");
    CHECK(f.errors.empty());
}

TEST_CASE("a code name cut in the code tree shows its whole path in a tooltip", "[gui][layout][fit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const std::string path = "Organisation/Managers never release staff for the e-learning or the face-to-face sessions";
    REQUIRE(wb.run(core::DefineCode(path, {})));
    pump(300);
    auto& codes = f.frame->codes();
    const auto id = f.code(path);
    CHECK(codes.tooltip(id) == path);
    CHECK(codes.tooltip(f.code("Organisation/Staffing")).empty());  // shown whole: no tooltip
    // A real hover over the cut name.
    auto& ctrl = codes.control();
    const auto item = gui::CodeTreeModel::item_of(id);
    ctrl.EnsureVisible(item);
    pump(100);
    const wxRect r = ctrl.GetItemRect(item, ctrl.GetColumn(0));
    REQUIRE(r.height > 0);
    wxUIActionSimulator sim;
    sim.MouseMove(ctrl.ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2)));
    pump(100);
    sim.MouseMove(ctrl.ClientToScreen(wxPoint(r.x + r.width / 2 + 4, r.y + r.height / 2)));
    wxDataViewItem hit;
    wxDataViewColumn* column = nullptr;
    ctrl.HitTest(wxPoint(r.x + r.width / 2, r.y + r.height / 2), hit, column);
    CHECK(hit == item);
    CHECK(pump_until([&] { return gui::from_wx(ctrl.GetToolTipText()) == path; }, 2000));
}

TEST_CASE("the pseudonymise dialog's lists are as wide as their content, its arrows shown", "[gui][layout][fit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    REQUIRE(wb.run(core::SetCaseAttributes({{"P01", {{"organisation", kLongOrganisation}}}})));
    gui::PseudonymiseDialog dialog(f.frame, wb.repo());
    dialog.Show();
    pump(200);
    std::vector<wxListCtrl*> lists;
    wxButton* add = nullptr;
    bool key_label = false;
    for (auto* w : dialog.GetChildren()) {
        if (auto* l = dynamic_cast<wxListCtrl*>(w)) lists.push_back(l);
        if (auto* b = dynamic_cast<wxButton*>(w); b && b->GetLabel().StartsWith("&Add to key")) add = b;
        if (auto* t = dynamic_cast<wxStaticText*>(w); t && gui::from_wx(t->GetLabelText()) == "Key: original \u2192 pseudonym") key_label = true;
    }
    REQUIRE(add);
    CHECK(gui::from_wx(add->GetLabel()) == "&Add to key \u2192");  // not blank in the C locale
    CHECK(key_label);
    REQUIRE(lists.size() == 2);
    auto& candidates = *lists[0];
    REQUIRE(candidates.GetItemCount() > 0);
    bool found = false;
    for (int c = 0; c < candidates.GetColumnCount(); ++c) {
        int widest = 0;
        for (long r = 0; r < candidates.GetItemCount(); ++r) {
            widest = std::max(widest, gui::list_cell_width(candidates, candidates.GetItemText(r, c)));
            found = found || gui::from_wx(candidates.GetItemText(r, 0)) == kLongOrganisation;
        }
        INFO("column " << c);
        // The names column stops at 220 DIPs; the others hold their widest cell.
        CHECK(candidates.GetColumnWidth(c) >= (c == 0 ? std::min(widest, candidates.FromDIP(220)) : widest));
    }
    CHECK(found);
    CHECK(candidates.GetColumnWidth(0) == candidates.FromDIP(220));
    dialog.Hide();
}

TEST_CASE("the disagreement list's columns hold their content", "[gui][layout][fit]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const std::string code = "Organisation/Leadership/Managers who never release staff for training";
    REQUIRE(wb.run(core::ApplyCodings({{f.doc, {cp_of("no time"), cp_of(" and the")}}}, code, "ann")));
    REQUIRE(wb.run(core::ApplyCodings({{f.doc, {cp_of("Time is"), cp_of(", honestly")}}}, code, "bob")));
    auto& dv = f.frame->open_disagreements();
    dv.SetSize(0, 0, 1280, 400);
    dv.set_coders("ann", "bob");
    pump(300);
    auto& list = dv.list();
    REQUIRE(list.GetItemCount() == 2);
    CHECK(gui::from_wx(list.GetItemText(0, 0)) == code);
    CHECK(list.GetColumnWidth(0) >= gui::list_cell_width(list, gui::to_wx(code)));
    CHECK(list.GetColumnWidth(1) >= gui::list_cell_width(list, "P01"));
    int total = 0;
    for (int c = 0; c < list.GetColumnCount(); ++c) total += list.GetColumnWidth(c);
    CHECK(total >= list.GetClientSize().x - list.FromDIP(8));  // the context takes the rest
    dv.Close(true);
}

TEST_CASE("the keyboard shortcuts are listed in two columns as wide as their content", "[gui][layout][fit]") {
    Fixture f;
    const auto text = f.frame->shortcuts_text();
    gui::ShortcutsDialog dialog(f.frame, text);
    dialog.Show();
    pump(150);
    auto& list = dialog.list();
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    REQUIRE(list.GetItemCount() == lines);
    CHECK(gui::from_wx(list.GetItemText(0, 0)) == "Ctrl+Shift+N");
    CHECK(gui::from_wx(list.GetItemText(0, 1)) == "New project...");
    int keys = 0, actions = 0;
    for (long r = 0; r < list.GetItemCount(); ++r) {
        keys = std::max(keys, gui::list_cell_width(list, list.GetItemText(r, 0)));
        actions = std::max(actions, gui::list_cell_width(list, list.GetItemText(r, 1)));
    }
    CHECK(list.GetColumnWidth(0) >= keys);
    CHECK(list.GetColumnWidth(1) >= actions);
    // The dialog fits the screen.
    CHECK(wxDisplay(0u).GetClientArea().Contains(dialog.GetScreenRect()));
    dialog.Hide();
}

TEST_CASE("a new project starts without the last one's coded segments pane and coder legend", "[gui][layout]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    REQUIRE(wb.run(core::ApplyCodings({{f.doc, {cp_of("Time is"), cp_of(", honestly")}}}, "Organisation/Staffing", "bob")));
    wb.show_document(f.doc);
    f.frame->show_coded_segments(f.code("Organisation/Staffing"));
    pump(200);
    REQUIRE(f.frame->aui().GetPane("segments").IsShown());
    REQUIRE(f.frame->transcript().legend().entries().size() >= 2);  // two coders' codings shown
    wb.create(f.builder.dir() / "empty.comb");
    pump(200);
    CHECK_FALSE(f.frame->aui().GetPane("segments").IsShown());
    CHECK(f.frame->transcript().legend().entries().empty());
    CHECK_FALSE(f.frame->transcript().legend().IsShown());
    CHECK(f.frame->transcript().is_showing_start_page());
}

TEST_CASE("the edit mode banner's text wraps beside its button in a narrow transcript", "[gui][layout][fit]") {
    Fixture f;
    f.frame->workbench().show_document(f.doc);
    f.view().set_editing(true);
    pump(200);
    auto& banner = f.view().edit().banner();
    REQUIRE(banner.IsShown());
    wxStaticText* text = nullptr;
    wxButton* done = nullptr;
    for (auto* w : banner.GetChildren()) {
        if (auto* t = dynamic_cast<wxStaticText*>(w)) text = t;
        if (auto* b = dynamic_cast<wxButton*>(w)) done = b;
    }
    REQUIRE(text);
    REQUIRE(done);
    // The transcript pane is narrower than the sentence: it takes two lines or more, all of it
    // left of the button.
    CHECK(gui::from_wx(text->GetLabel()).find('\n') != std::string::npos);
    CHECK(gui::from_wx(text->GetLabel()).find("Coding keys are off.") != std::string::npos);
    CHECK(text->GetRect().GetRight() < done->GetRect().GetLeft());
    CHECK(text->GetSize().y >= 2 * text->GetCharHeight());
    f.view().set_editing(false);
}
