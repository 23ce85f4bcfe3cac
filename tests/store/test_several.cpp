// SPDX-License-Identifier: GPL-3.0-or-later
// A project open in several places (issue 12): ids never reused, no silent replace, row
// versions, per-person undo, the history as audit log, presence.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/error.h"
#include "support/person.h"
#include "support/project_builder.h"
#include "support/snapshot.h"

using namespace comb;

namespace {

using test::Person;

}  // namespace

TEST_CASE("ids freed by undo or delete are never handed out again", "[store][several][ids]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    const auto first = b.code(doc, "alpha", "A");
    b.project().undo();
    const auto second = b.code(doc, "beta", "A");
    CHECK(second.value > first.value);
    b.project().execute(core::RemoveCodings({second}));
    b.reopen();
    const auto third = b.code(doc, "gamma", "A");
    CHECK(third.value > second.value);
    CHECK(b.file().codings().size() == 1);
}

TEST_CASE("an insert over an existing row is refused, never an upsert", "[store][several][ids]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta\n", "P1");
    const auto id = b.code(doc, "alpha", "A");
    auto stored = b.file().codings().front();
    core::Coding clash = stored;
    clash.span = {core::CodePoint(4), core::CodePoint(6)};
    auto tx = b.file().begin("test");
    CHECK_THROWS_WITH(b.file().insert(clash),
                      "cannot add coding " + std::to_string(id.value) +
                          ": a row with its id exists (another writer took it); nothing was changed");
    CHECK_THROWS_AS(b.file().insert(clash), core::ConflictError);
}

TEST_CASE("every change gets a version, a stale update is refused", "[store][several][versions]") {
    test::ProjectBuilder b;
    b.project().execute(core::DefineCode("Time", {}));
    const auto code = b.file().codes().front();
    CHECK(code.version == 1);
    b.project().execute(core::RenameCode("Time", "Time pressure"));
    CHECK(b.file().codes().front().version == 2);
    auto tx = b.file().begin("test");
    core::Code after = code;
    after.name = "Stale";
    CHECK_THROWS_WITH(b.file().update(code, after),
                      "cannot change code 'Time': it was changed by another writer (version 2, expected 1)");
}

TEST_CASE("an edit of a row changed since the user saw it is refused naming who and when", "[store][several][versions]") {
    test::ProjectBuilder b;
    b.project().execute(core::DefineCode("Time", {}));
    const auto seen = b.file().codes().front();  // what window A shows
    Person sam(b.path(), "Sam");
    core::TagPatch patch;
    patch.valence = core::Valence::barrier;
    sam.project.execute(core::TagCode("Time", patch));
    core::RenameCode rename("Time", "Time pressure");
    rename.expect(seen);
    const auto before = test::snapshot(b.file());
    CHECK_THROWS_WITH(b.project().execute(rename),
                      "cannot do \"Rename code Time to Time pressure\": Sam changed code 'Time' at 2026-12-03T09:14:02Z (Tag code Time) "
                      "since you saw it");
    CHECK(test::snapshot(b.file()) == before);
    // With the current version it goes through.
    core::RenameCode fresh("Time", "Time pressure");
    fresh.expect(b.file().codes().front());
    CHECK_NOTHROW(b.project().execute(fresh));
}

TEST_CASE("undo is per person: each undoes their own last action", "[store][several][undo]") {
    test::ProjectBuilder b;
    b.project().set_coder("Alex");
    const auto doc = b.add_document("P1", "P1: no time at all\n", "P1");
    Person sam(b.path(), "Sam");
    sam.project.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(11)}}}, "Time", ""));
    b.project().execute(core::DefineCode("Other", {}));
    // Window A (Alex) never showed Sam's coding; its Ctrl+Z undoes Alex's own last action.
    CHECK(b.project().undo_label() == std::optional<std::string>("Define code Other"));
    CHECK(sam.project.undo_label() == std::optional<std::string>("Code passage as Time"));
    b.project().undo();
    CHECK(b.file().codings().size() == 1);
    CHECK(b.project().undo_label() == std::optional<std::string>("Import P1"));
    sam.project.undo();
    CHECK(b.file().codings().empty());
    CHECK(sam.project.redo_label() == std::optional<std::string>("Code passage as Time"));
    CHECK(b.project().redo_label() == std::optional<std::string>("Define code Other"));
    sam.project.redo();
    CHECK(b.file().codings().size() == 1);
    CHECK(b.file().codings().front().coder == "Sam");
    CHECK_FALSE(sam.project.redo_label().has_value());
}

