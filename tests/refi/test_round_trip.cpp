// SPDX-License-Identifier: GPL-3.0-or-later
// Comb -> .qdpx -> Comb and sample -> Comb -> .qdpx -> Comb lose nothing; exports are valid
// against Project.xsd and byte-identical when repeated.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/commands/theme_commands.h"
#include "core/error.h"
#include "refi/comb_markers.h"
#include "refi/export_index.h"
#include "refi/import_project.h"
#include "refi/qdpx_reader.h"
#include "refi/qdpx_writer.h"
#include "refi_support.h"
#include "support/project_builder.h"

using namespace comb;
using namespace comb::test;

namespace {

// Counts the occurrences of `needle` in `hay`.
std::size_t count_of(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

// Exports `from`, checks the XML against the schema when the shared folder is there, and
// imports the file into a fresh project.
void round_trip(ProjectBuilder& from, ProjectBuilder& to) {
    const auto file = from.dir() / "out.qdpx";
    refi::export_qdpx(from.file(), file, "test");
    if (have_shared()) {
        CHECK(schema_errors(qde_of(file), refi_dir() / "Project.xsd") == "");
    } else {
        WARN("shared corpus absent: exported XML not validated");
    }
    to.project().execute(refi::ImportProject(refi::read_qdpx(file), "Import"));
}

core::Memo memo(core::MemoTarget target, std::int64_t id, std::string title, std::string text) {
    core::Memo m;
    m.target = target;
    m.target_id = id;
    m.title = std::move(title);
    m.text = std::move(text);
    m.author = "Ana";
    m.created = "2025-02-03T04:05:06Z";
    return m;
}

// A project with everything Comb keeps: emoji, right-to-left text, turns, cases with typed
// attributes, a code tree with notes and tags, deductive codes, tag overrides, pinned quotes,
// memos on every kind of target, themes and subthemes.
void build_rich(ProjectBuilder& b) {
    const auto d1 = b.add_document("P01 interview",
                                   "Interviewer: How was the training? \xF0\x9F\x98\x80\n"
                                   "P01: Time was short \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D and "
                                   "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD fine.\n"
                                   "P01: Our manager backed it.\n",
                                   std::string("P01"));
    const auto d2 = b.add_document("P02 notes", "Interviewer: Hi\nP02: Leadership helps \xF0\x9F\x99\x82 a lot.\n",
                                   std::string("P02"));
    b.project().execute(core::SetCaseAttributes(
        {{"P01", {{"role", "trainer"}, {"years", "3.5"}, {"interviewed", "2024-03-01"}, {"group", "A"}}},
         {"P02", {{"role", "agent"}, {"years", "12"}, {"interviewed", "2024-03-09"}, {"group", "B"}}}},
        {{"group", core::AttributeType::choice}}));
    const auto time = b.code(d1, "Time was short \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "Barriers/Time");
    const auto thumbs = b.code(d1, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD fine", "Facilitators/Emoji");
    b.code(d1, "Our manager backed it.", "Facilitators/Leadership");
    b.code(d2, "Leadership helps \xF0\x9F\x99\x82", "Facilitators/Leadership");
    b.code(d2, "Leadership helps", "Barriers/Time");
    core::CodeFields f;
    f.definition = "Not enough time in a visit.\nSecond line.";
    f.inclusion = "workload, short visits";
    f.exclusion = "money";
    f.example = "\"eight minutes\"";
    b.project().execute(core::DefineCode("Barriers/Time", f));
    core::CodeFields category;
    category.codable = false;
    b.project().execute(core::DefineCode("Barriers", category));
    core::CodeFields framework;
    framework.inductive = false;
    framework.definition = "From a codebook.";
    b.project().execute(core::DefineCode("Facilitators/Leadership", framework));
    core::TagPatch tags;
    tags.comb = std::vector{core::ComB::O_Ph};
    tags.tdf = std::vector<std::string>{"Environmental context and resources"};
    tags.level = core::LevelTag{core::Level::organisational, ""};
    tags.valence = core::Valence::barrier;
    b.project().execute(core::TagCode("Barriers/Time", tags));
    b.project().execute(core::TagCoding(thumbs, core::TagSet::parse("level=individual:trainer; valence=mixed")));
    b.project().execute(core::PinCoding(time, true));
    b.project().execute(core::DefineTheme({"Organisational", std::nullopt, "Work settings.", {"Barriers/Time"}, {}}));
    b.project().execute(core::DefineTheme({"Leadership matters", std::string("Organisational"), "Managers back it.",
                                           {"Facilitators/Leadership", "Facilitators/Emoji"}, {}}));
    const auto& r = b.file();
    const core::CodeTree tree(r.codes());
    std::int64_t theme_id = 0, case_id = 0;
    for (const auto& t : r.themes()) if (t.name == "Organisational") theme_id = t.id.value;
    for (const auto& c : r.cases()) if (c.name == "P02") case_id = c.id.value;
    b.project().execute(core::AddMemo(memo(core::MemoTarget::project, 0, "Plan", "Code inductively first.")));
    b.project().execute(core::AddMemo(memo(core::MemoTarget::document, d1.value, "First read", "Rich on time.\n\nTwo paragraphs \xF0\x9F\x98\x80")));
    b.project().execute(core::AddMemo(memo(core::MemoTarget::code, tree.path_id("Barriers/Time").value, "", "Check with second coder.")));
    b.project().execute(core::AddMemo(memo(core::MemoTarget::coding, time.value, "Quote", "Strong quote.")));
    b.project().execute(core::AddMemo(memo(core::MemoTarget::case_, case_id, "About P02", "Agent in housing.")));
    b.project().execute(core::AddMemo(memo(core::MemoTarget::theme, theme_id, "", "Maybe split by actor.")));
}

// Field by field, so a failing round trip names what it lost.
void check_same_content(const Content& before, const Content& after) {
    CHECK(after.documents == before.documents);
    CHECK(after.cases == before.cases);
    CHECK(after.attributes == before.attributes);
    CHECK(after.values == before.values);
    CHECK(after.codes == before.codes);
    CHECK(after.codings == before.codings);
    CHECK(after.memos == before.memos);
    CHECK(after.themes == before.themes);
}

}  // namespace

TEST_CASE("Comb -> qdpx -> Comb keeps everything (emoji, RTL, tags, themes, memos)", "[refi][roundtrip]") {
    ProjectBuilder a;
    build_rich(a);
    ProjectBuilder b;
    round_trip(a, b);
    const Content before = content(a.file()), after = content(b.file());
    check_same_content(before, after);
    CHECK(before.memos.size() == 6);
    CHECK(before.codings.size() == 5);
    CHECK(before.themes.size() == 2);
    CHECK(std::count_if(before.codes.begin(), before.codes.end(), [](auto& c) { return !std::get<10>(c); }) == 1);
    // And a second trip changes nothing either.
    ProjectBuilder c;
    round_trip(b, c);
    CHECK(content(c.file()) == before);
    // What other programs show is readable text: no Comb markers, no JSON.
    const std::string xml = refi::project_xml(a.file(), "test");
    CHECK(count_of(xml, "Comb ") == 1);  // origin="Comb 0.1"
    CHECK(xml.find("{\"") == std::string::npos);
    CHECK(xml.find("<Description>Definition: Not enough time in a visit.\nSecond line.\n\nInclude when: workload, "
                   "short visits\n\nExclude when: money\n\nExample: \"eight minutes\"\n\nCOM-B: Physical "
                   "opportunity; TDF: Environmental context and resources; level: organisational; barrier\n\nMemo: "
                   "Check with second coder.</Description>") != std::string::npos);
    CHECK(xml.find("<Description>Plan: Code inductively first.</Description>\n</Project>") != std::string::npos);
}

TEST_CASE("a comb.json that does not belong to its project.qde is ignored with a warning", "[refi][roundtrip][extension]") {
    ProjectBuilder a;
    build_rich(a);
    const auto file = a.dir() / "out.qdpx";
    refi::export_qdpx(a.file(), file, "test");
    const std::string bytes = slurp(file);
    importers::ZipReader zip(bytes, file.string());
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& n : zip.names()) parts.emplace_back(n, zip.read(n));
    REQUIRE(parts[0].first == "project.qde");
    // Another program rewrote the project (here: renamed it) and kept comb.json as it was.
    const auto at = parts[0].second.find("name=\"test\"");
    REQUIRE(at != std::string::npos);
    parts[0].second.replace(at, 11, "name=\"edited\"");
    make_zip(a.dir() / "edited.qdpx", parts);
    const auto p = refi::read_qdpx(a.dir() / "edited.qdpx");
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].rfind("comb.json belongs to another project.qde", 0) == 0);
    // Read as any other program's file: the project's and the selection's Descriptions and the
    // theme's note are memos; the document's, code's, case's and set's are their descriptions.
    CHECK(p.memos.size() == 3);
    const auto time = std::find_if(p.codes.begin(), p.codes.end(), [](auto& c) { return c.name == "Time"; });
    REQUIRE(time != p.codes.end());
    CHECK(time->definition.rfind("Definition: Not enough time", 0) == 0);
    CHECK(time->tags.empty());
    // A comb.json whose turns lie outside the text is refused, naming the file and the document.
    const auto json_at = std::find_if(parts.begin(), parts.end(), [](auto& e) { return e.first == "comb.json"; });
    REQUIRE(json_at != parts.end());
    parts[0].second = zip.read("project.qde");
    const auto span = json_at->second.find("\"span\":[37,76]");
    REQUIRE(span != std::string::npos);
    json_at->second.replace(span, 14, "\"span\":[37,999]");
    make_zip(a.dir() / "bad.qdpx", parts);
    try {
        refi::read_qdpx(a.dir() / "bad.qdpx");
        FAIL("no error");
    } catch (const core::InputError& e) {
        CHECK(std::string(e.what()).find("comb.json") != std::string::npos);
        CHECK(std::string(e.what()).find("document \"P01 interview\": a paragraph or turn lies outside its text") !=
              std::string::npos);
    }
    // The unchanged file reads without warnings and with the exact values.
    const auto same = refi::read_qdpx(file);
    CHECK(same.warnings.empty());
    CHECK(same.memos.size() == 6);
}

