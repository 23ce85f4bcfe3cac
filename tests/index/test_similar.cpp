// SPDX-License-Identifier: GPL-3.0-or-later
// Similar passages by relevance feedback find planted paraphrases of coded text.
#include <set>

#include "index_fixture.h"

using namespace comb;
using comb::test::IndexFixture;
using comb::test::Where;

namespace {

const std::string kInterview =
    "Interviewer: How do you find the time?\n"
    "A: We have no protected time for the training sessions because the rota is always full.\n"
    "A: Funding from the council was cut and the budget for leaflets went with it.\n"
    "A: Protected time for training never happens, the rota beats it every single week.\n"
    "A: Smoking cessation advice is easy to give when people ask about their cough.\n"
    "A: The leaflets about alcohol were popular in the waiting room.\n"
    "A: Our manager writes the rota and training is squeezed out by cover shifts.\n"
    "A: Weight management conversations feel awkward with older patients.\n"
    "A: The commissioners want numbers for every contact we record.\n";

const std::string kOther =
    "Interviewer: Anything about time?\n"
    "B: Honestly the rota leaves no protected slot to run training sessions at all.\n"
    "B: Patients like the leaflets on alcohol and smoking.\n"
    "B: The council budget pays for two trainers only.\n";

}  // namespace

TEST_CASE("similar passages to a code's codings leave out the coded ones", "[index][similar]") {
    test::ProjectBuilder b;
    const auto a = b.add_document("A.txt", kInterview, "A");
    const auto other = b.add_document("B.txt", kOther, "B");
    b.code(a, "We have no protected time for the training sessions", "Time");
    b.code(a, "Protected time for training never happens", "Time");
    index::PassageIndex ix(index::PassageIndex::folder_for(b.path()));
    core::NullProgress quiet;
    ix.rebuild(b.file(), quiet);

    index::SimilarSpec spec;
    spec.code = "Time";
    spec.limit = 3;
    const auto hits = ix.similar(spec);
    REQUIRE(hits.size() == 3);
    // The planted paraphrase in the other interview comes first; the rota passage next.
    CHECK(hits[0].doc == other);
    CHECK(hits[0].text == "Honestly the rota leaves no protected slot to run training sessions at all.");
    CHECK(hits[1].text == "Our manager writes the rota and training is squeezed out by cover shifts.");
    for (const auto& h : hits) CHECK(h.text.find("Protected time for training never") == std::string::npos);

    SECTION("like one passage, leaving out the passage itself") {
        index::SimilarSpec one;
        one.doc = a;
        one.span = {core::CodePoint(50), core::CodePoint(60)};  // inside "We have no protected time ..."
        one.limit = 2;
        const auto like = ix.similar(one);
        REQUIRE(like.size() == 2);
        // The other coded passage and the planted paraphrase, in either order.
        std::set<std::string> top{like[0].text, like[1].text};
        CHECK(top == std::set<std::string>{"Protected time for training never happens, the rota beats it every single week.",
                                           "Honestly the rota leaves no protected slot to run training sessions at all."});
    }
    SECTION("a code without codings has nothing to compare with") {
        index::SimilarSpec none;
        none.code = "Unused";
        CHECK_THROWS_AS(ix.similar(none), core::InputError);
    }
}
