// SPDX-License-Identifier: GPL-3.0-or-later
// Each command does what its user expects, and keeps the project consistent.
#include <catch2/catch.hpp>

#include "core/code_paths.h"
#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/commands/theme_commands.h"
#include "core/error.h"
#include "support/command_builder.h"
#include "support/snapshot.h"

using namespace comb;

namespace {
const std::string kText = "Interviewer: What gets in the way?\nP2: Funding is short-term. Leaders back it though.\n";

std::size_t count_code(const core::Repository& f, const std::string& path) {
    const core::CodeTree tree(f.codes());
    const auto id = tree.find_path(path);
    std::size_t n = 0;
    for (const auto& c : f.codings()) n += id && c.code == *id;
    return n;
}
}  // namespace

TEST_CASE("merging codes moves codings, theme membership and memos, and undoes whole", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    b.code(doc, "Funding is short-term", "Money");
    b.code(doc, "Leaders back it", "Leadership");
    b.code(doc, "Funding", "Funding");
    b.project().execute(core::DefineTheme({"Macro", {}, "", {"Money"}, {}}));
    core::Memo memo; memo.target = core::MemoTarget::code; memo.target_id = core::CodeTree(b.repo().codes()).path_id("Money").value; memo.text = "m";
    b.project().execute(core::AddMemo(memo));
    const auto before = test::snapshot(b.repo());

    b.project().execute(core::MergeCodes("Money", "Funding"));
    const core::CodeTree tree(b.repo().codes());
    CHECK_FALSE(tree.find_path("Money"));
    CHECK(count_code(b.repo(), "Funding") == 2);
    CHECK(b.repo().themes()[0].codes == std::vector<core::CodeId>{tree.path_id("Funding")});
    CHECK(b.repo().memos()[0].target_id == tree.path_id("Funding").value);

    b.project().undo();
    CHECK(test::snapshot(b.repo()) == before);
}

TEST_CASE("deleting a code removes its children, codings, memos and theme places, undo brings all back", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    const auto coding = b.code(doc, "Funding is short-term", "Macro/Funding");
    b.code(doc, "Leaders back it", "Organisational");
    core::Memo memo; memo.target = core::MemoTarget::coding; memo.target_id = coding.value; memo.text = "short";
    b.project().execute(core::AddMemo(memo));
    b.project().execute(core::DefineTheme({"Money", {}, "", {"Macro/Funding", "Organisational"}, {}}));
    const auto before = test::snapshot(b.repo());

    b.project().execute(core::DeleteCode("Macro"));
    CHECK(b.repo().codes().size() == 1);
    CHECK(b.repo().codings().size() == 1);
    CHECK(b.repo().memos().empty());
    CHECK(b.repo().themes()[0].codes.size() == 1);

    b.project().undo();
    CHECK(test::snapshot(b.repo()) == before);
}

TEST_CASE("renaming or moving next to a namesake is refused and changes nothing", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    b.code(doc, "Funding", "A/X");
    b.code(doc, "Leaders", "B/X");
    const auto before = test::snapshot(b.repo());
    CHECK_THROWS_WITH(b.project().execute(core::RenameCode("A", "B")), "a code named \"B\" already exists there");
    CHECK_THROWS_WITH(b.project().execute(core::MoveCode("A/X", std::string("B"))), "a code named \"X\" already exists there");
    CHECK_THROWS_WITH(b.project().execute(core::MoveCode("A", std::string("A/X"))), "cannot move code \"A\" under itself");
    CHECK(test::snapshot(b.repo()) == before);
}

TEST_CASE("splitting moves only the chosen codings to the new code", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    const auto one = b.code(doc, "Funding", "Resources");
    b.code(doc, "Leaders", "Resources");
    b.project().execute(core::SplitCode("Resources", "Resources/Money", {one}));
    CHECK(count_code(b.repo(), "Resources") == 1);
    CHECK(count_code(b.repo(), "Resources/Money") == 1);
}

TEST_CASE("coding the same span with the same code twice adds nothing", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    b.code(doc, "Funding", "A");  // by "tester"
    const auto changes = b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(39), core::CodePoint(46)}}}, "A", "tester"));
    CHECK(changes.empty());
    CHECK(b.repo().codings().size() == 1);
    // Codings are a set keyed by (document, code, coder, span) (issue 15): a second coder's
    // identical coding is double coding, not a duplicate.
    const auto second = b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(39), core::CodePoint(46)}}}, "A", "other"));
    CHECK(second.changes.size() == 1);
    CHECK(b.repo().codings().size() == 2);
}

TEST_CASE("a span outside the document is refused with its bounds", "[core][commands]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    CHECK_THROWS_WITH(b.project().execute(core::ApplyCodings({{doc, {core::CodePoint(5), core::CodePoint(500)}}}, "A", "t")),
                      "span 5-500 is not inside the document (0-86) or is empty");
    CHECK(b.repo().codes().empty());  // the code was not created either
}

TEST_CASE("re-importing the same content is refused, naming the existing document", "[core][commands]") {
    test::MemoryBuilder b;
    b.add_document("P2", kText, "P2");
    core::NewDocument again;
    again.name = "copy";
    again.text = kText;
    again.hash = "P2#" + std::to_string(kText.size());
    again.metadata["source_file"] = "/data/copy.txt";
    CHECK_THROWS_WITH(b.project().execute(core::ImportDocuments({again})),
                      "/data/copy.txt: already imported as document \"P2\" (same content)");
}

TEST_CASE("case attributes are typed and one sheet is one undo step", "[core][commands]") {
    test::MemoryBuilder b;
    b.project().execute(core::SetCaseAttributes({{"P1", {{"role", "trainer"}, {"years", "4"}}},
                                                 {"P2", {{"role", "agent"}, {"years", "2.5"}}}}));
    const auto attrs = b.repo().attributes();
    REQUIRE(attrs.size() == 2);
    CHECK(attrs[0].type == core::AttributeType::text);
    CHECK(attrs[1].type == core::AttributeType::number);
    CHECK(b.repo().attribute_values().size() == 4);
    b.project().undo();
    CHECK(b.repo().cases().empty());
    CHECK(b.repo().attributes().empty());
}

TEST_CASE("a code that is not codable refuses codings by name, and its children take them", "[core][commands][codable]") {
    test::MemoryBuilder b;
    const auto doc = b.add_document("P2", kText, "P2");
    core::CodeFields category;
    category.codable = false;
    b.project().execute(core::DefineCode("Barriers", category));
    b.code(doc, "Funding is short-term", "Barriers/Funding");  // a child may be applied
    const auto funding = b.repo().codings().front().id;
    const auto before = test::snapshot(b.repo());
    const core::Span span{core::CodePoint(39), core::CodePoint(46)};
    CHECK_THROWS_WITH(b.project().execute(core::ApplyCodings({{doc, span}}, "Barriers", "tester")),
                      "code \"Barriers\" may not be applied: it is a category (not codable); "
                      "code with one of its children");
    CHECK_THROWS_WITH(b.project().execute(core::SplitCode("Barriers/Funding", "Barriers", {funding})),
                      "code \"Barriers\" may not be applied: it is a category (not codable); "
                      "code with one of its children");
    CHECK(test::snapshot(b.repo()) == before);
    // Made codable again, it takes codings like any code.
    category.codable = true;
    b.project().execute(core::DefineCode("Barriers", category));
    b.project().execute(core::ApplyCodings({{doc, span}}, "Barriers", "tester"));
    CHECK(count_code(b.repo(), "Barriers") == 1);
}
