// SPDX-License-Identifier: GPL-3.0-or-later
// Speaker labels and turn spans, on plain text so the spans are easy to read.
#include "import_test_support.h"

#include "import/speaker_turns.h"

using namespace comb::importers;
using namespace comb::importers::test;

namespace {

std::optional<SpeakerLabel> label(std::string_view paragraph, const ReadOptions& options = {}) {
    return SpeakerMatcher(options).match(paragraph);
}

}  // namespace

TEST_CASE("default speaker labels", "[import][turns]") {
    struct Case {
        std::string_view paragraph, speaker;
        std::size_t length;
        bool certain;
    };
    const Case cases[] = {
        {"Interviewer: so", "Interviewer", 13, true},
        {"INT: so", "INT", 5, true},
        {"I: so", "I", 3, true},
        {"Q: so", "Q", 3, true},
        {"P3: so", "P3", 4, true},
        {"Participant 3: so", "Participant 3", 15, true},
        {"R:\tso", "R", 3, true},
        {"Respondent:  so", "Respondent", 13, true},
        {"Researcher 1: so", "Researcher 1", 14, true},
        {"[Interviewer] so", "Interviewer", 14, true},
        {"[id1] so", "id1", 6, false},
        {"[Maria]: so", "Maria", 9, false},
        {"Jessica: so", "Jessica", 9, false},
        {"Dr. Amal Haddad: so", "Dr. Amal Haddad", 17, false},
        {"\xC3\x89milie: oui", "\xC3\x89milie", 9, false},
        {"Interviewer:", "Interviewer", 12, true},
    };
    for (const Case& c : cases) {
        INFO(c.paragraph);
        const auto found = label(c.paragraph);
        REQUIRE(found);
        CHECK(found->speaker == c.speaker);
        CHECK(found->length == c.length);
        CHECK(found->certain == c.certain);
    }
}

TEST_CASE("text that is not a speaker label", "[import][turns]") {
    for (std::string_view p : {"the end: yes", "10:33 we met", "http://example.org", "Four Word Long Name: x",
                               "A name that is far too long to be a speaker label: x", "[laughs] yes",
                               "[00:01:02] hello", "[inaudible]", "Note:x", ": nothing", "Two  Spaces: x",
                               "[unclosed hello", "[] empty"}) {
        INFO(p);
        CHECK_FALSE(label(p));
    }
}

TEST_CASE("interviewer names", "[import][turns]") {
    const SpeakerMatcher matcher(ReadOptions{});
    for (std::string_view s : {"Interviewer", "INT", "I", "Q", "Researcher", "Researcher 1", "Moderator",
                               "Facilitator", "interviewer 2"}) {
        INFO(s);
        CHECK(matcher.is_interviewer(s));
    }
    for (std::string_view s : {"P3", "Participant 3", "R", "Respondent", "Jessica", "id1", "Intern"}) {
        INFO(s);
        CHECK_FALSE(matcher.is_interviewer(s));
    }
    ReadOptions options;
    options.interviewer_names = {"Maria Lopez"};
    CHECK(SpeakerMatcher(options).is_interviewer("maria lopez"));
}

TEST_CASE("caller patterns are tried first", "[import][turns]") {
    ReadOptions options;
    options.speaker_patterns = {R"(\((\w+)\) -)"};
    const auto doc = read_bytes("c.txt", "(Ana) - hola\n(Ben) - hi\nand no label here", options);
    REQUIRE(doc.turns.size() == 2);
    CHECK(doc.turns[0].speaker == "Ana");
    CHECK(doc.turns[0].body == span(8, 12));
    CHECK(doc.turns[1].speaker == "Ben");
    CHECK(slice(doc, doc.turns[1].span) == "(Ben) - hi\nand no label here");

    options.speaker_patterns = {"(unclosed"};
    CHECK_THROWS_AS(SpeakerMatcher(options), comb::core::InputError);
    options.speaker_patterns = {"no group:"};
    CHECK_THROWS_AS(SpeakerMatcher(options), comb::core::InputError);
}

TEST_CASE("turns span paragraphs until the next label", "[import][turns]") {
    const auto doc = read_bytes("t.txt",
                                "Focus group, 3 May\n\nInterviewer: First?\n\nP1: One.\n\nStill P1.\n\n"
                                "Interviewer:\nSecond?");
    REQUIRE(doc.paragraphs.size() == 5);
    REQUIRE(doc.turns.size() == 3);
    CHECK(doc.turns[0].span == span(20, 39));
    CHECK(doc.turns[1].span == span(41, 60));
    CHECK(slice(doc, doc.turns[1].span) == "P1: One.\n\nStill P1.");
    CHECK(doc.turns[1].body == span(45, 60));
    // A label alone on its line: the body starts on the next line.
    CHECK(slice(doc, doc.turns[2].body) == "Second?");
    CHECK(doc.turns[2].is_interviewer);
}

TEST_CASE("uncertain labels need corroboration", "[import][turns]") {
    SECTION("a lone 'Note:' in prose is not a turn") {
        CHECK(read_bytes("n.txt", "Some prose.\n\nNote: this matters.").turns.empty());
    }
    SECTION("a name used twice makes the document a transcript") {
        const auto doc = read_bytes("n.txt", "Ana: hi\nBen: hello\nAna: bye");
        REQUIRE(doc.turns.size() == 3);
        CHECK(doc.turns[1].speaker == "Ben");
        CHECK(doc.turns[1].span == span(8, 18));
    }
    SECTION("a document with a well-known label accepts the other names") {
        const auto doc = read_bytes("n.txt", "Interviewer: hi\nJessica: hello");
        REQUIRE(doc.turns.size() == 2);
        CHECK(doc.turns[1].speaker == "Jessica");
        CHECK_FALSE(doc.turns[1].is_interviewer);
    }
    SECTION("[id1] labels from QualCoder") {
        const auto doc = read_bytes("q.txt", "[id1] hello\n\n[id2] hi\n\n[id1] bye");
        REQUIRE(doc.turns.size() == 3);
        CHECK(doc.turns[1].speaker == "id2");
        CHECK(doc.turns[1].body == span(19, 21));
    }
}
