// SPDX-License-Identifier: GPL-3.0-or-later
// The documents pane: attributes are added and edited per case, documents move between cases,
// each as one undoable core command; the tree shows the result.
#include <catch2/catch.hpp>

#include <deque>

#include <wx/treectrl.h>

#include "gui/document_tree.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

// Every label in the tree, depth first, indented two spaces a level.
std::string outline(wxTreeCtrl& tree, const wxTreeItemId& item, int depth = -1) {
    std::string out;
    if (depth >= 0) out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + gui::from_wx(tree.GetItemText(item)) + "\n";
    wxTreeItemIdValue cookie;
    for (auto child = tree.GetFirstChild(item, cookie); child.IsOk(); child = tree.GetNextChild(item, cookie))
        out += outline(tree, child, depth + 1);
    return out;
}

}  // namespace

TEST_CASE("the documents pane adds and edits attributes and reassigns documents", "[gui][documents]") {
    Fixture f;
    auto& docs = f.frame->documents();
    std::deque<std::optional<std::string>> answers;
    docs.set_prompt([&](const std::string&, const std::string&) {
        auto a = answers.front();
        answers.pop_front();
        return a;
    });
    auto& tree = docs.control();
    CHECK(outline(tree, tree.GetRootItem()) == "P01\n  P01\n");

    answers = {std::string("role"), std::string("agent")};
    REQUIRE(docs.add_attribute("P01"));
    pump(50);
    CHECK(outline(tree, tree.GetRootItem()) == "P01\n  P01\n  role: agent\n");

    answers = {std::string("trainer")};
    REQUIRE(docs.edit_attribute("P01", "role", "agent"));
    pump(50);
    CHECK(outline(tree, tree.GetRootItem()) == "P01\n  P01\n  role: trainer\n");

    answers = {std::nullopt};  // cancelled: nothing changes
    CHECK_FALSE(docs.add_attribute("P01"));

    answers = {std::string("P02")};
    REQUIRE(docs.assign_case(f.doc));
    pump(50);
    CHECK(outline(tree, tree.GetRootItem()) == "P01\n  role: trainer\nP02\n  P01\n");
    REQUIRE(f.frame->workbench().undo());
    pump(50);
    CHECK(outline(tree, tree.GetRootItem()) == "P01\n  P01\n  role: trainer\n");
    CHECK(f.errors.empty());
}
