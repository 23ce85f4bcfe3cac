// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small coded project for index tests: three interviews with cases, attributes, tagged
// codes, a coding with its own tags, a theme, an emoji before a coded passage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/theme_commands.h"
#include "core/error.h"
#include "index/passage_index.h"
#include "support/project_builder.h"

namespace comb::test {

inline const std::string kP01 =
    "Interviewer: What gets in the way of training?\n"
    "P01: We never have protected time for training. The rota is full every week.\n"
    "Interviewer: And the managers?\n"
    "P01: Our manager supports the training sessions and gives us a room.\n"
    "P01: Funding from the council stopped last year, so the programme shrank.\n";

inline const std::string kP02 =
    "Interviewer: Tell me about your role.\n"
    "P02: I train the agents. Time is protected for trainers but agents struggle with workload.\n"
    "P02: 😀 Trainers felt confident after the course on smoking cessation.\n";

inline const std::string kP03 =
    "Interviewer: Anything else?\n"
    "P03: The café résumé workshop was about weight management.\n";

// (doc, start, end) of a hit or span, for exact comparisons.
using Where = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

class IndexFixture {
public:
    IndexFixture() {
        p01 = b.add_document("P01.txt", kP01, "P01");
        p02 = b.add_document("P02.txt", kP02, "P02");
        p03 = b.add_document("P03.txt", kP03, "P03");
        b.project().execute(core::SetCaseAttributes({{"P01", {{"role", "agent"}, {"org", "NHS Trust"}}},
                                                     {"P02", {{"role", "trainer"}, {"org", "Council"}}},
                                                     {"P03", {{"role", "agent"}, {"org", "Council"}}}}));
        b.code(p01, "We never have protected time for training.", "Organisational/Time");
        b.code(p01, "Our manager supports the training sessions", "Organisational/Leadership");
        const auto override_id = b.code(p02, "Time is protected for trainers", "Organisational/Time");
        b.code(p03, "weight management", "Individual/Knowledge");
        core::TagPatch time;
        time.comb = std::vector<core::ComB>{core::ComB::O_Ph};
        time.level = core::LevelTag{core::Level::organisational, ""};
        time.valence = core::Valence::barrier;
        b.project().execute(core::TagCode("Organisational/Time", time));
        core::TagPatch lead;
        lead.tdf = std::vector<std::string>{"Social influences"};
        lead.level = core::LevelTag{core::Level::organisational, ""};
        lead.valence = core::Valence::facilitator;
        b.project().execute(core::TagCode("Organisational/Leadership", lead));
        b.project().execute(core::TagCoding(override_id, core::TagSet::parse("level=individual:trainer; valence=facilitator")));
        core::DefineTheme::Spec theme;
        theme.name = "Workplace";
        theme.add_codes = {"Organisational/Time"};
        b.project().execute(core::DefineTheme(theme));
        index = std::make_unique<index::PassageIndex>(folder());
        core::NullProgress quiet;
        index->rebuild(b.file(), quiet);
    }

    std::filesystem::path folder() const { return index::PassageIndex::folder_for(b.path()); }

    // The passage (turn body) of `doc` that starts with `start_text`, up to the line end.
    Where turn(core::DocumentId doc, const std::string& start_text) {
        const std::string text = b.file().text(b.file().find_document(doc)->text_id);
        const auto at = text.find(start_text);
        REQUIRE(at != std::string::npos);
        const auto end = text.find('\n', at);
        return {doc.value, core::utf8::to_code_point(text, at).value, core::utf8::to_code_point(text, end).value};
    }

    std::vector<Where> search(const std::string& query, index::Filters filters = {},
                              std::optional<index::Order> order = std::nullopt) {
        return where(index->search({query, std::move(filters), 0, order}));
    }

    static std::vector<Where> where(const std::vector<index::Hit>& hits) {
        std::vector<Where> out;
        for (const auto& h : hits) out.emplace_back(h.doc.value, h.span.start.value, h.span.end.value);
        return out;
    }
    static std::vector<Where> sorted(std::vector<Where> w) {
        std::sort(w.begin(), w.end());
        return w;
    }

    ProjectBuilder b;
    core::DocumentId p01, p02, p03;
    std::unique_ptr<index::PassageIndex> index;
};

}  // namespace comb::test
