// SPDX-License-Identifier: GPL-3.0-or-later
// Comb's .qdpx as a QualCoder user sees it: QualCoder's own importer (../shared/clients/qualcoder,
// run headless by ../shared/tools/qualcoder-import/driver.py with Debian's python3) imports
// Comb's export of a small project with a memo on each kind of item, and of the example project.
// Every memo must arrive where QualCoder shows memos, no memo may hold Comb's internal data,
// coders and dates must be Comb's, and the counts and coded texts must be equal.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <regex>

#include "core/utf8.h"
#include "refi/comb_markers.h"
#include "refi/import_project.h"
#include "refi/qdpx_writer.h"
#include "refi_support.h"
#include "store/project_file.h"
#include "support/project_builder.h"
#include "support/run_cli.h"

using namespace comb;
using namespace comb::test;

namespace {

fs::path driver() { return shared_dir() / "tools" / "qualcoder-import" / "driver.py"; }

// Why QualCoder's importer cannot run here, or "" when it can.
std::string qualcoder_missing() {
    if (!fs::exists(shared_dir() / "clients" / "qualcoder" / "src" / "qualcoder" / "refi.py") || !fs::exists(driver())) {
        return "shared clients absent (../shared/clients/qualcoder, ../shared/tools/qualcoder-import): "
               "QualCoder import test skipped";
    }
    const int st = std::system("/usr/bin/python3 -c 'import PyQt6.QtMultimedia, qtawesome, PIL, charset_normalizer, "
                               "fitz' >/dev/null 2>&1");
    if (st != 0) {
        return "QualCoder's Python packages are missing (python3-pyqt6, python3-pyqt6.qtmultimedia, python3-qtawesome, "
               "python3-pil, python3-charset-normalizer, python3-fitz: run scripts/install-deps.sh): skipped";
    }
    return "";
}

// A read-only view of QualCoder's data.qda.
class QdaFile {
public:
    explicit QdaFile(const fs::path& p) {
        if (sqlite3_open_v2(p.string().c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + p.string());
        }
    }
    ~QdaFile() { sqlite3_close(db_); }
    QdaFile(const QdaFile&) = delete;
    QdaFile& operator=(const QdaFile&) = delete;

    // The rows of `sql`, its ? parameters bound to `params` in order.
    std::vector<std::vector<std::string>> rows(const std::string& sql, const std::vector<std::string>& params = {}) const {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            sqlite3_bind_text(st, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
        }
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* t = sqlite3_column_text(st, i);
                row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(st);
        return out;
    }

private:
    sqlite3* db_ = nullptr;
};

// Runs QualCoder's project import on `qdpx` in `dir`; returns its data.qda.
fs::path qualcoder_import(const fs::path& qdpx, const fs::path& dir) {
    const std::string cmd = "cd " + shell_quote(dir.string()) + " && QT_QPA_PLATFORM=offscreen HOME=" +
                            shell_quote(dir.string()) + " QC_OUT=" + shell_quote(dir.string()) +
                            " timeout 300 /usr/bin/python3 " + shell_quote(driver().string()) + " project " +
                            shell_quote(qdpx.string()) + " " + shell_quote((dir / "imported").string()) + " > " +
                            shell_quote((dir / "qualcoder.log").string()) + " 2>&1";
    const int st = std::system(cmd.c_str());
    INFO(slurp(dir / "qualcoder.log"));
    REQUIRE(st == 0);
    REQUIRE(fs::exists(dir / "imported.qda" / "data.qda"));
    return dir / "imported.qda" / "data.qda";
}

// QualCoder's date for a REFI-QDA dateTime: "2025-01-02T03:04:05Z" -> "2025-01-02 03:04:05".
std::string qc_date(std::string t) {
    std::replace(t.begin(), t.end(), 'T', ' ');
    t.erase(std::remove(t.begin(), t.end(), 'Z'), t.end());
    return t;
}

// Every text QualCoder shows as a memo, with where it is.
std::vector<std::pair<std::string, std::string>> all_memos(const QdaFile& qc) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [table, sql] : std::vector<std::pair<std::string, std::string>>{
             {"project", "select memo from project"},        {"source", "select memo from source"},
             {"code_name", "select memo from code_name"},    {"code_cat", "select memo from code_cat"},
             {"code_text", "select memo from code_text"},    {"cases", "select memo from cases"},
             {"journal", "select jentry from journal"},      {"attribute_type", "select memo from attribute_type"},
             {"annotation", "select memo from annotation"}}) {
        for (const auto& r : qc.rows(sql)) out.emplace_back(table, r[0]);
    }
    return out;
}