TEST_CASE("exporting twice gives the same bytes", "[refi][roundtrip]") {
    ProjectBuilder a;
    build_rich(a);
    refi::export_qdpx(a.file(), a.dir() / "1.qdpx", "test");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // no timestamp may leak in
    refi::export_qdpx(a.file(), a.dir() / "2.qdpx", "test");
    CHECK(slurp(a.dir() / "1.qdpx") == slurp(a.dir() / "2.qdpx"));
    CHECK(refi::project_xml(a.file(), "test") == refi::project_xml(a.file(), "test"));
    // Sources are UTF-8 text files named by GUID; positions in the XML are code points.
    const std::string bytes = slurp(a.dir() / "1.qdpx");
    importers::ZipReader zip(bytes, "1.qdpx");
    const auto names = zip.names();
    // project.qde, comb.json, the 2 texts and 1 note: every memo is in its item's Description,
    // the theme's also in the note "Theme Organisational" (for programs that drop code sets).
    REQUIRE(names.size() == 5);
    CHECK(names[0] == "project.qde");
    CHECK(names[1] == "comb.json");
    CHECK(names[2].rfind("sources/", 0) == 0);
    const auto doc = a.file().documents().front();
    CHECK(zip.read(names[2]) == a.file().text(doc.text_id));
    CHECK(qde_of(a.dir() / "1.qdpx").find("plainTextPath=\"internal://" + names[2].substr(8) + "\"") != std::string::npos);
}

