// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: the store's count table (schema 4) always equals a count of every coding, through
// random commands, undo, redo and case changes; and the whole-file check on open runs only
// after an unclean shutdown.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "core/error.h"
#include "store/project_lock.h"
#include "support/project_builder.h"

using namespace comb;

namespace {

using Group = std::tuple<std::int64_t, std::int64_t, std::string, bool, std::int64_t>;  // case, code, override, interviewer, n

std::vector<Group> groups(const std::function<void(const std::function<void(const core::CodingCount&)>&)>& scan) {
    std::vector<Group> out;
    scan([&](const core::CodingCount& c) {
        out.emplace_back(c.case_id ? c.case_id->value : 0, c.code.value,
                         c.tag_override ? "=" + std::string(*c.tag_override) : std::string("-"), c.interviewer_only, c.n);
    });
    std::sort(out.begin(), out.end());
    return out;
}

// The table's groups and those counted from every coding (Repository's default) agree.
void require_counts_agree(store::ProjectFile& file) {
    const auto table = groups([&](const auto& v) { file.scan_coding_counts(v); });
    const auto counted = groups([&](const auto& v) { file.core::Repository::scan_coding_counts(v); });
    REQUIRE(table == counted);
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kA = "Interviewer: What about time and money?\nP1: We never have time. Managers do not care.\nInterviewer: And then?\nP1: Training was good.\n";
const std::string kB = "P2: The training was great. Time is short here. Funding stopped.\n";

}  // namespace

TEST_CASE("the count table equals a count of every coding through random commands, undo and redo",
          "[store][counts][property]") {
    const unsigned seed = GENERATE(7u, 1703u, 20261203u);
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    test::ProjectBuilder b;
    const std::vector<core::DocumentId> docs = {b.add_document("A", kA, "P1"), b.add_document("B", kB, "P2"),
                                                b.add_document("C", kB + kA)};
    const std::vector<std::string> codes = {"Time", "Time/No time", "Money", "Lead/Managers"};
    const std::vector<std::string> overrides = {"comb=M.Au; level=individual:agent; valence=mixed", "valence=barrier", ""};
    auto& p = b.project();
    int coded = 0;
    for (int step = 0; step < 70; ++step) {
        const auto& doc = docs[rng() % docs.size()];
        const auto chars = b.repo().find_document(doc)->chars;
        const auto codings = b.repo().codings();
        try {
            switch (rng() % 9) {
                case 0: case 1: case 2: {
                    // Spans inside one turn (often an interviewer's) as well as across turns.
                    const auto s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(chars - 2));
                    const auto e = std::min<std::int64_t>(chars, s + 1 + static_cast<std::int64_t>(rng() % 30));
                    p.execute(core::ApplyCodings({{doc, {core::CodePoint(s), core::CodePoint(e)}}}, codes[rng() % codes.size()], "t"));
                    ++coded;
                    break;
                }
                case 3:
                    if (!codings.empty()) p.execute(core::RemoveCodings({codings[rng() % codings.size()].id}));
                    break;
                case 4:
                    if (!codings.empty()) {
                        const auto& o = overrides[rng() % overrides.size()];
                        p.execute(core::TagCoding(codings[rng() % codings.size()].id,
                                                  rng() % 4 == 0 ? std::nullopt : std::optional(core::TagSet::parse(o))));
                    }
                    break;
                case 5: p.execute(core::AssignCase(doc, "P" + std::to_string(1 + rng() % 3))); break;
                case 6: p.execute(core::MergeCodes(codes[rng() % codes.size()], codes[rng() % codes.size()])); break;
                case 7: if (p.undo_label()) p.undo(); break;
                default: if (p.redo_label()) p.redo(); break;
            }
        } catch (const core::InputError&) {
            // Refused (a merge into itself, a code already gone): nothing changed.
        }
        require_counts_agree(b.file());
    }
    CHECK(coded > 10);
    std::int64_t total = 0;
    b.file().scan_coding_counts([&](const core::CodingCount& c) { total += c.n; });
    CHECK(total == static_cast<std::int64_t>(b.repo().codings().size()));
}

