// SPDX-License-Identifier: GPL-3.0-or-later
// comb edit and comb pseudonymise end to end on the example project (issue 19): after
// pseudonymising with a key of its participant and place names, no export (zip members
// included), no search, no index file and not the project file holds an original, and every
// coding still covers the same words; undo needs the key and gives the originals back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "import/zip_reader.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace comb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The example's people and places, as a researcher would list them.
const std::vector<std::pair<std::string, std::string>> kKey = {
    {"José", "[PERSON 1]"},      {"Zoë", "[PERSON 2]"},       {"Maureen", "[PERSON 3]"},
    {"Hollins", "[PERSON 4]"},   {"Northvale", "[PLACE 1]"},  {"Kellsby", "[PLACE 2]"},
    {"Tarnside", "[PLACE 3]"},   {"Saltcote", "[PLACE 4]"},   {"Marrowfield", "[PLACE 5]"},
    {"Brackenmoor", "[PLACE 6]"}};

// What must not be found in bytes: the name in any ASCII case, and the search index's stem
// (Xapian lower-cases and stems: "northvale" is indexed as "northval").
std::vector<std::string> needles() {
    std::vector<std::string> out;
    for (const auto& [o, p] : kKey) {
        const std::string l = lower_ascii(o);
        out.push_back(l.size() >= 7 ? l.substr(0, l.size() - 1) : l);
    }
    return out;
}

// The needles found in `bytes` (case-insensitive), or in any member when it is a zip.
std::vector<std::string> originals_in(const std::string& bytes, const std::string& name) {
    std::vector<std::string> found;
    std::string hay = lower_ascii(bytes);
    if (bytes.rfind("PK\x03\x04", 0) == 0) {
        const importers::ZipReader zip(bytes, name);
        for (const auto& member : zip.names()) {
            for (const auto& f : originals_in(zip.read(member), name + ":" + member)) found.push_back(f);
        }
    }
    for (const auto& n : needles()) {
        if (hay.find(n) != std::string::npos) found.push_back(n + " in " + name);
    }
    return found;
}

std::string pseudonymised(std::string text) {
    for (const auto& [o, p] : kKey) {
        for (auto at = text.find(o); at != std::string::npos; at = text.find(o, at + p.size())) text.replace(at, o.size(), p);
    }
    return text;
}

json codings_of(const fs::path& project) {
    const auto r = test::run_comb({"codings", project.string(), "--json"});
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("comb edit corrects a transcript and reports the codings it removes", "[cli][privacy][edit]") {
    test::TempDir dir;
    const auto p = (dir / "e.comb").string();
    {
        std::ofstream(dir / "P1.txt", std::ios::binary) << "Interviewer: Why?\r\nP1: We never get the tiem 😀 to train.\r\n";
    }
    REQUIRE(test::run_comb({"new", p}).status == 0);
    REQUIRE(test::run_comb({"import", p, (dir / "P1.txt").string()}).status == 0);
    REQUIRE(test::run_comb({"code", p, "P1", "Time", "--text", "never get the tiem"}).status == 0);
    REQUIRE(test::run_comb({"code", p, "P1", "Train", "--text", "train"}).status == 0);
    // "tiem" is at 39-43 (code points; the CRLF became LF on import). Same length: nothing moves.
    auto r = test::run_comb({"edit", p, "P1", "39", "43", "time", "--json"});
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out) == json::parse(R"({"doc":1,"start":39,"end":43,"text":"time","chars":56,"realigned":0,"removed":[]})"));
    // "😀 to train" (44-54) deleted: the coding on "train" loses all its text.
    r = test::run_comb({"edit", p, "P1", "44", "54", ""});
    REQUIRE(r.status == 0);
    CHECK(r.out == "Edited P1 44-54: 46 characters; 0 codings realigned, 1 removed\n  removed coding 2 (Train): \"train\"\n");
    const auto codings = codings_of(p);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["text"] == "never get the time");
    r = test::run_comb({"search", p, "time", "--json"});
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out).size() == 1);
    CHECK(json::parse(test::run_comb({"search", p, "tiem", "--json"}).out).empty());
    REQUIRE(test::run_comb({"undo", p}).status == 0);
    REQUIRE(test::run_comb({"undo", p}).status == 0);
    CHECK(codings_of(p)[0]["text"] == "never get the tiem");
    CHECK(codings_of(p)[1]["text"] == "train");
    // The audit trail: every step with what it changed; reports can cite it.
    const auto csv = (dir / "history.csv").string();
    REQUIRE(test::run_comb({"export", p, "history", "-o", csv}).status == 0);
    std::vector<std::string> lines;
    const std::string bytes = slurp(csv);
    for (std::size_t at = 0, next; (next = bytes.find("\r\n", at)) != std::string::npos; at = next + 2) {
        lines.push_back(bytes.substr(at, next - at));
    }
    REQUIRE(lines.size() == 8);
    CHECK(lines[0] == "seq,time,who,action,kind,rows");
    auto ends_with = [](const std::string& s, const std::string& tail) {
        return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
    };
    CHECK(ends_with(lines[1], ",Import P1,command,insert case 1; insert document 1"));
    CHECK(ends_with(lines[2], ",Code passage as Time,command,insert code 1; insert coding 1"));
    CHECK(ends_with(lines[4], ",Correct text,command,update document 1"));
    CHECK(ends_with(lines[5], ",Delete text,command,update document 1; delete coding 2"));
    CHECK(ends_with(lines[6], ",Undo: Delete text,undo,insert coding 2; update document 1"));
    CHECK(ends_with(lines[7], ",Undo: Correct text,undo,update document 1"));
    CHECK(lines[7].rfind("7,", 0) == 0);
    r = test::run_comb({"export", p, "theme-table", "-o", "-", "--audit-trail", csv, "--date", "2026-12-03"});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Date: 2026-12-03. Audit trail: history.csv, 7 actions.") != std::string::npos);

    r = test::run_comb({"edit", p, "P1", "40", "99", "x"});
    CHECK(r.status == 1);
    CHECK(r.err == "comb: span 40-99 is not inside \"P1\" (0-56)\n");
}