std::size_t count_rows(const QdaFile& qc, const std::string& table) {
    return static_cast<std::size_t>(std::stoll(qc.rows("select count(*) from " + table)[0][0]));
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Counts, coded texts, coders and dates of the codings, documents' importers and dates (both
// must be set: the core stamps them), and no Comb machinery in any memo. Returns the number of codings checked.
std::size_t check_codings_and_texts(const core::Repository& repo, const QdaFile& qc) {
    const core::CodeTree tree(repo.codes());
    const auto docs = repo.documents();
    CHECK(count_rows(qc, "source") == docs.size());
    CHECK(count_rows(qc, "code_name") + count_rows(qc, "code_cat") == tree.codes().size());
    CHECK(count_rows(qc, "cases") == repo.cases().size());
    CHECK(count_rows(qc, "code_text") == repo.codings().size());
    std::map<core::DocumentId, std::string> importer;  // who imported each document, from the history
    for (const auto& e : repo.history(std::nullopt, true)) {
        for (const auto& c : e.changes.changes) {
            const auto* d = c.after && !c.before ? std::get_if<core::Document>(&*c.after) : nullptr;
            if (d && !e.who.empty()) importer.emplace(d->id, e.who);
        }
    }
    for (const auto& d : docs) {
        const auto src = qc.rows("select fulltext, date, owner from source where name = ?", {d.name});
        REQUIRE(src.size() == 1);
        CHECK(src[0][0] == repo.text(d.text_id));
        CHECK(!d.created.empty());
        CHECK(src[0][1] == qc_date(d.created));
        REQUIRE(importer.count(d.id));
        CHECK(src[0][2] == importer.at(d.id));
    }
    std::size_t checked = 0;
    for (const auto& c : repo.codings()) {
        const auto d = repo.find_document(c.document);
        const std::string text = repo.text(d->text_id);
        const auto rows = qc.rows(
            "select t.seltext, t.owner, t.date from code_text t join source s on s.id = t.fid join code_name n on "
            "n.cid = t.cid where s.name = ? and n.name = ? and t.pos0 = ? and t.pos1 = ?",
            {d->name, tree.code(c.code).name, std::to_string(c.span.start.value), std::to_string(c.span.end.value)});
        INFO(d->name << " " << tree.path(c.code) << " " << c.span.start.value << "-" << c.span.end.value);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0][0] == std::string(core::utf8::slice(text, c.span)));
        CHECK(!c.coder.empty());
        CHECK(rows[0][1] == c.coder);
        CHECK(!c.created.empty());
        CHECK(rows[0][2] == qc_date(c.created));
        ++checked;
    }
    static const std::regex machinery(R"(Comb (document|tags|code|coding|theme|choices|memo on case):|\{")");
    for (const auto& [where, memo] : all_memos(qc)) {
        INFO(where << ": " << memo);
        CHECK(!std::regex_search(memo, machinery));
    }
    return checked;
}

refi::RefiMemo refi_memo(core::MemoTarget target, std::string of, std::string title, std::string text,
                         std::string author, std::string created) {
    refi::RefiMemo m;
    m.target = target;
    m.target_guid = std::move(of);
    m.title = std::move(title);
    m.text = std::move(text);
    m.author = std::move(author);
    m.created = std::move(created);
    return m;
}