TEST_CASE("shared samples -> Comb -> qdpx -> Comb keep codes, codings and offsets", "[refi][roundtrip][samples]") {
    if (!have_shared()) {
        WARN("shared corpus absent");
        return;
    }
    for (const char* name : {"qualcoder4-mecc-interviews-coded.qdpx", "nvivo12win-oltas-youtube-comments-coded.qdpx",
                             "qc132-proctor-demo-coded.qdpx", "maxqda24-icls-themes-10sources.qdpx",
                             "atlasti84mac-refi-standard-project-nosources.qdpx",
                             "nvivo15mac-qc-roundtrip-262codes-emptytext.qdpx", "atlasti-ponte-target-atlas-project.qdpx",
                             "atlasti-ponte-blank-atlas-project.qdpx"}) {
        INFO(name);
        ProjectBuilder a;
        a.project().execute(refi::ImportProject(refi::read_qdpx(refi_dir() / "samples" / name), "Import"));
        ProjectBuilder b;
        round_trip(a, b);
        const Content before = content(a.file()), after = content(b.file());
        check_same_content(before, after);
    }
}

TEST_CASE("an NVivo-style file made in code: CR LF, emoji, UTF-16 positions, upper-case GUIDs",
          "[refi][roundtrip][crlf]") {
    TempDir dir;
    // "Line one 😀 here\r\nSecond line\r\n": "Second" starts at UTF-16 unit 18 of the raw text,
    // code point 16 of Comb's LF text.
    const std::string text = "\xEF\xBB\xBFLine one \xF0\x9F\x98\x80 here\r\nSecond line\r\n";
    const std::string qde =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"crlf\" origin=\"NVivo 14\">"
        "<Users><User guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"Kim\"/></Users>"
        "<CodeBook><Codes><Code guid=\"BBBBBBBB-0000-0000-0000-000000000001\" name=\"Lines\" isCodable=\"true\"/>"
        "</Codes></CodeBook><Sources>"
        "<TextSource guid=\"CCCCCCCC-0000-0000-0000-000000000001\" name=\"crlf doc\" "
        "plainTextPath=\"internal://CCCCCCCC-0000-0000-0000-000000000001.txt\">"
        "<PlainTextSelection guid=\"DDDDDDDD-0000-0000-0000-000000000001\" startPosition=\"18\" endPosition=\"24\">"
        "<Coding guid=\"EEEEEEEE-0000-0000-0000-000000000001\" creatingUser=\"AAAAAAAA-0000-0000-0000-000000000001\">"
        "<CodeRef targetGUID=\"bbbbbbbb-0000-0000-0000-000000000001\"/></Coding>"
        "<Coding guid=\"EEEEEEEE-0000-0000-0000-000000000002\">"
        "<CodeRef targetGUID=\"BBBBBBBB-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
        "<PlainTextSelection guid=\"DDDDDDDD-0000-0000-0000-000000000002\" startPosition=\"9\" endPosition=\"11\">"
        "<Coding guid=\"EEEEEEEE-0000-0000-0000-000000000003\">"
        "<CodeRef targetGUID=\"BBBBBBBB-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
        "</TextSource></Sources></Project>";
    make_zip(dir / "crlf.qdpx", {{"project.qde", qde}, {"Sources/CCCCCCCC-0000-0000-0000-000000000001.txt", text}});
    const auto p = refi::read_qdpx(dir / "crlf.qdpx");
    CHECK(p.warnings.empty());
    REQUIRE(p.documents.size() == 1);
    CHECK(p.documents[0].text == "Line one \xF0\x9F\x98\x80 here\nSecond line\n");
    REQUIRE(p.codings.size() == 3);
    CHECK(p.codings[0].span == core::Span{core::CodePoint(16), core::CodePoint(22)});
    CHECK(p.codings[1].span == p.codings[0].span);  // two codings on one selection
    CHECK(p.codings[0].coder == "Kim");
    CHECK(p.codings[2].span == core::Span{core::CodePoint(9), core::CodePoint(10)});  // the emoji
    ProjectBuilder a;
    a.project().execute(refi::ImportProject(p, "Import"));
    CHECK(a.file().codings().size() == 3);
    CHECK(a.file().codes().front().guid == "bbbbbbbb-0000-0000-0000-000000000001");
    ProjectBuilder b;
    round_trip(a, b);
    CHECK(content(b.file()) == content(a.file()));
}

