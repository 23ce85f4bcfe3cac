// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "core/code_paths.h"
#include "core/error.h"

using namespace comb::core;

TEST_CASE("code paths split on slashes, with \\/ for a slash inside a name", "[core][codes]") {
    CHECK(split_code_path("Funding / Short-term") == std::vector<std::string>{"Funding", "Short-term"});
    CHECK(split_code_path("TDF/Social\\/professional role") == std::vector<std::string>{"TDF", "Social/professional role"});
    CHECK_THROWS_AS(split_code_path("A//B"), InputError);
    CHECK_THROWS_AS(split_code_path(""), InputError);
}

TEST_CASE("CodeTree finds codes by path and prints paths with escapes", "[core][codes]") {
    Code a; a.id = CodeId(1); a.name = "TDF";
    Code b; b.id = CodeId(2); b.name = "Social/professional role"; b.parent = CodeId(1);
    Code c; c.id = CodeId(3); c.name = "Time"; c.position = 0;
    const CodeTree tree({a, b, c});
    CHECK(tree.path(CodeId(2)) == "TDF/Social\\/professional role");
    CHECK(tree.find_path(tree.path(CodeId(2))) == CodeId(2));
    CHECK(tree.descendants(CodeId(1)) == std::vector<CodeId>{CodeId(2)});
    CHECK_THROWS_WITH(tree.path_id("Nope"), "no code named \"Nope\"");
}
