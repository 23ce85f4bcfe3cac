// SPDX-License-Identifier: GPL-3.0-or-later
// Renaming and re-parenting themes: exact refusals, and undo/redo restore the project exactly.
#include <catch2/catch.hpp>

#include <functional>
#include <map>

#include "core/commands/theme_commands.h"
#include "core/error.h"
#include "support/command_builder.h"
#include "support/snapshot.h"

using namespace comb;

namespace {

// The theme tree as text, parents before children, siblings by position: "A\n  B\n".
std::string outline(const core::Repository& f) {
    const auto themes = f.themes();
    std::multimap<std::pair<std::int64_t, std::int64_t>, const core::Theme*> by_parent;  // (parent, position)
    for (const auto& t : themes) by_parent.emplace(std::pair{t.parent ? t.parent->value : 0, t.position}, &t);
    std::string out;
    std::function<void(std::int64_t, int)> walk = [&](std::int64_t parent, int depth) {
        for (const auto& [key, t] : by_parent) {
            if (key.first != parent) continue;
            out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + t->name + "\n";
            walk(t->id.value, depth + 1);
        }
    };
    walk(0, 0);
    return out;
}

std::string refusal(test::MemoryBuilder& b, const core::Command& c) {
    try {
        b.project().execute(c);
    } catch (const core::InputError& e) {
        return e.reason();
    }
    return "(accepted)";
}

struct Themes {
    test::MemoryBuilder b;
    Themes() {
        b.project().execute(core::DefineTheme({"Time", {}, {}, {}, {}}));
        b.project().execute(core::DefineTheme({"Release", std::string("Time"), {}, {}, {}}));
        b.project().execute(core::DefineTheme({"Funding", {}, {}, {}, {}}));
    }
};

}  // namespace

TEST_CASE("renaming a theme keeps its place, undo and redo restore it", "[core][commands][themes]") {
    Themes t;
    const auto before = test::snapshot(t.b.repo());
    t.b.project().execute(core::RenameTheme("Release", "Protected time"));
    CHECK(outline(t.b.repo()) == "Time\n  Protected time\nFunding\n");
    const auto after = test::snapshot(t.b.repo());
    t.b.project().undo();
    CHECK(test::snapshot(t.b.repo()) == before);
    t.b.project().redo();
    CHECK(test::snapshot(t.b.repo()) == after);
}

TEST_CASE("renaming a theme refuses unknown, empty and duplicate names", "[core][commands][themes]") {
    Themes t;
    const auto before = test::snapshot(t.b.repo());
    CHECK(refusal(t.b, core::RenameTheme("Nope", "X")) == "no theme named \"Nope\"");
    CHECK(refusal(t.b, core::RenameTheme("Time", "")) == "a theme name may not be empty");
    CHECK(refusal(t.b, core::RenameTheme("Time", "Funding")) == "a theme named \"Funding\" already exists");
    CHECK(test::snapshot(t.b.repo()) == before);
}

TEST_CASE("moving a theme makes it a subtheme or top-level, its subthemes along", "[core][commands][themes]") {
    Themes t;
    const auto before = test::snapshot(t.b.repo());
    t.b.project().execute(core::MoveTheme("Time", std::string("Funding")));
    CHECK(outline(t.b.repo()) == "Funding\n  Time\n    Release\n");
    const auto after = test::snapshot(t.b.repo());
    t.b.project().execute(core::MoveTheme("Release", std::nullopt));
    CHECK(outline(t.b.repo()) == "Funding\n  Time\nRelease\n");
    t.b.project().undo();
    CHECK(test::snapshot(t.b.repo()) == after);
    t.b.project().undo();
    CHECK(test::snapshot(t.b.repo()) == before);
    t.b.project().redo();
    CHECK(test::snapshot(t.b.repo()) == after);
}

TEST_CASE("moving a theme refuses cycles and unknown themes", "[core][commands][themes]") {
    Themes t;
    const auto before = test::snapshot(t.b.repo());
    CHECK(refusal(t.b, core::MoveTheme("Time", std::string("Release"))) ==
          "cannot move theme \"Time\" under itself or its subtheme \"Release\"");
    CHECK(refusal(t.b, core::MoveTheme("Time", std::string("Time"))) ==
          "cannot move theme \"Time\" under itself or its subtheme \"Time\"");
    CHECK(refusal(t.b, core::MoveTheme("Time", std::string("Nope"))) == "no theme named \"Nope\"");
    CHECK(refusal(t.b, core::MoveTheme("Nope", std::nullopt)) == "no theme named \"Nope\"");
    CHECK(test::snapshot(t.b.repo()) == before);
    SECTION("moving to where it already is changes nothing and records no undo step") {
        const auto undo = t.b.project().undo_label();
        t.b.project().execute(core::MoveTheme("Release", std::string("Time")));
        CHECK(t.b.project().undo_label() == undo);
    }
}