namespace {

refi::RefiCoding coding(std::string guid, std::int64_t start, std::int64_t end, std::string code, std::string coder,
                        std::string created) {
    refi::RefiCoding c;
    c.guid = std::move(guid);
    c.document_guid = "00000000-0000-4000-8000-0000000000d1";
    c.span = {core::CodePoint(start), core::CodePoint(end)};
    c.code_guid = std::move(code);
    c.coder = std::move(coder);
    c.created = std::move(created);
    return c;
}

}  // namespace

// Regression: each coding used to be its own PlainTextSelection, so a selection with several
// codings came back as several selections. Codings share a selection when they share span,
// coder and time (QualCoder takes a coding's coder and time from its selection).
TEST_CASE("codings of one span by one coder share one selection and keep their own tags, pin and memo",
          "[refi][roundtrip][selections]") {
    refi::RefiProject p;
    p.path = "made-in-code.qdpx";
    refi::RefiDocument d;
    d.guid = "00000000-0000-4000-8000-0000000000d1";
    d.name = "shared spans";
    d.text = "Time was short. Managers helped.\n";
    d.paragraphs = {{core::CodePoint(0), core::CodePoint(32)}};
    p.documents.push_back(d);
    for (const char* name : {"Time", "Workload", "Leadership"}) {
        refi::RefiCode c;
        c.guid = refi::stable_guid(std::string("code:") + name);
        c.name = name;
        p.codes.push_back(c);
    }
    const std::string time = p.codes[0].guid, workload = p.codes[1].guid, lead = p.codes[2].guid;
    // Two codings on 0-15 by Ana at one time, one by Ben, one without a coder; one alone on 16-32.
    p.codings.push_back(coding("00000000-0000-4000-8000-00000000c001", 0, 15, time, "Ana", "2025-01-02T03:04:05Z"));
    p.codings.push_back(coding("00000000-0000-4000-8000-00000000c002", 0, 15, workload, "Ana", "2025-01-02T03:04:05Z"));
    p.codings.push_back(coding("00000000-0000-4000-8000-00000000c003", 0, 15, lead, "Ben", "2025-02-03T04:05:06Z"));
    p.codings.push_back(coding("00000000-0000-4000-8000-00000000c004", 0, 15, time, "", ""));
    p.codings.push_back(coding("00000000-0000-4000-8000-00000000c005", 16, 32, lead, "Ana", "2025-01-02T03:04:05Z"));
    p.codings[1].tag_override = core::TagSet::parse("valence=barrier");
    p.codings[3].pinned = true;
    p.codings[4].pinned = true;
    refi::RefiMemo memo;
    memo.target = core::MemoTarget::coding;
    memo.target_guid = p.codings[1].guid;
    memo.text = "Workload, not time.";
    memo.author = "Ben";
    p.memos.push_back(memo);
    ProjectBuilder a;
    a.project().execute(refi::ImportProject(p, "Import"));
    REQUIRE(a.file().codings().size() == 5);

    const std::string xml = refi::project_xml(a.file(), "test");
    CHECK(count_of(xml, "<PlainTextSelection ") == 4);
    CHECK(count_of(xml, "<Coding ") == 5);
    // Each selection names its codings' coder and time; the coder-less one names none.
    CHECK(count_of(xml, "startPosition=\"0\" endPosition=\"15\" creatingUser=\"" + refi::user_guid("Ana") +
                            "\" creationDateTime=\"2025-01-02T03:04:05Z\">") == 1);
    CHECK(count_of(xml, "startPosition=\"0\" endPosition=\"15\" creatingUser=\"" + refi::user_guid("Ben") +
                            "\" creationDateTime=\"2025-02-03T04:05:06Z\">") == 1);
    CHECK(count_of(xml, "startPosition=\"0\" endPosition=\"15\">") == 1);
    // The memo of one of two codings is labelled with its code; tags and pins are in comb.json.
    CHECK(count_of(xml, "<Description>Workload: Workload, not time.</Description>") == 1);
    CHECK(count_of(xml, "Comb ") == 1);  // origin="Comb 0.1" only

    ProjectBuilder b;
    round_trip(a, b);
    check_same_content(content(a.file()), content(b.file()));
    CHECK(refi::project_xml(b.file(), "test") == xml);
}

