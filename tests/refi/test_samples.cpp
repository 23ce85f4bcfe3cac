// SPDX-License-Identifier: GPL-3.0-or-later
// Every .qdpx and .qdc in the shared corpus imports, with the counts SOURCES.md gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"
#include "refi/codebook.h"
#include "refi/comb_markers.h"
#include "refi/import_project.h"
#include "refi/positions.h"
#include "refi/qdpx_reader.h"
#include "refi_support.h"
#include "support/project_builder.h"

using namespace comb;
using namespace comb::test;

namespace {

#define REQUIRE_SHARED()                                  \
    if (!have_shared()) {                                 \
        WARN("shared corpus absent: " << refi_dir());     \
        return;                                           \
    }

struct Expected {
    const char* file;
    std::size_t sources, text_sources, codes, selections, codings, cases, variables, notes, sets;
    // In Comb after the import:
    std::size_t documents, comb_codes, comb_codings, comb_cases, attributes, values, memos, themes;
};

// Counts from SOURCES.md (and, for the parts it does not list, counted in the files).
const Expected kSamples[] = {
    // file                                              src txt codes sel  cod cas var not set | docs codes codings cases attrs values memos themes
    {"atlasti-ponte-blank-atlas-project.qdpx",            0,  0,   0,   0,   0,  0,  0,  0,  0,    0,   0,   0,  0, 0,  0,  0, 0},
    {"atlasti-ponte-target-atlas-project.qdpx",           0,  0,   3,   0,   0,  0,  0,  0,  0,    0,   3,   0,  0, 0,  0,  0, 0},
    // 8 PlainText (2 in a PDF's representation) + 4 PDF + 1 Picture + 2 Video selections; no text file is included.
    {"atlasti84mac-refi-standard-project-nosources.qdpx", 12, 6,  14,  15,  16,  0,  0,  2, 16,    0,  14,   0,  0, 0,  0,  2, 4},
    {"maxqda24-icls-themes-10sources.qdpx",               10, 10, 307,   0,   0,  0,  0,  0,  2,   10, 307,   0,  0, 0,  0,  0, 0},
    {"nvivo12win-oltas-youtube-comments-coded.qdpx",      2,  2, 152, 303, 303,  0,  0,  0,  0,    2, 152, 303,  0, 0,  0,  0, 0},
    {"nvivo15mac-qc-roundtrip-262codes-emptytext.qdpx",   2,  2, 262,   0,   0,  0,  0,  0,  0,    2, 262,   0,  0, 0,  0,  0, 0},
    {"qc132-proctor-demo-coded.qdpx",                     2,  2, 262, 158, 205,  0,  0,  0,  0,    2, 262, 205,  0, 0,  0,  0, 0},
    // 8 selection memos become coding memos besides the 3 notes and the project's Description (its
    // memo); 16 of the 24 values belong to cases.
    {"qualcoder4-mecc-interviews-coded.qdpx",             4,  4,  10,  34,  34,  4,  6,  3,  0,    4,  10,  34,  4, 6, 16, 12, 0},
};

std::size_t count_warnings(const refi::RefiProject& p, const std::string& needle) {
    return static_cast<std::size_t>(std::count_if(p.warnings.begin(), p.warnings.end(),
                                                  [&](auto& w) { return w.find(needle) != std::string::npos; }));
}

}  // namespace

TEST_CASE("every shared .qdpx sample imports with the file's counts", "[refi][samples]") {
    REQUIRE_SHARED();
    for (const auto& e : kSamples) {
        INFO(e.file);
        const auto p = refi::read_qdpx(refi_dir() / "samples" / e.file);
        CHECK(p.counts.sources == e.sources);
        CHECK(p.counts.text_sources == e.text_sources);
        CHECK(p.counts.codes == e.codes);
        CHECK(p.counts.selections == e.selections);
        CHECK(p.counts.codings == e.codings);
        CHECK(p.counts.cases == e.cases);
        CHECK(p.counts.variables == e.variables);
        CHECK(p.counts.notes == e.notes);
        CHECK(p.counts.sets == e.sets);
        ProjectBuilder b;
        const auto changes = b.project().execute(refi::ImportProject(p, "Import"));
        auto& r = b.file();
        CHECK(r.documents().size() == e.documents);
        CHECK(r.codes().size() == e.comb_codes);
        CHECK(r.codings().size() == e.comb_codings);
        CHECK(r.cases().size() == e.comb_cases);
        CHECK(r.attributes().size() == e.attributes);
        CHECK(r.attribute_values().size() == e.values);
        CHECK(r.memos().size() == e.memos);
        CHECK(r.themes().size() == e.themes);
        // One undo step removes everything the import added.
        if (changes.empty()) continue;  // an empty project adds nothing
        b.project().undo();
        CHECK(r.documents().empty());
        CHECK(r.codes().empty());
        CHECK(r.memos().empty());
    }
}