TEST_CASE("undo over another person's later change is refused naming who, what and when", "[store][several][undo]") {
    test::ProjectBuilder b;
    b.project().set_coder("Alex");
    b.project().execute(core::DefineCode("Time", {}));
    b.project().execute(core::RenameCode("Time", "Time pressure"));
    Person sam(b.path(), "Sam");
    core::TagPatch patch;
    patch.valence = core::Valence::barrier;
    sam.project.execute(core::TagCode("Time pressure", patch));
    const auto before = test::snapshot(b.file());
    CHECK_THROWS_WITH(b.project().undo(),
                      "cannot undo \"Rename code Time to Time pressure\": Sam changed code 'Time pressure' at "
                      "2026-12-03T09:14:02Z (Tag code Time pressure)");
    CHECK_THROWS_AS(b.project().undo(), core::ConflictError);
    CHECK(test::snapshot(b.file()) == before);
    // Once Sam undoes the tag, Alex's undo goes through.
    sam.project.undo();
    b.project().undo();
    CHECK(b.file().codes().front().name == "Time");
}

TEST_CASE("undo of rows others now depend on is refused, not a database error", "[store][several][undo]") {
    test::ProjectBuilder b;
    b.project().set_coder("Alex");
    const auto doc = b.add_document("P1", "P1: no time at all\n", "P1");
    Person sam(b.path(), "Sam");
    sam.project.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(11)}}}, "Time", ""));
    CHECK_THROWS_WITH(b.project().undo(), "cannot undo \"Import P1\": cannot delete document 'P1': other rows now refer to it");
    CHECK(b.file().documents().size() == 1);
}

TEST_CASE("the history is append-only: undo and redo add entries with who and when", "[store][several][history]") {
    test::ProjectBuilder b;
    b.project().set_coder("Alex");
    const auto doc = b.add_document("P1", "P1: alpha beta\n", "P1");
    const auto id = b.code(doc, "alpha", "A");
    b.project().undo();
    b.project().redo();
    const auto h = b.file().history(std::nullopt, true);
    REQUIRE(h.size() == 4);
    CHECK(h[1].label == "Code passage as A");
    CHECK(h[2].label == "Undo: Code passage as A");
    CHECK(h[2].kind == core::HistoryEntry::Kind::undo);
    CHECK(h[2].target == h[1].seq);
    CHECK(h[3].label == "Redo: Code passage as A");
    CHECK(h[3].target == h[1].seq);
    for (const auto& e : h) {
        CHECK(e.who == "Alex");
        CHECK(e.time == "2025-01-01T00:00:00Z");
    }
    // The redo brought back the coding under its own id, at a new version.
    const auto c = b.file().codings().front();
    CHECK(c.id == id);
    CHECK(c.version == 2);
}

TEST_CASE("new codings and memos are stamped with the coder and UTC time by the core", "[store][several][attribution]") {
    test::ProjectBuilder b;
    b.project().set_coder("Robin");
    const auto doc = b.add_document("P1", "P1: alpha beta\n", "P1");
    // As the GUI does: no coder, no time from the front end.
    b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(9)}}}, "A", "", std::string("why")));
    const auto c = b.file().codings().front();
    CHECK(c.coder == "Robin");
    CHECK(c.created == "2025-01-01T00:00:00Z");
    const auto m = b.file().memos().front();
    CHECK(m.author == "Robin");
    CHECK(m.created == "2025-01-01T00:00:00Z");
}

TEST_CASE("presence lists who has the project open and forgets a killed process", "[store][several][presence]") {
    test::ProjectBuilder b;
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t child = fork();
    if (child == 0) {
        // The child announces without touching the parent's SQLite connection.
        store::PresenceRecord record(b.path(), "Sam", "comb-gui", "2026-01-01T00:00:00Z");
        const char ok = 'k';
        if (write(ready[1], &ok, 1) != 1) _exit(1);
        pause();
        _exit(0);
    }
    char got = 0;
    REQUIRE(read(ready[0], &got, 1) == 1);
    b.file().announce("Alex", "comb-gui");
    auto people = b.file().presence();
    REQUIRE(people.size() == 2);
    CHECK(people[0].coder == "Sam");
    CHECK(people[0].pid == child);
    CHECK_FALSE(people[0].self);
    CHECK(people[1].coder == "Alex");
    CHECK(people[1].self);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    people = b.file().presence();
    REQUIRE(people.size() == 1);
    CHECK(people[0].coder == "Alex");
    const auto folder = store::presence_folder(b.path());
    CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()) == 1);
    close(ready[0]);
    close(ready[1]);
}