TEST_CASE("the qc sample's 158 selections with 205 codings come back as 158 selections", "[refi][roundtrip][samples][selections]") {
    if (!have_shared()) {
        WARN("shared corpus absent");
        return;
    }
    ProjectBuilder a;
    a.project().execute(refi::ImportProject(refi::read_qdpx(refi_dir() / "samples" / "qc132-proctor-demo-coded.qdpx"), "Import"));
    const auto file = a.dir() / "qc.qdpx";
    refi::export_qdpx(a.file(), file, "qc");
    const std::string xml = qde_of(file);
    CHECK(schema_errors(xml, refi_dir() / "Project.xsd") == "");
    CHECK(count_of(xml, "<PlainTextSelection ") == 158);
    CHECK(count_of(xml, "<Coding ") == 205);
    const auto back = refi::read_qdpx(file);
    CHECK(back.counts.selections == 158);
    CHECK(back.counts.codings == 205);
    CHECK(back.warnings.empty());
}

// Who and when (and codes' random GUIDs) are left out of this comparison: the core stamps them as it runs commands, and
// that stamping may change (the fixture keeps the values it was written with; checked below).
Content without_attribution(Content c) {
    for (auto& d : c.documents) std::get<6>(d).clear();
    for (auto& x : c.codings) std::get<4>(x).clear(), std::get<5>(x).clear();
    for (auto& m : c.memos) std::get<3>(m).clear(), std::get<4>(m).clear();
    for (auto& x : c.codes) std::get<8>(x).clear();  // made at random when a code is created
    std::sort(c.codings.begin(), c.codings.end());
    std::sort(c.memos.begin(), c.memos.end());
    return c;
}