TEST_CASE("ATLAS.ti's standard project lists every part Comb could not import", "[refi][samples]") {
    REQUIRE_SHARED();
    const auto p = refi::read_qdpx(refi_dir() / "samples" / "atlasti84mac-refi-standard-project-nosources.qdpx");
    CHECK(count_warnings(p, "is not in the archive") == 6);  // the six text files
    CHECK(count_warnings(p, "picture \"") == 1);
    CHECK(count_warnings(p, "PDF \"") == 2);
    CHECK(count_warnings(p, "audio \"") == 1);
    CHECK(count_warnings(p, "video \"") == 2);
    CHECK(count_warnings(p, "not imported: Comb groups codes") == 12);
    CHECK(count_warnings(p, "links not imported") == 1);
    CHECK(count_warnings(p, "graphs not imported") == 1);
    // Flat ATLAS.ti codes keep their "::" names; the upper-case GUIDs are normalised.
    const auto coke = std::find_if(p.codes.begin(), p.codes.end(), [](auto& c) { return c.name == "Coke::diet Coke"; });
    REQUIRE(coke != p.codes.end());
    CHECK(coke->guid == "d299efae-5779-46dc-9827-a3d1a5d544bc");
    CHECK(coke->definition == "non sucré");
    CHECK(coke->colour == "#966450");
}

TEST_CASE("QualCoder positions are code points over LF text and land on the quoted words", "[refi][samples]") {
    REQUIRE_SHARED();
    const auto p = refi::read_qdpx(refi_dir() / "samples" / "qualcoder4-mecc-interviews-coded.qdpx");
    CHECK(p.position_unit == refi::to_string(refi::PositionUnit::code_points_lf));
    ProjectBuilder b;
    b.project().execute(refi::ImportProject(p, "Import"));
    auto& r = b.file();
    const auto docs = r.documents();
    const auto p01 = std::find_if(docs.begin(), docs.end(), [](auto& d) { return d.name == "P01_trainer.txt"; });
    REQUIRE(p01 != docs.end());
    const std::string text = r.text(p01->text_id);
    CHECK(text.substr(0, 3) != "\xEF\xBB\xBF");  // the BOM is not text
    CHECK(text.find('\r') == std::string::npos);
    // The selection named "refresher café sessions" is at 316-339 in the file.
    const auto codings = r.codings_of_document(p01->id);
    const auto cafe = std::find_if(codings.begin(), codings.end(), [](auto& c) { return c.span.start.value == 316; });
    REQUIRE(cafe != codings.end());
    CHECK(cafe->span.end.value == 339);
    CHECK(core::utf8::slice(text, cafe->span) == "refresher café sessions");
    CHECK(cafe->coder == "Dana Whitfield");
    // Every coding's text is the quote QualCoder wrote as the selection's name.
    std::size_t matching = 0;
    for (const auto& rc : p.codings) {
        const auto d = std::find_if(p.documents.begin(), p.documents.end(), [&](auto& x) { return x.guid == rc.document_guid; });
        if (core::utf8::slice(d->text, rc.span) == rc.selection_name) ++matching;
    }
    CHECK(matching == 34);
    // Case attributes, with the float kept as written; source variables in the metadata.
    const auto cases = r.cases();
    REQUIRE(cases.size() == 4);
    CHECK(cases[0].name == "P01");
    CHECK(cases[0].description == "MECC trainer; interviewed by video call.");
    const auto attrs = r.attributes();
    const auto years = std::find_if(attrs.begin(), attrs.end(), [](auto& a) { return a.name == "years_in_role"; });
    REQUIRE(years != attrs.end());
    CHECK(years->type == core::AttributeType::number);
    CHECK(p01->metadata.at("variable:interview_mode") == "video call");
    // The two annotations are document memos titled with their code-point span; the journal and
    // the project's Description (QualCoder's project memo) are project memos.
    std::size_t comments = 0, coding_memos = 0;
    std::vector<std::string> project;
    for (const auto& m : r.memos()) {
        if (m.target == core::MemoTarget::document && m.title.rfind("Comment at ", 0) == 0) ++comments;
        if (m.target == core::MemoTarget::project) {
            project.push_back(m.title);
            CHECK(!m.text.empty());
        }
        if (m.target == core::MemoTarget::coding) ++coding_memos;
    }
    CHECK(comments == 2);
    std::sort(project.begin(), project.end());
    CHECK(project == std::vector<std::string>{"", "Reflexive journal – week 12"});
    CHECK(coding_memos == 8);
    // Two categories are parents of four codes each.
    const core::CodeTree tree(r.codes());
    CHECK(tree.children(tree.path_id("Barriers")).size() == 4);
    CHECK(tree.find_path("Facilitators/Peer learning").has_value());
}

