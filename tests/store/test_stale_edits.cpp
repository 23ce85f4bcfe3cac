// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12's last gaps: coding memos, attribute values and theme membership and moves carry the
// version the user saw, and an edit of a row someone changed since is refused naming who and
// when, as a code rename is (Command::expect, Project::check_seen).
#include <catch2/catch.hpp>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/memo_commands.h"
#include "core/commands/theme_commands.h"
#include "core/error.h"
#include "support/person.h"
#include "support/project_builder.h"
#include "support/snapshot.h"

using namespace comb;

namespace {

using test::Person;

core::Memo memo_on_coding(std::int64_t coding, const std::string& text) {
    core::Memo m;
    m.target = core::MemoTarget::coding;
    m.target_id = coding;
    m.text = text;
    return m;
}

core::Theme theme_named(const core::Repository& repo, const std::string& name) {
    for (const auto& t : repo.themes()) if (t.name == name) return t;
    FAIL("no theme " << name);
    return {};
}

// Runs `command` in b's project, expects it refused with `message`, the file unchanged.
void check_refused(test::ProjectBuilder& b, const core::Command& command, const std::string& message) {
    const auto before = test::snapshot(b.file());
    CHECK_THROWS_AS(b.project().execute(command), core::ConflictError);
    CHECK_THROWS_WITH(b.project().execute(command), message);
    CHECK(test::snapshot(b.file()) == before);
}

}  // namespace

TEST_CASE("a stale coding memo edit or delete is refused naming who and when", "[store][several][versions][stale]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta\n", "P1");
    const auto coding = b.code(doc, "alpha", "A");
    b.project().execute(core::AddMemo(memo_on_coding(coding.value, "first")));
    const auto seen = b.file().memos().front();  // what window A's memo dialog shows
    Person sam(b.path(), "Sam");
    sam.project.execute(core::EditMemo(seen.id, std::nullopt, "Sam's words"));

    core::EditMemo edit(seen.id, std::nullopt, "mine");
    edit.expect(seen);
    check_refused(b, edit, "cannot do \"Edit memo\": Sam changed memo " + std::to_string(seen.id.value) +
                               " at 2026-12-03T09:14:02Z (Edit memo) since you saw it");
    core::DeleteMemo remove(seen.id);
    remove.expect(seen);
    check_refused(b, remove, "cannot do \"Delete memo\": Sam changed memo " + std::to_string(seen.id.value) +
                                 " at 2026-12-03T09:14:02Z (Edit memo) since you saw it");
    CHECK(b.file().memos().front().text == "Sam's words");
    // From what is stored now it goes through.
    core::EditMemo fresh(seen.id, std::nullopt, "mine");
    fresh.expect(b.file().memos().front());
    CHECK_NOTHROW(b.project().execute(fresh));
    CHECK(b.file().memos().front().text == "mine");
}

TEST_CASE("a stale attribute value edit is refused, and so is one over a value set since", "[store][several][versions][stale]") {
    test::ProjectBuilder b;
    b.project().execute(core::SetCaseAttributes({{"P01", {{"role", "nurse"}}}}));
    const auto seen = b.file().attribute_values().front();
    Person sam(b.path(), "Sam");
    sam.project.execute(core::SetCaseAttributes({{"P01", {{"role", "midwife"}}}}));

    core::SetCaseAttributes set({{"P01", {{"role", "doctor"}}}});
    set.expect(seen);
    check_refused(b, set, "cannot do \"Set attributes of 1 case\": Sam changed the value of 'role' for case 'P01' at 2026-12-03T09:14:02Z (Set attributes of 1 case) since you saw it");
    CHECK(b.file().attribute_values().front().value == "midwife");

    // The user saw no value of "band" for P01; Sam sets one meanwhile.
    b.project().execute(core::SetCaseAttributes({{"P02", {{"band", "5"}}}}));
    core::AttributeValue key;
    key.case_id = seen.case_id;
    for (const auto& a : b.file().attributes()) if (a.name == "band") key.attribute_id = a.id;
    sam.project.execute(core::SetCaseAttributes({{"P01", {{"band", "6"}}}}));
    core::SetCaseAttributes add({{"P01", {{"band", "7"}}}});
    add.expect_absent(key);
    check_refused(b, add, "cannot do \"Set attributes of 1 case\": Sam created the value of 'band' for case 'P01' at 2026-12-03T09:14:02Z (Set attributes of 1 case) since you saw it");
}

TEST_CASE("a stale theme membership change or move is refused naming who and when", "[store][several][versions][stale]") {
    test::ProjectBuilder b;
    b.project().execute(core::DefineCode("Time", {}));
    b.project().execute(core::DefineCode("Staff", {}));
    core::DefineTheme::Spec pressure{"Pressure", std::nullopt, std::nullopt, {"Time"}, {}};
    b.project().execute(core::DefineTheme(pressure));
    b.project().execute(core::DefineTheme(core::DefineTheme::Spec{"Context", std::nullopt, std::nullopt, {}, {}}));
    const auto seen = theme_named(b.file(), "Pressure");  // what window A's theme panel shows
    Person sam(b.path(), "Sam");
    sam.project.execute(core::DefineTheme(core::DefineTheme::Spec{"Pressure", std::nullopt, std::nullopt, {}, {"Time"}}));

    core::DefineTheme add(core::DefineTheme::Spec{"Pressure", std::nullopt, std::nullopt, {"Staff"}, {}});
    add.expect(seen);
    const std::string by_sam = "Sam changed theme 'Pressure' at 2026-12-03T09:14:02Z (Define theme Pressure) since you saw it";
    check_refused(b, add, "cannot do \"Define theme Pressure\": " + by_sam);
    core::DefineTheme remove(core::DefineTheme::Spec{"Pressure", std::nullopt, std::nullopt, {}, {"Time"}});
    remove.expect(seen);
    check_refused(b, remove, "cannot do \"Define theme Pressure\": " + by_sam);
    core::MoveTheme move("Pressure", std::string("Context"));
    move.expect(seen);
    check_refused(b, move, "cannot do \"" + move.label() + "\": " + by_sam);
    CHECK(theme_named(b.file(), "Pressure").codes.empty());

    core::MoveTheme fresh("Pressure", std::string("Context"));
    fresh.expect(theme_named(b.file(), "Pressure"));
    CHECK_NOTHROW(b.project().execute(fresh));
    CHECK(theme_named(b.file(), "Pressure").parent == theme_named(b.file(), "Context").id);
}