TEST_CASE("a .qdpx written by Comb 0.1 (marker lines) still imports losslessly", "[refi][roundtrip][previous]") {
    // tests/data/refi/comb-0.1-rich.qdpx: build_rich() exported by the writer before the
    // comb.json sidecar (commit ddf24f8), Comb data as "Comb ...:" lines in Descriptions.
    ProjectBuilder a;
    build_rich(a);
    ProjectBuilder b;
    const auto old = refi::read_qdpx(fs::path(COMB_TESTS_DIR) / "data" / "refi" / "comb-0.1-rich.qdpx");
    CHECK(old.warnings.empty());
    b.project().execute(refi::ImportProject(old, "Import"));
    const Content before = content(a.file()), after = content(b.file());
    check_same_content(without_attribution(before), without_attribution(after));
    REQUIRE(after.memos.size() == 6);
    CHECK(std::count_if(after.memos.begin(), after.memos.end(), [](auto& m) {
              return std::get<3>(m) == "Ana" && std::get<4>(m) == "2025-02-03T04:05:06Z";
          }) == 6);
    CHECK(std::count_if(after.codings.begin(), after.codings.end(), [](auto& c) {
              return std::get<4>(c) == "tester";
          }) == 5);
    // And it goes on: exported again in today's format and read back, nothing changes.
    ProjectBuilder c;
    round_trip(b, c);
    check_same_content(after, content(c.file()));
}


TEST_CASE("extra memos become notes with unique names, read back exactly", "[refi][roundtrip][notes]") {
    ProjectBuilder a;
    const auto d = a.add_document("P01", "P01: Time was short.\n", std::string("P01"));
    a.code(d, "Time was short.", "Time");
    const auto code = core::CodeTree(a.file().codes()).path_id("Time").value;
    for (const auto& [target, id, title, text] : std::vector<std::tuple<core::MemoTarget, std::int64_t, std::string, std::string>>{
             {core::MemoTarget::project, 0, "", "First thoughts."},
             {core::MemoTarget::project, 0, "Idea", "One."},
             {core::MemoTarget::project, 0, "Idea", "Two."},
             {core::MemoTarget::code, code, "", "On the code."},
             {core::MemoTarget::code, code, "", "More on the code."},
             {core::MemoTarget::code, code, "", "Even more."}}) {
        a.project().execute(core::AddMemo(memo(target, id, title, text)));
    }
    const std::string xml = refi::project_xml(a.file(), "test");
    CHECK(count_of(xml, "<Note ") == 4);
    CHECK(count_of(xml, "name=\"Idea\" ") == 1);
    CHECK(count_of(xml, "name=\"Idea (2)\" ") == 1);
    CHECK(count_of(xml, "name=\"Memo on code Time\" ") == 1);
    CHECK(count_of(xml, "name=\"Memo on code Time (2)\" ") == 1);
    CHECK(count_of(xml, "<NoteRef ") == 4);  // 2 from the project, 2 from the code
    CHECK(xml.find("<Description>First thoughts.</Description>\n  <NoteRef") != std::string::npos);
    CHECK(xml.find("<Description>On the code.</Description>") != std::string::npos);  // nothing else to say
    ProjectBuilder b;
    round_trip(a, b);
    check_same_content(content(a.file()), content(b.file()));
}