// A small project with a memo on each kind of item (and a second memo on a document and a
// coding), coders and times on everything the model stamps, tags, a definition, a theme.
refi::RefiProject small_project() {
    refi::RefiProject p;
    p.path = "small.qdpx";
    const std::string d1 = "00000000-0000-4000-8000-0000000000d1", d2 = "00000000-0000-4000-8000-0000000000d2";
    refi::RefiDocument a;
    a.guid = d1;
    a.name = "P1 interview";
    a.text = "Interviewer: How is it going?\nP1: We never get the time. Our manager backs it though.\n";
    a.created = "2025-01-05T10:00:00Z";
    a.turns = {{{core::CodePoint(0), core::CodePoint(29)}, {core::CodePoint(13), core::CodePoint(29)}, "Interviewer", true, std::nullopt, std::nullopt},
               {{core::CodePoint(30), core::CodePoint(85)}, {core::CodePoint(34), core::CodePoint(85)}, "P1", false, std::nullopt, std::nullopt}};
    a.paragraphs = {{core::CodePoint(0), core::CodePoint(29)}, {core::CodePoint(30), core::CodePoint(85)}};
    refi::RefiDocument b;
    b.guid = d2;
    b.name = "P2 notes";
    b.text = "P2: Training helped me start the conversation.\n";
    b.created = "2025-01-06T11:30:00Z";
    b.metadata["description"] = "Field notes, not verbatim.";
    p.documents = {a, b};
    refi::RefiCode barriers, time, lead, training;
    barriers.guid = "00000000-0000-4000-8000-0000000000c1";
    barriers.name = "Barriers";
    barriers.codable = false;
    time.guid = "00000000-0000-4000-8000-0000000000c2";
    time.parent_guid = barriers.guid;
    time.name = "No time";
    time.definition = "Not enough time in a contact.";
    time.inclusion = "workload";
    time.tags = core::TagSet::parse("comb=O.Ph; level=organisational; valence=barrier");
    lead.guid = "00000000-0000-4000-8000-0000000000c3";
    lead.name = "Leadership";
    lead.tags = core::TagSet::parse("comb=O.So; valence=facilitator");
    lead.inductive = false;
    training.guid = "00000000-0000-4000-8000-0000000000c4";
    training.name = "Training";
    p.codes = {barriers, time, lead, training};
    auto coding = [&](std::string guid, const std::string& doc, std::int64_t s, std::int64_t e, const std::string& code,
                      std::string coder, std::string created) {
        refi::RefiCoding c;
        c.guid = std::move(guid);
        c.document_guid = doc;
        c.span = {core::CodePoint(s), core::CodePoint(e)};
        c.code_guid = code;
        c.coder = std::move(coder);
        c.created = std::move(created);
        return c;
    };
    p.codings = {coding("00000000-0000-4000-8000-00000000e001", d1, 34, 56, time.guid, "Ana", "2025-01-07T09:00:00Z"),
                 coding("00000000-0000-4000-8000-00000000e002", d1, 57, 77, lead.guid, "Ana", "2025-01-07T09:01:00Z"),
                 coding("00000000-0000-4000-8000-00000000e003", d1, 57, 77, time.guid, "Ben", "2025-01-08T14:00:00Z"),
                 coding("00000000-0000-4000-8000-00000000e004", d2, 4, 46, training.guid, "Ben", "2025-01-08T14:05:00Z")};
    p.codings[0].pinned = true;
    p.codings[1].tag_override = core::TagSet::parse("level=individual:manager");
    p.variables = {{"00000000-0000-4000-8000-0000000000a1", "role", core::AttributeType::text, {}}};
    p.cases = {{"00000000-0000-4000-8000-0000000000b1", "P1", "MECC trainer.", {{"role", "trainer"}}, {d1}},
               {"00000000-0000-4000-8000-0000000000b2", "P2", "", {{"role", "agent"}}, {d2}}};
    p.themes = {{"", "Organisational readiness", std::nullopt, "Time and leadership.", {time.guid, lead.guid}}};
    using T = core::MemoTarget;
    p.memos = {refi_memo(T::project, "", "Plan", "Code inductively first, then tag.", "Ana", "2025-01-05T09:00:00Z"),
               refi_memo(T::document, d1, "", "Rich on workload.", "Ana", "2025-01-07T09:10:00Z"),
               refi_memo(T::document, d1, "Second read", "Leadership is mentioned once.", "Ben", "2025-01-08T15:00:00Z"),
               refi_memo(T::code, time.guid, "", "Check against the workload code.", "Ana", "2025-01-07T09:20:00Z"),
               refi_memo(T::coding, p.codings[0].guid, "", "Classic workload barrier.", "Ana", "2025-01-07T09:30:00Z"),
               refi_memo(T::coding, p.codings[0].guid, "Later", "Quote this one.", "Ben", "2025-01-08T15:10:00Z"),
               refi_memo(T::coding, p.codings[2].guid, "", "Time, not leadership?", "Ben", "2025-01-08T15:20:00Z"),
               refi_memo(T::case_, p.cases[0].guid, "", "Interviewed by video.", "Ana", "2025-01-05T09:30:00Z"),
               refi_memo(T::theme, "Organisational readiness", "", "Maybe split by actor.", "Ana", "2025-01-09T08:00:00Z")};
    return p;
}

}  // namespace

