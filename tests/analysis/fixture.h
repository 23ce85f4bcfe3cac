// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hand-counted analysis fixture: three documents, two participants, interviewer turns,
// overlapping codings, a tag override, a TDF-implied COM-B and a pinned coding.
//
//   A (case P1)  "Interviewer: What about time?\nP1: We never have time. Managers do not care. Training was good.\n"
//   B (case P2)  "Interviewer: Tell me about training.\nP2: The training was great. Time is short here.\n"
//   C (case P1)  "P1: Funding stopped. Time again.\n"
//
//   #  doc  quote                        code                 effective tags
//   1  A    We never have time.          Time/No time         O.Ph organisational barrier
//   2  A    Managers do not care.        Leadership/Managers  O.So M.Re organisational barrier
//   3  A    Training was good.           Training/Good        C.Ps (TDF Knowledge) individual:trainer facilitator
//   4  A    What about time?             Time/No time         (interviewer turn) O.Ph organisational barrier
//   5  A    never have time. Managers    Leadership/Managers  override: M.Au individual:agent mixed
//   6  B    The training was great.      Training/Good        pinned
//   7  B    Time is short here.          Time/No time
//   8  B    Tell me about training.      Training/Good        (interviewer turn)
//   9  C    Funding stopped.             Funding              O.Ph macro barrier
//  10  C    Time again.                  Time/No time
//
// Themes: "Organisation" (member Leadership/Managers) with subtheme "Time pressure" (member
// Time/No time); "Training" (member Training/Good); "Macro" (member Funding).
// Attributes: P1 role=manager, P2 role=nurse.
#include <map>

#include "core/commands/case_commands.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/theme_commands.h"
#include "support/project_builder.h"

namespace comb::test {

struct AnalysisFixture {
    ProjectBuilder b;
    core::DocumentId a, bdoc, c;
    std::map<int, core::CodingId> coding;  // by the numbers above

    AnalysisFixture() {
        a = b.add_document("A", "Interviewer: What about time?\nP1: We never have time. Managers do not care. Training was good.\n", "P1");
        bdoc = b.add_document("B", "Interviewer: Tell me about training.\nP2: The training was great. Time is short here.\n", "P2");
        c = b.add_document("C", "P1: Funding stopped. Time again.\n", "P1");
        coding[1] = b.code(a, "We never have time.", "Time/No time");
        coding[2] = b.code(a, "Managers do not care.", "Leadership/Managers");
        coding[3] = b.code(a, "Training was good.", "Training/Good");
        coding[4] = b.code(a, "What about time?", "Time/No time");
        coding[5] = b.code(a, "never have time. Managers", "Leadership/Managers");
        coding[6] = b.code(bdoc, "The training was great.", "Training/Good");
        coding[7] = b.code(bdoc, "Time is short here.", "Time/No time");
        coding[8] = b.code(bdoc, "Tell me about training.", "Training/Good");
        coding[9] = b.code(c, "Funding stopped.", "Funding");
        coding[10] = b.code(c, "Time again.", "Time/No time");
        auto& p = b.project();
        tag("Time/No time", {core::ComB::O_Ph}, {}, {core::Level::organisational, ""}, core::Valence::barrier);
        tag("Leadership/Managers", {core::ComB::O_So, core::ComB::M_Re}, {}, {core::Level::organisational, ""}, core::Valence::barrier);
        tag("Training/Good", {}, {"Knowledge"}, {core::Level::individual, "trainer"}, core::Valence::facilitator);
        tag("Funding", {core::ComB::O_Ph}, {}, {core::Level::macro, ""}, core::Valence::barrier);
        core::TagSet override_tags;
        override_tags.comb = {core::ComB::M_Au};
        override_tags.level = core::LevelTag{core::Level::individual, "agent"};
        override_tags.valence = core::Valence::mixed;
        p.execute(core::TagCoding(coding[5], override_tags));
        p.execute(core::PinCoding(coding[6], true));
        p.execute(core::DefineTheme({"Organisation", std::nullopt, "Inside organisations.", {"Leadership/Managers"}, {}}));
        p.execute(core::DefineTheme({"Time pressure", "Organisation", "No time.", {"Time/No time"}, {}}));
        p.execute(core::DefineTheme({"Training", std::nullopt, "Training helps.", {"Training/Good"}, {}}));
        p.execute(core::DefineTheme({"Macro", std::nullopt, "Money.", {"Funding"}, {}}));
        p.execute(core::SetCaseAttributes({{"P1", {{"role", "manager"}}}, {"P2", {{"role", "nurse"}}}}));
    }

    void tag(const std::string& code, std::vector<core::ComB> comb, std::vector<std::string> tdf, core::LevelTag level,
             core::Valence valence) {
        core::TagPatch patch;
        patch.comb = std::move(comb);
        patch.tdf = std::move(tdf);
        patch.level = level;
        patch.valence = valence;
        b.project().execute(core::TagCode(code, patch));
    }
};

}  // namespace comb::test
