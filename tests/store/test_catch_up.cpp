// SPDX-License-Identifier: GPL-3.0-or-later
// Project::catch_up: a project open through two connections (two windows, or a window and a
// `comb` process) hears what the other committed, entry by entry, and nothing of its own.
#include <catch2/catch.hpp>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"
#include "support/project_builder.h"

using namespace comb;

namespace {

// A second connection to the builder's file with its own Project, recording what it hears.
struct Other {
    std::unique_ptr<store::ProjectFile> file;
    std::unique_ptr<core::Project> project;
    std::vector<core::ProjectChanged::Cause> causes;
    std::vector<std::string> labels;
    std::vector<std::size_t> sizes;
    std::vector<std::string> whos;
    core::Subscription sub;

    explicit Other(const std::filesystem::path& path)
        : file(store::ProjectFile::open(path)), project(std::make_unique<core::Project>(*file)) {
        sub = project->changed().subscribe([this](const core::ProjectChanged& e) {
            causes.push_back(e.cause);
            labels.push_back(e.label);
            sizes.push_back(e.changes.changes.size());
            whos.push_back(e.who);
        });
    }
};

core::Span span(std::int64_t a, std::int64_t b) { return {core::CodePoint(a), core::CodePoint(b)}; }

}  // namespace

TEST_CASE("catch_up publishes each entry another connection committed, once", "[store][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    Other other(b.path());
    CHECK(other.project->catch_up() == 0);  // nothing happened since it opened

    b.code(doc, "alpha", "A");
    b.code(doc, "beta", "B");
    REQUIRE(other.project->catch_up() == 2);
    CHECK(other.causes == std::vector{core::ProjectChanged::Cause::external, core::ProjectChanged::Cause::external});
    CHECK(other.labels == std::vector<std::string>{"Code passage as A", "Code passage as B"});
    CHECK(other.sizes == std::vector<std::size_t>{2, 2});  // the new code and its coding
    CHECK(other.file->codings().size() == 2);
    CHECK(other.project->catch_up() == 0);  // seen once only
    CHECK(other.causes.size() == 2);
}

TEST_CASE("catch_up does not replay the caller's own actions, before or after others'", "[store][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    Other other(b.path());

    // Own action with nothing unseen: no event from catch_up, not even later.
    other.project->execute(core::ApplyCodings({{doc, span(4, 9)}}, "Mine", "other"));
    CHECK(other.causes == std::vector{core::ProjectChanged::Cause::command});
    CHECK(other.project->catch_up() == 0);

    // Someone else codes; then, before catching up, an own action: only theirs is published.
    b.code(doc, "gamma", "Theirs");
    other.project->execute(core::ApplyCodings({{doc, span(10, 14)}}, "Mine", "other"));
    REQUIRE(other.project->catch_up() == 1);
    CHECK(other.labels.back() == "Code passage as Theirs");
    CHECK(other.project->catch_up() == 0);

    // And the first connection hears both of the other's actions.
    Other third(b.path());
    other.project->execute(core::ApplyCodings({{doc, span(21, 26)}}, "Mine", "other"));
    REQUIRE(third.project->catch_up() == 1);
    CHECK(third.labels == std::vector<std::string>{"Code passage as Mine"});
}

TEST_CASE("an undo elsewhere is published as its own entry, with who", "[store][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    b.project().set_coder("Sam");
    b.code(doc, "alpha", "A");
    Other other(b.path());
    b.project().undo();
    REQUIRE(other.project->catch_up() == 1);
    CHECK(other.causes == std::vector{core::ProjectChanged::Cause::external});
    CHECK(other.labels == std::vector<std::string>{"Undo: Code passage as A"});
    CHECK(other.sizes == std::vector<std::size_t>{2});
    CHECK(other.whos == std::vector<std::string>{"Sam"});
    CHECK(other.file->codings().empty());
}

TEST_CASE("catch_up asks for a reload when the history does not explain the change", "[store][catch_up]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    b.code(doc, "alpha", "A");
    Other other(b.path());

    SECTION("a write that changed rows without a history entry (an older Comb)") {
        b.file().connection().exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'");
        REQUIRE(other.project->catch_up() == 1);
        CHECK(other.causes == std::vector{core::ProjectChanged::Cause::reload});
        CHECK(other.sizes == std::vector<std::size_t>{0});
        CHECK(other.project->catch_up() == 0);
    }
    SECTION("more entries than are worth replaying") {
        for (std::size_t i = 0; i <= core::Project::kMaxCatchUp; ++i) {
            b.project().execute(core::DefineCode("Many/C" + std::to_string(i), {}));
        }
        REQUIRE(other.project->catch_up() == 1);
        CHECK(other.causes == std::vector{core::ProjectChanged::Cause::reload});
        CHECK(other.project->catch_up() == 0);
        b.code(doc, "beta", "B");  // after a reload, entry by entry again
        REQUIRE(other.project->catch_up() == 1);
        CHECK(other.causes.back() == core::ProjectChanged::Cause::external);
    }
    SECTION("a write that changes no project row publishes nothing") {
        b.file().set_setting("presence-test", "x");
        CHECK(other.project->catch_up() == 0);
        CHECK(other.causes.empty());
    }
}

TEST_CASE("a reload event touches every row kind, an entry only its own", "[store][catch_up]") {
    const core::ChangeSet none;
    const core::ProjectChanged reload{none, core::ProjectChanged::Cause::reload, {}, {}};
    CHECK(reload.touches(core::RowKind::theme));
    CHECK(reload.touches_codings_of(core::DocumentId(7)));
    const core::ProjectChanged external{none, core::ProjectChanged::Cause::external, "Sam", "Code passage as A"};
    CHECK_FALSE(external.touches(core::RowKind::theme));
    CHECK_FALSE(external.touches_codings_of(core::DocumentId(7)));
}