TEST_CASE("the count table knows interviewer turns, cases and overrides exactly", "[store][counts]") {
    test::ProjectBuilder b;
    const auto a = b.add_document("A", kA, "P1");
    b.code(a, "What about time", "Time");           // inside an interviewer turn
    b.code(a, "We never have time.", "Time");       // a participant's
    b.code(a, "money?\nP1: We never", "Time");      // across turns: not interviewer-only
    const auto o = b.code(a, "Training was good.", "Time");
    b.project().execute(core::TagCoding(o, core::TagSet::parse("valence=barrier")));
    const auto g = groups([&](const auto& v) { b.file().scan_coding_counts(v); });
    const auto p1 = b.file().find_document(a)->case_id->value;
    const auto time = b.file().codes().front().id.value;
    CHECK(g == std::vector<Group>{{p1, time, "-", false, 2}, {p1, time, "-", true, 1}, {p1, time, "=valence=barrier", false, 1}});
    // A document's case changes: its codings move with it.
    b.project().execute(core::AssignCase(a, "P9"));
    const auto p9 = b.file().find_document(a)->case_id->value;
    CHECK(groups([&](const auto& v) { b.file().scan_coding_counts(v); }) ==
          std::vector<Group>{{p9, time, "-", false, 2}, {p9, time, "-", true, 1}, {p9, time, "=valence=barrier", false, 1}});
    CHECK(b.repo().code_counts().at(core::CodeId(time)).codings == 4);
    CHECK(b.repo().code_counts().at(core::CodeId(time)).cases == 1);
}

TEST_CASE("a first-schema project gets its count table on migration", "[store][counts][migration]") {
    test::TempDir dir;
    {
        std::ifstream sql(std::filesystem::path(COMB_TESTS_DIR) / "data/schema-v1.sql");
        std::ostringstream text;
        text << sql.rdbuf();
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((dir / "old.comb").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, text.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    auto file = store::ProjectFile::open(dir / "old.comb");
    require_counts_agree(*file);
    std::int64_t total = 0;
    file->scan_coding_counts([&](const core::CodingCount& c) { total += c.n; });
    CHECK(total == 1);
}

TEST_CASE("the whole-file check runs on open only after an unclean shutdown", "[store][open]") {
    test::TempDir dir;
    const auto path = dir / "p.comb";
    const auto lock = store::ProjectLock::lock_path(path);
    {
        auto file = store::ProjectFile::create(path);
        core::Project project(*file);
        core::NewDocument d;
        d.name = "big";
        d.text = std::string(300000, 'x');
        d.hash = "big";
        project.execute(core::ImportDocuments({d}));
    }
    CHECK(read_all(lock) == "0\n");  // counted in and out
    auto smash_middle = [&] {
        std::string bytes = read_all(path);
        REQUIRE(bytes.size() > 200000);
        const std::size_t page = (bytes.size() / 2 / 4096) * 4096;
        for (std::size_t i = page; i < page + 4096; ++i) bytes[i] = static_cast<char>(0xA5);
        std::ofstream(path, std::ios::binary) << bytes;
    };
    SECTION("closed cleanly: open does not read every page; quick_check() does") {
        smash_middle();
        auto file = store::ProjectFile::open(path);
        CHECK(file->quick_check() != "ok");
    }
    SECTION("a process died with it open: the next open checks and refuses the damage") {
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            auto file = store::ProjectFile::open(path);
            _exit(0);  // dies with the project open: no destructor runs
        }
        int status = 0;
        waitpid(child, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(read_all(lock) == "1\n");
        smash_middle();
        CHECK_THROWS_AS(store::ProjectFile::open(path), core::InputError);
        try {
            store::ProjectFile::open(path);
        } catch (const core::InputError& e) {
            CHECK_THAT(e.what(), Catch::StartsWith(path.string() + ": the project file is damaged ("));
        }
    }
    SECTION("a process died with it open, nothing damaged: one check, then counted clean again") {
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            auto file = store::ProjectFile::open(path);
            _exit(0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        CHECK(read_all(lock) == "1\n");
        store::ProjectFile::open(path);
        CHECK(read_all(lock) == "0\n");
    }
}
