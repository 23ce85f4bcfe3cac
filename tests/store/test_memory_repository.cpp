// SPDX-License-Identifier: GPL-3.0-or-later
// Every Repository keeps the same promises: the SQLite store, core::MemoryRepository and the
// PostgreSQL store (a throw-away database on the test server; that half says "no PostgreSQL
// server" and skips when there is none). The same commands give the same rows in the same
// order, through undo and redo, and a failed command leaves each unchanged. Core tests run on
// the memory repository (tests/core), so none of them may drift.
#include <catch2/catch.hpp>

#include <random>

#include "core/error.h"
#include "store/row_codec.h"
#include "support/project_builder.h"
#include "support/store_builders.h"
#include "support/random_commands.h"
#include "support/snapshot.h"

using namespace comb;

namespace {

// New codes get random GUIDs (REFI-QDA identity), so the two sides compare without them.
void clear_guid(core::Row& row) {
    if (auto* code = std::get_if<core::Code>(&row)) code->guid.clear();
}
core::ChangeSet without_guids(core::ChangeSet changes) {
    for (auto& c : changes.changes) {
        if (c.before) clear_guid(*c.before);
        if (c.after) clear_guid(*c.after);
    }
    return changes;
}
test::Snapshot snapshot(core::Repository& repo) {
    auto s = test::snapshot(repo);
    for (auto& code : s.codes) code.guid.clear();
    return s;
}

// Runs the command on both; both accept it with equal change sets, or both refuse it.
void run_both(test::CommandBuilder& file, test::CommandBuilder& memory, const core::Command& cmd) {
    std::string file_error, memory_error;
    core::ChangeSet a, b;
    try { a = without_guids(file.project().execute(cmd)); } catch (const core::InputError& e) { file_error = e.what(); }
    try { b = without_guids(memory.project().execute(cmd)); } catch (const core::InputError& e) { memory_error = e.what(); }
    INFO(cmd.label());
    REQUIRE(file_error == memory_error);
    INFO("file:   " << store::encode_changes(a) << "\nmemory: " << store::encode_changes(b));
    REQUIRE(a == b);
}

}  // namespace

TEST_CASE("the memory repository and each store agree on random command sequences", "[store][memory][property][pg]") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    const unsigned seed = GENERATE(3u, 11u, 20261203u);
    INFO(kind << " seed " << seed);
    std::mt19937 rng(seed);
    auto store = test::make_builder(kind);
    if (!store) { WARN(test::kNoPgServer); return; }
    auto& file = *store;
    test::MemoryBuilder memory;
    const std::string text = "Interviewer: Tell me 😀\nP1: Time is short, café closed, שלום friends.\r\n";
    const auto doc = file.add_document("P1", text, "P1");
    REQUIRE(memory.add_document("P1", text, "P1") == doc);
    const auto len = core::utf8::length(text);
    int applied = 0;
    for (int step = 0; step < 40; ++step) {
        const auto cmd = test::random_command(rng, doc, len, file.repo().codings());
        if (!cmd) continue;
        run_both(file, memory, *cmd);
        REQUIRE(snapshot(file.repo()) == snapshot(memory.repo()));
        if (step % 5 == 4 && file.project().undo_label()) {
            file.project().undo();
            memory.project().undo();
            REQUIRE(snapshot(file.repo()) == snapshot(memory.repo()));
        }
        ++applied;
    }
    CHECK(applied > 20);
    CHECK(file.repo().change_counter() == memory.repo().change_counter());
    const auto h1 = file.repo().history(std::nullopt, true), h2 = memory.repo().history(std::nullopt, true);
    REQUIRE(h1.size() == h2.size());
    for (std::size_t i = 0; i < h1.size(); ++i) {
        CHECK(h1[i].seq == h2[i].seq);
        CHECK(h1[i].label == h2[i].label);
        CHECK(h1[i].who == h2[i].who);
        CHECK(h1[i].kind == h2[i].kind);
        CHECK(h1[i].target == h2[i].target);
        CHECK(without_guids(h1[i].changes) == without_guids(h2[i].changes));
    }
    for (const auto& c : file.repo().codings()) CHECK(memory.repo().find_coding(c.id) == std::optional(c));
}

TEST_CASE("a transaction that is not committed leaves nothing behind in every store", "[store][memory][pg]") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "memory", "postgresql");
    INFO(kind);
    auto b = test::make_builder(kind);
    if (!b) { WARN(test::kNoPgServer); return; }
    auto& repo = b->repo();
    const auto doc = b->add_document("P1", "P1: alpha beta\n", "P1");
    const auto before = test::snapshot(repo);
    {
        auto tx = repo.begin("test");
        core::Case c{core::CaseId(repo.reserve_id(core::RowKind::case_)), "P9", ""};
        repo.insert(c);
        repo.bump_change_counter();
        CHECK(repo.cases().size() == 2);
        CHECK_THROWS_WITH(repo.begin("again"), "project file: again: a transaction is already open");
    }
    CHECK(test::snapshot(repo) == before);
    CHECK(repo.change_counter() == 1);
    CHECK(repo.setting("next_id:case") == std::optional<std::string>("2"));  // the reservation was rolled back too
    CHECK_THROWS_WITH(repo.insert(core::Case{core::CaseId(5), "X", ""}), "project file: write a row: no transaction is open");
    // A span outside the text is refused by the command; nothing changes either.
    CHECK_THROWS_AS(b->project().execute(core::ApplyCodings({{doc, {core::CodePoint(3), core::CodePoint(99)}}}, "A", "t")),
                    core::InputError);
    CHECK(test::snapshot(repo) == before);
}