TEST_CASE("QualCoder's importer finds every memo of Comb's export, and no Comb machinery", "[refi][qualcoder]") {
    if (const auto missing = qualcoder_missing(); !missing.empty()) {
        WARN(missing);
        return;
    }
    ProjectBuilder a;
    a.project().set_coder("Cleo");  // who imports the documents: their owner in QualCoder
    a.project().execute(refi::ImportProject(small_project(), "Import"));
    const auto& repo = a.file();
    const auto file = a.dir() / "small.qdpx";
    refi::export_qdpx(repo, file, "small");
    if (have_shared()) CHECK(schema_errors(qde_of(file), refi_dir() / "Project.xsd") == "");
    TempDir dir;
    const QdaFile qc(qualcoder_import(file, dir.path()));
    CHECK(check_codings_and_texts(repo, qc) == 4);
    CHECK(qc.rows("select owner, date from source order by name") ==
          std::vector<std::vector<std::string>>{{"Cleo", "2025-01-05 10:00:00"}, {"Cleo", "2025-01-06 11:30:00"}});

    // The first memo of each item where QualCoder shows that item's memo.
    CHECK(qc.rows("select memo from project")[0][0] == "Plan: Code inductively first, then tag.");
    CHECK(qc.rows("select memo from source where name = 'P1 interview'")[0][0] == "Rich on workload.");
    CHECK(qc.rows("select memo from source where name = 'P2 notes'")[0][0] == "Field notes, not verbatim.");
    CHECK(qc.rows("select memo from code_name where name = 'No time'")[0][0] ==
          "Definition: Not enough time in a contact.\n\nInclude when: workload\n\n"
          "COM-B: Physical opportunity; level: organisational; barrier\n\nMemo: Check against the workload code.");
    CHECK(qc.rows("select memo from code_name where name = 'Leadership'")[0][0] ==
          "COM-B: Social opportunity; facilitator");
    CHECK(qc.rows("select memo from code_text where pos0 = 34")[0][0] == "Classic workload barrier.");
    // Two codings on one span by different coders: two selections, each with its own memo.
    CHECK(qc.rows("select memo, owner from code_text where pos0 = 57 order by owner") ==
          std::vector<std::vector<std::string>>{{"", "Ana"}, {"Time, not leadership?", "Ben"}});
    CHECK(qc.rows("select memo from cases where name = 'P1'")[0][0] == "MECC trainer.\n\nMemo: Interviewed by video.");
    // Extra memos, and the theme (QualCoder keeps no sets of codes), as journal entries.
    CHECK(qc.rows("select name, jentry, owner, date from journal order by name") ==
          std::vector<std::vector<std::string>>{
              {"Later", "Quote this one.", "Ben", "2025-01-08 15:10:00"},
              {"Second read", "Leadership is mentioned once.", "Ben", "2025-01-08 15:00:00"},
              {"Theme Organisational readiness",
               "Codes: Barriers/No time; Leadership\n\nTime and leadership.\n\nMemo: Maybe split by actor.", "Ana",
               "2025-01-09 08:00:00"}});
    // Every memo's text is somewhere a QualCoder user sees it.
    const auto shown = all_memos(qc);
    for (const auto& m : repo.memos()) {
        INFO(m.text);
        CHECK(std::any_of(shown.begin(), shown.end(), [&](auto& s) { return contains(s.second, m.text); }));
    }
    CHECK(repo.memos().size() == 9);
}

TEST_CASE("QualCoder's importer reads the example project's export with every coding and text", "[refi][qualcoder][example]") {
    if (const auto missing = qualcoder_missing(); !missing.empty()) {
        WARN(missing);
        return;
    }
    const auto script = fs::path(COMB_TESTS_DIR) / ".." / "examples" / "mecc" / "analyse.sh";
    TempDir dir;
    const std::string cmd = "bash " + shell_quote(script.string()) + " " + shell_quote(COMB_CLI_PATH) + " " +
                            shell_quote((dir / "mecc").string()) + " --date 2025-03-12 > " +
                            shell_quote((dir / "analyse.log").string()) + " 2>&1";
    const int built = std::system(cmd.c_str());
    INFO(slurp(dir / "analyse.log"));
    REQUIRE(built == 0);
    const auto project = dir / "mecc" / "mecc.comb";
    REQUIRE(run_comb({"export", project.string(), "qdpx", "-o", (dir / "mecc.qdpx").string()}).status == 0);
    if (have_shared()) CHECK(schema_errors(qde_of(dir / "mecc.qdpx"), refi_dir() / "Project.xsd") == "");
    const auto repo = store::ProjectFile::open(project);
    fs::create_directory(dir / "qc");
    const QdaFile qc(qualcoder_import(dir / "mecc.qdpx", dir / "qc"));
    CHECK(check_codings_and_texts(*repo, qc) == 176);
    CHECK(count_rows(qc, "source") == 9);
    // The codes' tags arrive as readable text.
    CHECK(qc.rows("select count(*) from code_name where memo like '%COM-B: %'")[0][0] != "0");
    CHECK(qc.rows("select count(*) from code_text where owner = 'Comb example analyst'")[0][0] == "176");
    CHECK(qc.rows("select count(*) from source where owner = 'Comb example analyst'")[0][0] == "9");
}
