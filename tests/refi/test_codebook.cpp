// SPDX-License-Identifier: GPL-3.0-or-later
// .qdc codebooks: built-ins load with their tags as deductive codes, adding twice changes
// nothing, exports are valid against Codebook.xsd and read back the same; the CLI does it.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/code_paths.h"
#include "core/error.h"
#include "refi/codebook.h"
#include "refi/import_project.h"
#include "refi/qdpx_writer.h"
#include "refi_support.h"
#include "support/project_builder.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test;

namespace {

refi::RefiProject builtin(const std::string& name) {
    setenv("COMB_CODEBOOKS", codebooks_dir().string().c_str(), 1);
    return refi::load_codebook(name);
}

}  // namespace

TEST_CASE("every built-in codebook loads with its code count", "[refi][codebook]") {
    const std::pair<const char*, std::size_t> books[] = {{"comb", 9}, {"tdf", 14}, {"levels", 5}, {"valence", 4}, {"cfir", 74}};
    for (const auto& [name, n] : books) {
        INFO(name);
        const auto book = builtin(name);
        CHECK(book.codes.size() == n);
        CHECK(book.warnings.empty());
        for (const auto& c : book.codes) CHECK_FALSE(c.inductive);
    }
    CHECK_THROWS_AS(builtin("nonesuch"), core::InputError);
}

TEST_CASE("adding the COM-B codebook creates tagged deductive codes, once", "[refi][codebook]") {
    ProjectBuilder b;
    b.project().execute(refi::ImportProject(builtin("comb"), "Add codebook comb"));
    const core::CodeTree tree(b.file().codes());
    REQUIRE(tree.codes().size() == 9);
    const auto& ps = tree.code(tree.path_id("Capability/Psychological capability"));
    CHECK(ps.tags.comb == std::vector{core::ComB::C_Ps});
    CHECK_FALSE(ps.inductive);
    CHECK(ps.guid == "f6e4879f-f3d6-51f4-901c-ae2e13bf4049");
    CHECK(ps.colour == "#9ECAE1");
    CHECK(ps.definition.rfind("Capacity for the mental work", 0) == 0);
    CHECK(ps.definition.find("Comb tags") == std::string::npos);
    const auto before = b.file().codes();
    const auto changes = b.project().execute(refi::ImportProject(builtin("comb"), "Add codebook comb"));
    CHECK(changes.empty());
    CHECK(b.file().codes() == before);
    b.project().undo();
    CHECK(b.file().codes().empty());
}

TEST_CASE("codebook export is valid and reads back the same codes and tags", "[refi][codebook]") {
    ProjectBuilder b;
    for (const char* name : {"comb", "tdf", "levels", "valence", "cfir"}) {
        b.project().execute(refi::ImportProject(builtin(name), std::string("Add ") + name));
    }
    const auto file = b.dir() / "all.qdc";
    refi::export_qdc(b.file(), file);
    if (have_shared()) {
        CHECK(schema_errors(slurp(file), refi_dir() / "Codebook.xsd") == "");
        for (const char* name : {"comb", "tdf", "levels", "valence", "cfir"}) {
            INFO(name);  // the shipped codebooks are valid too
            CHECK(schema_errors(slurp(codebooks_dir() / (std::string(name) + ".qdc")), refi_dir() / "Codebook.xsd") == "");
        }
    } else {
        WARN("shared corpus absent: codebook not validated");
    }
    ProjectBuilder c;
    c.project().execute(refi::ImportProject(refi::read_qdc(file), "Add"));
    CHECK(content(c.file()).codes == content(b.file()).codes);
    CHECK(c.file().codes().size() == 9 + 14 + 5 + 4 + 74);
    ProjectBuilder empty;
    CHECK_THROWS_AS(refi::export_qdc(empty.file(), empty.dir() / "none.qdc"), core::InputError);
}

TEST_CASE("comb codebook add, export and import on the command line", "[refi][cli]") {
    setenv("COMB_CODEBOOKS", codebooks_dir().string().c_str(), 1);
    TempDir dir;
    const std::string p = (dir / "p.comb").string();
    REQUIRE(run_comb({"new", p}).status == 0);
    auto r = run_comb({"codebook", "add", p, "levels"});
    CHECK(r.status == 0);
    CHECK(r.out == "Added 5 of 5 codes from codebook levels\n");
    r = run_comb({"codebook", "add", p, "levels"});
    CHECK(r.status == 0);
    CHECK(r.out == "Added 0 of 5 codes from codebook levels (5 already in the project)\n");
    r = run_comb({"codebook", "add", p, "nonesuch"});
    CHECK(r.status == 1);
    CHECK(r.err.find("no built-in codebook \"nonesuch\"") != std::string::npos);
    if (!have_shared()) {
        WARN("shared corpus absent");
        return;
    }
    r = run_comb({"import", p, (refi_dir() / "samples" / "qualcoder4-mecc-interviews-coded.qdpx").string()});
    CHECK(r.status == 0);
    CHECK(r.out.find("4 sources, 10 codes, 34 selections, 34 codings, 4 cases, 6 variables, 3 notes") != std::string::npos);
    r = run_comb({"docs", p, "--json"});
    CHECK(r.out.find("P01_trainer.txt") != std::string::npos);
    // Importing the same project again is refused and changes nothing.
    r = run_comb({"import", p, (refi_dir() / "samples" / "qualcoder4-mecc-interviews-coded.qdpx").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("already imported") != std::string::npos);
    // Export through `comb export`: .qdpx and .qdc come through the export registry.
    const std::string qdpx = (dir / "out.qdpx").string(), qdc = (dir / "out.qdc").string();
    r = run_comb({"export", p, "qdpx", "-o", qdpx});
    CHECK(r.status == 0);
    CHECK(schema_errors(qde_of(qdpx), refi_dir() / "Project.xsd") == "");
    r = run_comb({"export", p, "codebook", "-o", qdc});
    CHECK(r.status == 0);
    CHECK(schema_errors(slurp(qdc), refi_dir() / "Codebook.xsd") == "");
    // A hostile file is refused with exit 1 and the project stays as it was.
    make_zip(dir / "evil.qdpx", {{"project.qde", "<Project name=\"x\"/>"}, {"../../evil.txt", "x"}});
    const auto docs_before = run_comb({"docs", p, "--json"}).out;
    r = run_comb({"import", p, (dir / "evil.qdpx").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("unsafe path in zip entry: ../../evil.txt") != std::string::npos);
    CHECK(run_comb({"docs", p, "--json"}).out == docs_before);
    r = run_comb({"undo", p});
    CHECK(r.status == 0);
    r = run_comb({"docs", p, "--json"});
    CHECK(r.out.find("P01_trainer.txt") == std::string::npos);
}