namespace {

// The concurrency promises of issue 12 (tests/store/test_several.cpp), checked on both: the
// memory repository must keep them with the same messages.
void check_several_semantics(test::CommandBuilder& b) {
    b.project().set_coder("Alex");
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    // Ids freed by undo or delete are never handed out again.
    const auto first = b.code(doc, "alpha", "A");
    b.project().undo();
    const auto second = b.code(doc, "beta", "A");
    CHECK(second.value == first.value + 1);
    b.project().execute(core::RemoveCodings({second}));
    const auto third = b.code(doc, "gamma", "A");
    CHECK(third.value == second.value + 1);
    REQUIRE(b.repo().codings().size() == 1);
    // Inserts never replace; updates and deletes check versions.
    const auto stored = b.repo().codings().front();
    CHECK(stored.version == 1);
    {
        auto tx = b.repo().begin("test");
        CHECK_THROWS_WITH(b.repo().insert(stored), "cannot add coding " + std::to_string(third.value) +
                                                       ": a row with its id exists (another writer took it); nothing was changed");
        core::Coding stale = stored;
        stale.version = 7;
        core::Coding after = stored;
        after.pinned = true;
        CHECK_THROWS_AS(b.repo().update(stale, after), core::ConflictError);
        CHECK_THROWS_WITH(b.repo().erase(stale), "cannot delete " + core::describe(stale) +
                                                     ": it was changed by another writer (version 1, expected 7)");
        core::Coding gone = stored;
        gone.id = core::CodingId(99);
        CHECK_THROWS_WITH(b.repo().erase(gone), "cannot delete " + core::describe(gone) + ": it no longer exists");
    }
    // Per-person undo: a second person on the same repository undoes only their own action.
    core::Project sam(b.repo(), "Sam", [] { return std::string("2026-12-03T09:14:02Z"); });
    sam.execute(core::ApplyCodings({{doc, {core::CodePoint(4), core::CodePoint(9)}}}, "Time", ""));
    CHECK(b.project().undo_label() == std::optional<std::string>("Code passage as A"));
    CHECK(sam.undo_label() == std::optional<std::string>("Code passage as Time"));
    sam.undo();
    sam.redo();
    // The history is append-only, with who, kind and target.
    const auto h = b.repo().history(std::nullopt, true);
    REQUIRE(h.size() == 9);
    CHECK(h[2].kind == core::HistoryEntry::Kind::undo);
    CHECK(h[2].target == h[1].seq);
    CHECK(h[7].label == "Undo: Code passage as Time");
    CHECK(h[8].kind == core::HistoryEntry::Kind::redo);
    CHECK(h[8].who == "Sam");
    CHECK(h[0].who == "Alex");
    CHECK(b.repo().history(std::string("Sam"), false).size() == 3);
    CHECK(b.repo().history(std::string("Sam"), false).front().changes.empty());
    const auto codings = b.repo().codings();  // Sam's (4-9) before Alex's gamma
    REQUIRE(codings.size() == 2);
    CHECK(codings.front().coder == "Sam");
    CHECK(b.repo().last_change_of(codings.front(), 0)->seq == h[8].seq);
    CHECK(b.repo().last_change_of(codings.back(), 0)->seq == h[5].seq);
    CHECK_FALSE(b.repo().last_change_of(codings.back(), h[5].seq).has_value());
    CHECK(b.repo().history_entry(h[3].seq)->label == h[3].label);
    CHECK_FALSE(b.repo().history_entry(99).has_value());
}

}  // namespace

TEST_CASE("every store keeps the concurrency promises", "[store][memory][several][pg]") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "memory", "postgresql");
    INFO(kind);
    auto b = test::make_builder(kind);
    if (!b) { WARN(test::kNoPgServer); return; }
    check_several_semantics(*b);
}

TEST_CASE("memory and each store agree on ids, versions and history through undo and redo", "[store][memory][several][pg]") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO(kind);
    auto store = test::make_builder(kind);
    if (!store) { WARN(test::kNoPgServer); return; }
    auto& file = *store;
    test::MemoryBuilder memory;
    check_several_semantics(file);
    check_several_semantics(memory);
    CHECK(snapshot(file.repo()) == snapshot(memory.repo()));
    const auto h1 = file.repo().history(std::nullopt, true), h2 = memory.repo().history(std::nullopt, true);
    REQUIRE(h1.size() == h2.size());
    for (std::size_t i = 0; i < h1.size(); ++i) {
        CHECK(h1[i].seq == h2[i].seq);
        CHECK(h1[i].who == h2[i].who);
        CHECK(h1[i].time == h2[i].time);
        CHECK(h1[i].target == h2[i].target);
        CHECK(without_guids(h1[i].changes) == without_guids(h2[i].changes));
    }
    for (const char* key : {"next_id:coding", "next_id:code", "next_id:document"}) {
        CHECK(file.repo().setting(key) == memory.repo().setting(key));
    }
}
