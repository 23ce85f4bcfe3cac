// core::MemoryRepository keeps the Repository's promises as the SQLite store does: the same
// commands give the same rows in the same order, through undo and redo, and a failed
// command leaves either unchanged. Core tests run on it (tests/core), so it must not drift.
#include <catch2/catch.hpp>

#include <random>

#include "core/error.h"
#include "store/row_codec.h"
#include "support/project_builder.h"
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

TEST_CASE("the memory repository and the project file agree on random command sequences", "[store][memory][property]") {
    const unsigned seed = GENERATE(3u, 11u, 20261203u);
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    test::ProjectBuilder file;
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
    const auto h1 = file.repo().history(), h2 = memory.repo().history();
    REQUIRE(h1.size() == h2.size());
    for (std::size_t i = 0; i < h1.size(); ++i) {
        CHECK(h1[i].label == h2[i].label);
        CHECK(h1[i].applied == h2[i].applied);
    }
    for (const auto& c : file.repo().codings()) CHECK(memory.repo().find_coding(c.id) == std::optional(c));
}

TEST_CASE("a memory transaction that is not committed leaves nothing behind", "[store][memory]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta\n", "P1");
    const auto before = test::snapshot(b.repo());
    {
        auto tx = b.repo().begin("test");
        core::Case c{core::CaseId(b.repo().reserve_id(core::RowKind::case_)), "P9", ""};
        b.repo().put(c);
        b.repo().bump_change_counter();
        CHECK(b.repo().cases().size() == 2);
        CHECK_THROWS_WITH(b.repo().begin("again"), "project file: again: a transaction is already open");
    }
    CHECK(test::snapshot(b.repo()) == before);
    CHECK(b.repo().change_counter() == 1);
    CHECK_THROWS_WITH(b.repo().put(core::Case{core::CaseId(5), "X", ""}), "project file: write a row: no transaction is open");
    // A span outside the text is refused by the command; nothing changes either.
    CHECK_THROWS_AS(b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(3), core::CodePoint(99)}}}, "A", "t")),
                    core::InputError);
    CHECK(test::snapshot(b.repo()) == before);
}