TEST_CASE("pseudonymising the example leaves no original in exports, search, index or file", "[cli][privacy][example]") {
    const fs::path root = fs::path(COMB_TESTS_DIR) / "..";
    test::TempDir dir;
    const auto out = dir / "mecc";
    const std::string cmd = "bash " + test::shell_quote((root / "examples/mecc/analyse.sh").string()) + " " +
                            test::shell_quote(COMB_CLI_PATH) + " " + test::shell_quote(out.string()) +
                            " --date 2025-03-12 >/dev/null 2>" + test::shell_quote((dir / "err").string());
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto project = out / "mecc.comb";
    const auto key_file = dir / "key.csv";
    {
        std::ofstream key(key_file, std::ios::binary);
        key << "original,pseudonym,category\n";
        for (const auto& [o, p] : kKey) key << o << ",\"" << p << "\"," << (p[1] == 'P' && p[2] == 'E' ? "PERSON" : "PLACE") << "\n";
    }
    const auto before = codings_of(project);
    REQUIRE(!originals_in(slurp(project), "before").empty());  // the scan finds them when they are there

    auto r = test::run_comb({"pseudonymise", project.string(), "--key", key_file.string(), "--dry-run", "--json"});
    REQUIRE(r.status == 0);
    const auto preview = json::parse(r.out);
    CHECK(preview.size() > 40);
    CHECK(std::any_of(preview.begin(), preview.end(), [](const json& x) { return x["original"] == "Zoë"; }));

    r = test::run_comb({"pseudonymise", project.string(), "--key", key_file.string(), "--json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out)["codings_removed"] == 0);
    // The backup is taken before and holds the originals by nature (docs/privacy.md).
    const fs::path backup_before = json::parse(r.out)["backup"].get<std::string>();
    CHECK(backup_before.filename().string().find("-before-pseudonymise.comb") != std::string::npos);
    CHECK(!originals_in(slurp(backup_before), "the backup before").empty());

    const auto after = codings_of(project);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i]["text"].get<std::string>() == pseudonymised(before[i]["text"].get<std::string>()));
        CHECK(after[i]["code"] == before[i]["code"]);
    }
    for (const auto& [o, p] : kKey) {
        r = test::run_comb({"search", project.string(), o, "--json"});
        REQUIRE(r.status == 0);
        CHECK(json::parse(r.out).empty());
    }
    r = test::run_comb({"search", project.string(), "\"[PLACE 1]\"", "--json"});
    CHECK(!json::parse(r.out).empty());

    std::vector<std::string> files;
    for (const char* ext : {"docx", "xlsx", "csv", "md", "tex", "html"}) {
        files.push_back((out / ("after-theme-table." + std::string(ext))).string());
        REQUIRE(test::run_comb({"export", project.string(), "theme-table", "-o", files.back()}).status == 0);
    }
    for (const char* ext : {"docx", "csv", "qdc"}) {
        files.push_back((out / ("after-codebook." + std::string(ext))).string());
        REQUIRE(test::run_comb({"export", project.string(), "codebook", "-o", files.back()}).status == 0);
    }
    files.push_back((out / "after-summary.html").string());
    REQUIRE(test::run_comb({"export", project.string(), "summary", "-o", files.back()}).status == 0);
    files.push_back((out / "after.qdpx").string());
    REQUIRE(test::run_comb({"export", project.string(), "qdpx", "-o", files.back()}).status == 0);
    for (const auto& f : files) CHECK(originals_in(slurp(f), f).empty());
    std::size_t index_files = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(project.string() + "-index"))) {
        if (!e.is_regular_file()) continue;
        ++index_files;
        CHECK(originals_in(slurp(e.path()), e.path().string()).empty());
    }
    CHECK(index_files > 3);
    for (const auto& f : {project.string(), project.string() + "-wal"}) {
        if (fs::exists(f)) CHECK(originals_in(slurp(f), f).empty());
    }
    // No backup made afterwards holds an original.
    const auto later = dir / "later-backup.comb";
    REQUIRE(test::run_comb({"backup", project.string(), "-o", later.string()}).status == 0);
    CHECK(originals_in(slurp(later), later.string()).empty());

    // Undo needs the key; with it the originals come back, and redo scrubs them again.
    r = test::run_comb({"undo", project.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("needs the pseudonymisation key") != std::string::npos);
    REQUIRE(test::run_comb({"undo", project.string(), "--key", key_file.string()}).status == 0);
    CHECK(codings_of(project) == before);
    CHECK(!json::parse(test::run_comb({"search", project.string(), "Maureen", "--json"}).out).empty());
    CHECK(test::run_comb({"redo", project.string()}).status == 1);
    REQUIRE(test::run_comb({"redo", project.string(), "--key", key_file.string()}).status == 0);
    CHECK(codings_of(project) == after);
    CHECK(originals_in(slurp(project), "after redo").empty());
}
