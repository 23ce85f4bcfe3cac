// SPDX-License-Identifier: GPL-3.0-or-later
// RecodeCodings (the coded segments view's "Recode..."): codings move to another code with
// their id, coder, pin and memo; one undo step brings them back.
#include <catch2/catch.hpp>

#include "core/code_paths.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/commands/recode_codings.h"
#include "core/error.h"
#include "support/project_builder.h"

using namespace comb;

TEST_CASE("recoding moves codings to another code, keeping coder, pin and memo, undo restores", "[store][commands]") {
    test::ProjectBuilder b;
    const auto doc = b.add_document("P2", "P2: Funding is short-term. Leaders back it though.\n", "P2");
    const auto funding = b.code(doc, "Funding is short-term", "Money");
    const auto leaders = b.code(doc, "Leaders back it", "Money");
    b.project().execute(core::DefineCode("Resources/Funding", {}));
    b.project().execute(core::PinCoding(funding, true));
    core::Memo memo;
    memo.target = core::MemoTarget::coding;
    memo.target_id = funding.value;
    memo.text = "short-term money";
    b.project().execute(core::AddMemo(memo));

    b.project().execute(core::RecodeCodings({funding, leaders}, "Resources/Funding"));
    const core::CodeTree tree(b.file().codes());
    const auto target = tree.path_id("Resources/Funding");
    const auto codings = b.file().codings();
    REQUIRE(codings.size() == 2);
    for (const auto& c : codings) {
        CHECK(c.code == target);
        CHECK(c.coder == "tester");
    }
    CHECK(core::require_coding(b.file(), funding).pinned);
    CHECK(core::require_coding(b.file(), funding).span.start.value == 4);
    CHECK(b.file().memos().size() == 1);
    CHECK(b.project().undo_label() == std::optional<std::string>("Recode 2 passages as Resources/Funding"));

    b.project().undo();
    for (const auto& c : b.file().codings()) CHECK(c.code == tree.path_id("Money"));
    CHECK_THROWS_AS(b.project().execute(core::RecodeCodings({funding}, "Nowhere")), core::InputError);
    CHECK_THROWS_AS(b.project().execute(core::RecodeCodings({core::CodingId(999)}, "Money")), core::InputError);
}
