// SPDX-License-Identifier: GPL-3.0-or-later
// Pseudonymisation (issue 19): whole-word, case-aware, Unicode-aware matching; every coding
// stays on its words; no original left in the file's texts or history; undo needs the key.
#include <catch2/catch.hpp>

#include "core/commands/edit_text.h"
#include "core/commands/memo_commands.h"
#include "core/commands/pseudonymise.h"
#include "core/error.h"
#include "privacy/candidates.h"
#include "privacy/key_matcher.h"
#include "privacy/preview.h"
#include "store/connection.h"
#include "support/project_builder.h"
#include "support/snapshot.h"

using namespace comb;

namespace {

privacy::KeyMatcher key_of(std::vector<privacy::KeyEntry> entries) { return privacy::KeyMatcher({std::move(entries)}); }

// Every text and history row of the file, as stored.
std::string stored_rows(store::ProjectFile& f) {
    std::string all;
    for (const char* sql : {"SELECT content FROM texts", "SELECT label || changes FROM history",
                            "SELECT name FROM cases", "SELECT name || metadata FROM documents", "SELECT text FROM memos"}) {
        store::Statement st(f.connection(), sql);
        while (st.step()) all += st.text(0) + "\n";
    }
    return all;
}

}  // namespace

TEST_CASE("the key matcher replaces whole words in their case form", "[store][privacy]") {
    const auto key = key_of({{"Jessica", "Anna", "PERSON"}, {"Jessica Smith", "Anna Jones", "PERSON"},
                             {"Zoë", "Mia", ""}, {"נועה", "רות", ""}, {"van Dijk", "de Boer", ""}});
    CHECK(key.replace("Jessica's manager", false) == "Anna's manager");
    CHECK(key.replace("JESSICA said; jessica did not", false) == "ANNA said; jessica did not");
    CHECK(key.replace("Jessicas and MyJessica stay", false) == "Jessicas and MyJessica stay");
    CHECK(key.replace("Jessica Smith and Jessica", false) == "Anna Jones and Anna");
    CHECK(key.replace("Zoë, Zoëlla, ZOË.", false) == "Mia, Zoëlla, MIA.");
    CHECK(key.replace("😀Jessica👍 שלום נועה!", false) == "😀Anna👍 שלום רות!");
    CHECK(key.replace("Van Dijk and van Dijk", false) == "De Boer and de Boer");
    const std::string masked = key.replace("JESSICA met Van Dijk", true);
    CHECK(masked == "\xEE\x80\x80UAnna\xEE\x80\x81 met \xEE\x80\x80" "Cde Boer\xEE\x80\x81");
    CHECK(key.unmask(masked) == "JESSICA met Van Dijk");
    CHECK_THROWS_WITH(key_of({{"Ann", "Bea", ""}}).unmask(masked), Catch::Contains("no original for the pseudonym \"Anna\""));
    CHECK_THROWS_WITH(key_of({{"Ann", "P1", ""}, {"Bob", "P1", ""}}), Catch::Contains("given for two originals"));
    CHECK_THROWS_WITH(key_of({{"Ann", "Not Ann", ""}}), Catch::Contains("contains the original"));
    CHECK(privacy::parse_key("original,pseudonym,category\r\n\"Smith, J.\",\"P \"\"1\"\"\",PERSON\r\n", "k.csv").entries ==
          std::vector<privacy::KeyEntry>{{"Smith, J.", "P \"1\"", "PERSON"}});
    CHECK_THROWS_WITH(privacy::parse_key("a,b\nc\n", "k.csv"), "k.csv:2: a row needs original,pseudonym[,category]");
}

