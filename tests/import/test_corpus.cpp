// SPDX-License-Identifier: GPL-3.0-or-later
// Real transcripts from ../shared/corpora/transcripts (see SOURCES.md there). Skipped with a
// warning when the shared folder is absent.
#include "import_test_support.h"

#include <filesystem>

#include "import/registry.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

std::filesystem::path transcripts() { return std::filesystem::path(COMB_SHARED_DIR) / "corpora" / "transcripts"; }

bool corpus_present() {
    if (std::filesystem::is_directory(transcripts())) return true;
    WARN("shared corpus absent: " << transcripts());
    return false;
}

std::vector<std::string> speakers(const ImportedDocument& doc) {
    std::vector<std::string> out;
    for (const ImportedTurn& t : doc.turns) out.push_back(t.speaker);
    return out;
}

}  // namespace

TEST_CASE("corpus: Jessica.docx and Jessica.txt import to the same text and turns", "[import][corpus][docx]") {
    if (!corpus_present()) return;
    const auto docx = read_file(transcripts() / "orda-sheffield-Jessica.docx");
    const auto txt = read_file(transcripts() / "orda-sheffield-Jessica.txt");
    // The .txt was made from the .docx one paragraph per line, without a final newline: equal.
    CHECK(docx.text == txt.text);
    CHECK(docx.paragraphs == txt.paragraphs);
    CHECK(docx.paragraphs.size() == 148);
    REQUIRE(docx.turns.size() == 147);
    REQUIRE(txt.turns.size() == 147);
    for (std::size_t i = 0; i < docx.turns.size(); ++i) {
        INFO("turn " << i);
        CHECK(docx.turns[i].span == txt.turns[i].span);
        CHECK(docx.turns[i].body == txt.turns[i].body);
        CHECK(docx.turns[i].speaker == txt.turns[i].speaker);
    }
    CHECK(slice(docx, docx.paragraphs[0]) == "21-Apr-2023 - 10:33 - 43m07s - Pseudonym");
    CHECK(docx.turns[0].speaker == "Researcher 1");
    CHECK(docx.turns[0].is_interviewer);
    CHECK(docx.turns[0].span == span(41, 194));
    CHECK(slice(docx, docx.turns[0].body).rfind("Perfect. So can you tell me", 0) == 0);
    CHECK(docx.turns[1].speaker == "Jessica");
    CHECK_FALSE(docx.turns[1].is_interviewer);
    for (const ImportedTurn& t : docx.turns) CHECK((t.speaker == "Researcher 1" || t.speaker == "Jessica"));
    CHECK(docx.metadata.at("date") == "2023-06-22T13:23:00Z");
    CHECK(docx.content_hash != txt.content_hash);
}

TEST_CASE("corpus: Sam.docx and Sam.txt import to the same text", "[import][corpus][docx]") {
    if (!corpus_present()) return;
    const auto docx = read_file(transcripts() / "orda-sheffield-Sam.docx");
    const auto txt = read_file(transcripts() / "orda-sheffield-Sam.txt");
    CHECK(docx.text == txt.text);
    CHECK(docx.turns.size() == txt.turns.size());
    CHECK(docx.turns.size() == 84);
}

TEST_CASE("corpus: every interview has interviewer and participant turns", "[import][corpus]") {
    if (!corpus_present()) return;
    for (const char* name : {"orda-sheffield-David.txt", "orda-sheffield-Stephen.txt", "orda-sheffield-Sam.txt"}) {
        INFO(name);
        const auto doc = read_file(transcripts() / name);
        const auto interviewer = std::count_if(doc.turns.begin(), doc.turns.end(), [](const auto& t) { return t.is_interviewer; });
        CHECK(interviewer > 20);
        CHECK(static_cast<std::size_t>(interviewer) < doc.turns.size());
        CHECK(doc.metadata.at("encoding") == "UTF-8");
    }
    const auto stephen = read_file(transcripts() / "orda-sheffield-Stephen.txt");
    CHECK(slice(stephen, stephen.paragraphs[0]) == "Stephen");
    CHECK(stephen.turns[1].speaker == "Stephen");
}

TEST_CASE("corpus: QualCoder examples (ID1.docx, ID2.odt, transcript.txt with [id1] labels)", "[import][corpus]") {
    if (!corpus_present()) return;
    const auto id1 = read_file(transcripts() / "qualcoder-ID1.docx");
    REQUIRE(id1.paragraphs.size() == 3);
    CHECK(slice(id1, id1.paragraphs[0]).rfind("I really like learning new things.", 0) == 0);
    CHECK(id1.metadata.at("author") == "colin-2");
    CHECK(id1.turns.empty());

    const auto id2 = read_file(transcripts() / "qualcoder-ID2.odt");
    REQUIRE(id2.paragraphs.size() == 3);
    CHECK(slice(id2, id2.paragraphs[2]) == "The course cost \xE2\x82\xAC" "200.00 and I do not want to waste my money.");
    CHECK(id2.metadata.at("format") == "odt");

    const auto focus = read_file(transcripts() / "qualcoder-transcript.txt");
    CHECK(speakers(focus) == std::vector<std::string>{"id1", "id2", "id3", "id1", "id3", "id1", "id2"});
    CHECK(focus.turns[0].span == span(0, 177));
    CHECK(focus.turns[0].body == span(6, 177));
    CHECK(slice(focus, focus.turns[0].body).rfind("hello, I like the course.", 0) == 0);
    CHECK(focus.turns[1].span.start.value == 179);
    for (const ImportedTurn& t : focus.turns) CHECK_FALSE(t.is_interviewer);
}

TEST_CASE("corpus: every transcript imports", "[import][corpus]") {
    if (!corpus_present()) return;
    for (const auto& entry : std::filesystem::directory_iterator(transcripts())) {
        INFO(entry.path().filename());
        const auto doc = read_file(entry.path());
        CHECK_FALSE(doc.text.empty());
        CHECK(doc.content_hash.size() == 64);
    }
}
