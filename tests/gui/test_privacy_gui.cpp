// SPDX-License-Identifier: GPL-3.0-or-later
// The privacy actions of the workbench (issue 19): correcting a transcript from the dialog's
// command, and the pseudonymise dialog's key table, candidates and preview, under Xvfb.
#include <wx/button.h>

#include "core/commands/import_documents.h"
#include "gui/edit_mode.h"
#include "gui/pseudonymise_dialog.h"
#include "gui_harness.h"
#include "privacy/key_matcher.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

core::DocumentId add_named_document(Fixture& f) {
    core::NewDocument d;
    d.name = "P02";
    d.text = "P02: Maureen at Northvale said Maureen's team.\nP02: Yes.\n";
    d.hash = "p02";
    d.case_name = "P02";
    d.turns = test::ProjectBuilder::turns_of(d.text);
    REQUIRE(f.frame->workbench().run(core::ImportDocuments({d})));
    return f.frame->workbench().repo().documents().back().id;
}

std::string text_of(gui::Workbench& wb, core::DocumentId doc) {
    return wb.repo().text(wb.repo().find_document(doc)->text_id);
}

}  // namespace

TEST_CASE("correct transcript: one command, removed codings reported, undo exact", "[gui][privacy]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    gui::CorrectTextDialog dialog(f.frame, "the managers never ", "released", " staff");
    CHECK(dialog.text() == "released");
    dialog.set_text("let go");
    CHECK(dialog.text() == "let go");
    const auto removed = gui::correct_text(wb, f.doc, span_of("released staff"), "");
    REQUIRE(removed);
    REQUIRE(removed->size() == 1);
    CHECK(wb.code_path(removed->front().code) == "Organisation/Staffing");
    CHECK(gui::removed_message(wb, *removed) ==
          "1 coding lost all its text and was removed:\n  Organisation/Staffing at 87-101\n(Undo brings them back.)");
    const auto codings = wb.repo().codings();
    REQUIRE(codings.size() == 1);
    CHECK(std::string(core::utf8::slice(text_of(wb, f.doc), codings[0].span)) == "managers never ");
    pump(100);
    CHECK(f.view().document() == f.doc);
    REQUIRE(wb.undo());
    CHECK(text_of(wb, f.doc) == kText);
    CHECK(wb.repo().codings().size() == 2);
}

TEST_CASE("pseudonymise dialog: key table, preview in context, apply, undo with the key", "[gui][privacy]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const auto doc = add_named_document(f);
    auto* dialog = new gui::PseudonymiseDialog(f.frame, wb.repo());
    dialog->Show();
    pump(100);
    CHECK(dialog->preview().empty());
    auto* ok = dialog->FindWindow(wxID_OK);
    REQUIRE(ok);
    CHECK_FALSE(ok->IsEnabled());

    dialog->set_key({{{"Maureen", "[PERSON 1]", "PERSON"}, {"Northvale", "[PERSON 1]", "PLACE"}}});
    CHECK(dialog->problem().find("given for two originals") != std::string::npos);
    CHECK_FALSE(ok->IsEnabled());

    const privacy::PseudonymKey key{{{"Maureen", "[PERSON 1]", "PERSON"}, {"Northvale", "[PLACE 1]", "PLACE"}}};
    dialog->set_key(key);
    pump(50);
    CHECK(dialog->problem().empty());
    REQUIRE(dialog->preview().size() == 3);
    CHECK(dialog->preview_row(0) == "document P02: \u2026P02: [Maureen \u2192 [PERSON 1]] at Northvale said Maureen's t\u2026");
    CHECK(dialog->preview_row(2) == "document P02: \u202602: Maureen at Northvale said [Maureen \u2192 [PERSON 1]]'s team. P02: Yes. \u2026");
    CHECK(ok->IsEnabled());
    CHECK(dialog->key().entries == key.entries);
    dialog->Destroy();
    pump(50);

    REQUIRE(gui::pseudonymise(wb, key, false));
    CHECK(text_of(wb, doc) == "P02: [PERSON 1] at [PLACE 1] said [PERSON 1]'s team.\nP02: Yes.\n");
    CHECK(wb.project().step_needs_key(true));
    CHECK_FALSE(wb.undo());
    REQUIRE(!f.errors.empty());
    CHECK(f.errors.back().find("needs the pseudonymisation key") != std::string::npos);
    const privacy::KeyMatcher matcher(key);
    REQUIRE(wb.undo(&matcher));
    CHECK(text_of(wb, doc) == "P02: Maureen at Northvale said Maureen's team.\nP02: Yes.\n");
    CHECK(wb.project().step_needs_key(false));
}