TEST_CASE("NVivo's UTF-16 positions over CR LF text become code points on word boundaries", "[refi][samples]") {
    REQUIRE_SHARED();
    const auto p = refi::read_qdpx(refi_dir() / "samples" / "nvivo12win-oltas-youtube-comments-coded.qdpx");
    CHECK(p.position_unit == refi::to_string(refi::PositionUnit::utf16_raw));
    REQUIRE(p.codings.size() == 303);
    std::map<std::string, refi::SourceText> texts;
    for (const auto& d : p.documents) {
        CHECK(d.text.find('\r') == std::string::npos);
        texts.emplace(d.guid, refi::SourceText(d.text));
    }
    std::size_t on_words = 0;
    for (const auto& c : p.codings) {
        const auto& t = texts.at(c.document_guid);
        if (t.starts_word(c.span.start.value) && t.ends_word(c.span.end.value)) ++on_words;
    }
    // SOURCES.md: 295 of 303 selections start and end on word boundaries in UTF-16 units.
    CHECK(on_words >= 295);
    // Codings were made by the second user, the selections by the first.
    std::set<std::string> coders;
    for (const auto& c : p.codings) coders.insert(c.coder);
    CHECK(coders.size() == 1);
}

TEST_CASE("qc's several codings per selection and bare plainTextPath", "[refi][samples]") {
    REQUIRE_SHARED();
    const auto p = refi::read_qdpx(refi_dir() / "samples" / "qc132-proctor-demo-coded.qdpx");
    REQUIRE(p.documents.size() == 2);
    CHECK(p.documents[0].name == "board_2017.txt");  // no name: the file name
    CHECK(p.codings.size() == 205);
    CHECK(p.warnings.empty());
}

TEST_CASE("NVivo for Mac's empty texts import as documents", "[refi][samples]") {
    REQUIRE_SHARED();
    const auto p = refi::read_qdpx(refi_dir() / "samples" / "nvivo15mac-qc-roundtrip-262codes-emptytext.qdpx");
    REQUIRE(p.documents.size() == 2);
    CHECK(p.documents[0].text == "\n");
    CHECK(p.documents[1].text == "\n");
}

TEST_CASE("the shared .qdc codebooks import, Taguette's empty <Sets/> included", "[refi][samples][codebook]") {
    REQUIRE_SHARED();
    const auto taguette = refi::read_qdc(refi_dir() / "samples" / "taguette141-uto-codebook.qdc");
    CHECK(taguette.codes.size() == 3);
    CHECK(taguette.themes.empty());
    for (const auto& c : taguette.codes) CHECK(c.guid == refi::normalise_guid(c.guid).value());
    const auto qualcoder = refi::read_qdc(refi_dir() / "samples" / "qualcoder4-mecc-interviews.qdc");
    CHECK(qualcoder.codes.size() == 10);
    ProjectBuilder b;
    b.project().execute(refi::ImportProject(qualcoder, "Add"));
    CHECK(b.file().codes().size() == 10);
}

TEST_CASE("isCodable=\"false\" categories import as codes that are not codable", "[refi][samples][codable]") {
    REQUIRE_SHARED();
    auto not_codable = [](const refi::RefiProject& p) {
        std::vector<std::string> names;
        for (const auto& c : p.codes) if (!c.codable) names.push_back(c.name);
        return names;
    };
    const auto qualcoder = refi::read_qdpx(refi_dir() / "samples" / "qualcoder4-mecc-interviews-coded.qdpx");
    CHECK(not_codable(qualcoder) == std::vector<std::string>{"Barriers", "Facilitators"});
    const auto nvivo = refi::read_qdpx(refi_dir() / "samples" / "nvivo12win-oltas-youtube-comments-coded.qdpx");
    CHECK(not_codable(nvivo) == std::vector<std::string>{"Attituderoots"});
    const auto qdc = refi::read_qdc(refi_dir() / "samples" / "qualcoder4-mecc-interviews.qdc");
    CHECK(not_codable(qdc) == std::vector<std::string>{"Barriers", "Facilitators"});
    ProjectBuilder b;
    b.project().execute(refi::ImportProject(qualcoder, "Import"));
    std::size_t categories = 0;
    for (const auto& c : b.file().codes()) categories += !c.codable;
    CHECK(categories == 2);
}