TEST_CASE("pseudonymise keeps codings on their words, scrubs the file, and undoes only with the key", "[store][privacy]") {
    test::ProjectBuilder b;
    const auto d1 = b.add_document("Jessica interview", "Interviewer: Hi 😀\nJessica: Maureen's team at Northvale had no time.\n", "Jessica");
    const auto d2 = b.add_document("P2", "P2: I called Maureen. NORTHVALE was closed.\nP2: שלום\n", "P2");
    const auto c1 = b.code(d1, "Maureen's team at Northvale", "Team");
    const auto c2 = b.code(d1, "Maureen", "People/Maureen");
    const auto c3 = b.code(d2, "I called Maureen. NORTHVALE", "Calls");
    b.project().execute(core::AddMemo({core::MemoId(), core::MemoTarget::coding, c1.value, "Maureen", "ask Jessica", "me", "", 0}));
    const auto before = test::snapshot(b.file());
    const auto text_before = [&](core::DocumentId d) { return b.file().text(b.file().find_document(d)->text_id); };
    const std::string t1 = text_before(d1), t2 = text_before(d2);
    const auto key = key_of({{"Jessica", "[P1]", "PERSON"}, {"Maureen", "[P2]", "PERSON"}, {"Northvale", "[PLACE]", "PLACE"}});

    // 5 in the texts, the document name and its (test) hash, the case, the memo twice, the code.
    CHECK(privacy::preview(b.file(), key).size() == 11);
    const auto changes = b.project().execute(core::Pseudonymise(key, false));
    CHECK(core::removed_codings(changes).empty());
    const auto after = test::snapshot(b.file());
    auto text_of = [&](core::CodingId id) {
        for (const auto& c : b.file().codings()) {
            if (c.id == id) return std::string(core::utf8::slice(b.file().text(b.file().find_document(c.document)->text_id), c.span));
        }
        return std::string("(gone)");
    };
    CHECK(text_of(c1) == "[P2]'s team at [PLACE]");
    CHECK(text_of(c2) == "[P2]");
    CHECK(text_of(c3) == "I called [P2]. [PLACE]");
    CHECK(b.file().documents()[0].name == "[P1] interview");
    CHECK(b.file().documents()[0].turns[1].speaker == "[P1]");
    const auto cases = b.file().cases();
    CHECK(std::any_of(cases.begin(), cases.end(), [](const core::Case& c) { return c.name == "[P1]"; }));
    CHECK(b.file().memos()[0].text == "ask [P1]");
    const auto codes = b.file().codes();
    CHECK(std::any_of(codes.begin(), codes.end(), [](const core::Code& c) { return c.name == "[P2]"; }));
    const std::string rows = stored_rows(b.file());
    for (const char* original : {"Jessica", "Maureen", "Northvale", "NORTHVALE"}) CHECK(rows.find(original) == std::string::npos);

    CHECK_THROWS_WITH(b.project().undo(), Catch::Contains("needs the pseudonymisation key"));
    b.reopen();
    const auto wrong = key_of({{"Jessica", "[P1]", ""}});
    CHECK_THROWS_WITH(b.project().undo(&wrong), Catch::Contains("no original for the pseudonym"));
    b.project().undo(&key);
    CHECK(test::snapshot(b.file()) == before);
    CHECK(text_before(d1) == t1);
    CHECK(text_before(d2) == t2);
    CHECK_THROWS_WITH(b.project().redo(), Catch::Contains("redo needs the pseudonymisation key"));
    b.project().redo(&key);
    CHECK(test::snapshot(b.file()) == after);
    CHECK(stored_rows(b.file()).find("Maureen") == std::string::npos);
    // Older steps hold masks too: undoing past the pseudonymisation needs the key as well.
    b.project().undo(&key);
    CHECK_THROWS_WITH(b.project().undo(), Catch::Contains("needs the pseudonymisation key"));
    b.project().undo(&key);
    CHECK(b.file().memos().empty());
}

TEST_CASE("pseudonymise with --keep-originals undoes without the key", "[store][privacy]") {
    test::ProjectBuilder b;
    const auto d = b.add_document("P1", "P1: Maureen said so.\n", "P1");
    b.code(d, "Maureen said", "A");
    const auto before = test::snapshot(b.file());
    const auto key = key_of({{"Maureen", "[P2]", ""}});
    b.project().execute(core::Pseudonymise(key, true));
    CHECK(stored_rows(b.file()).find("Maureen") != std::string::npos);
    b.project().undo();
    CHECK(test::snapshot(b.file()) == before);
    CHECK_THROWS_WITH(b.project().execute(core::Pseudonymise(key_of({{"Nobody", "X", ""}}), false)),
                      Catch::Contains("no original of the key occurs"));
}

TEST_CASE("candidates: speaker labels, case names, attribute values and names in several documents", "[store][privacy]") {
    test::ProjectBuilder b;
    b.add_document("A", "Interviewer: And Kellsby?\nMaria: We went to Kellsby. Then Tarnside. The end.\n", "Maria");
    b.add_document("B", "P2: I live in Kellsby, near Tarnside.\nP2: So Then.\n", "P2");
    const auto c = privacy::suggest_candidates(b.file());
    std::vector<std::string> texts;
    for (const auto& x : c) texts.push_back(x.text + "/" + x.reason + "/" + std::to_string(x.documents));
    CHECK(texts == std::vector<std::string>{"Maria/speaker label/1", "Kellsby/in 2 documents/2", "Tarnside/in 2 documents/2"});
}
