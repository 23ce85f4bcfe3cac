// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fixtures.h"

#include <utility>
#include <vector>

namespace comb::tests {
namespace {

using core::ComB;
using core::Level;
using core::LevelTag;
using core::Valence;
using exporters::Quote;

exporters::ReportMeta sample_meta() {
    exporters::ReportMeta meta;
    meta.project = "MECC & partners: 100% fictional_study {demo}";
    meta.software = "Comb 0.1.0";
    meta.coders = {"A. Rahman", "B. O'Neill"};
    meta.date = "2024-05-01";
    meta.quote_rule =
        "Up to 3 quotes per row from distinct participants; pinned quotes first, then in "
        "document order.";
    return meta;
}

Quote quote(std::string text, std::string who, std::string role, std::int64_t start) {
    std::string document = who + " interview.docx";
    return Quote{std::move(text), std::move(who), std::move(role), std::move(document),
                 core::Span{core::CodePoint(start), core::CodePoint(start + 40)}};
}

}  // namespace

exporters::ThemeTable sample_theme_table() {
    exporters::ThemeTable t;
    t.meta = sample_meta();
    const std::string macro = "Macro: funding & policy";
    const std::string org = "Organisational: time, resources, leadership";
    const std::string ind = "Individual: trainers and agents";
    t.rows.push_back({macro, "Short-term funding", LevelTag{Level::macro, {}}, {ComB::O_Ph},
                      Valence::barrier,
                      "Funding came in 12-month cycles; $ and # of posts varied ~ year to year.",
                      {quote("We never knew if the money would last past March.", "P1",
                             "Commissioner", 120),
                       quote("It's \"pilot\" money, always <temporary> & never core.", "P3",
                             "Public health lead", 480)},
                      5});
    t.rows.push_back({macro, "National policy backing", LevelTag{Level::macro, {}}, {ComB::M_Re},
                      Valence::facilitator, "Policy named MECC a priority {NHS plan}.",
                      {quote("When the plan came out\nwe finally had a mandate.", "P2",
                             "Commissioner", 75)},
                      3});
    t.rows.push_back({org, "Protected time", LevelTag{Level::organisational, {}},
                      {ComB::O_Ph, ComB::M_Re}, Valence::barrier,
                      "No protected time_for training; 50% of staff on shifts.",
                      {quote("I'd love to do it, but there's no time \U0001F605", "P4",
                             "MECC trainer", 33),
                       quote("A back\\slash, a caret ^ and a pipe | in one quote.", "P5",
                             "Manager", 950),
                       quote("Honestly? We're stretched.", "P6", "MECC agent", 12)},
                      7});
    t.rows.push_back({org, "Visible leadership", LevelTag{Level::organisational, {}},
                      {ComB::O_So}, Valence::mixed,
                      "Leaders who modelled MECC helped;\nabsent ones stalled it.",
                      {quote("When the chief exec did the training, everyone followed.", "P7",
                             "Manager", 400)},
                      4});
    t.rows.push_back({ind, "Trainer confidence", LevelTag{Level::individual, "trainer"},
                      {ComB::C_Ps, ComB::M_Au}, Valence::facilitator,
                      "Trainers felt able to teach *very brief* advice.",
                      {quote("After two sessions I could run it in my sleep.", "P4", "MECC trainer",
                             610)},
                      2});
    t.rows.push_back({ind, "", LevelTag{Level::individual, "agent"}, {ComB::C_Ph},
                      std::nullopt, "", {}, 0});
    return t;
}

exporters::ThemeTable sample_side_table() {
    using core::ComB;
    auto t = sample_theme_table();
    const std::vector<std::pair<exporters::ThemeSide, exporters::ThemeSide>> sides = {
        {{{"Short-term funding", "Money & 100% of staff_time"}, {ComB::O_Ph}, 4}, {}},
        {{}, {{"National policy backing"}, {ComB::M_Re}, 2}},
        {{{"No protected time", "Staffing pressures"}, {ComB::O_Ph}, 5}, {{"Built into routine care"}, {ComB::O_Ph, ComB::M_Au}, 3}},
        {{{"Leadership {mixed}"}, {ComB::O_So}, 1}, {{"Leadership {mixed}", "Champions #1"}, {ComB::O_So, ComB::M_Re}, 6}},
        {{}, {{"Trainer confidence"}, {ComB::C_Ps}, 3}},
        {{{"Skills ~ gaps"}, {ComB::C_Ph}, 2}, {}},
    };
    for (std::size_t i = 0; i < t.rows.size() && i < sides.size(); ++i) {
        t.rows[i].barriers = sides[i].first;
        t.rows[i].facilitators = sides[i].second;
    }
    return t;
}

exporters::Summary sample_summary() {
    using exporters::SummaryItem;
    exporters::Summary s;
    s.meta = sample_meta();
    s.meta.project = "MECC in the integrated care system <fictional> & demo";
    const LevelTag macro{Level::macro, {}}, org{Level::organisational, {}},
        trainer{Level::individual, "trainer"}, agent{Level::individual, "agent"};

    s.groups.push_back({macro, "",
        {SummaryItem{"Short-term funding", "Money came in 12-month cycles, so posts were temporary.",
                     5, {ComB::O_Ph},
                     {quote("We never knew if the money would last past March.", "P1",
                            "Commissioner", 120)}}},
        {SummaryItem{"National policy backing", "A named priority {NHS plan} gave a mandate.", 3,
                     {ComB::M_Re},
                     {quote("When the plan came out\nwe finally had a mandate.", "P2",
                            "Commissioner", 75)}}}});
    s.groups.push_back({org, "",
        {SummaryItem{"No protected time", "50% of staff on shifts; training came second.", 7,
                     {ComB::O_Ph, ComB::M_Re},
                     {quote("I'd love to do it, but there's no time \U0001F605", "P4",
                            "MECC trainer", 33),
                      quote("Honestly? We're stretched.", "P6", "MECC agent", 12)}},
         SummaryItem{"Training rooms & kit", "", 2, {ComB::O_Ph}, {}}},
        {SummaryItem{"Visible leadership", "Leaders who modelled MECC brought teams along.", 4,
                     {ComB::O_So},
                     {quote("When the chief exec did the training, everyone followed.", "P7",
                            "Manager", 400)}}}});
    s.groups.push_back({trainer, "Individual level: MECC trainers", {},
        {SummaryItem{"Confidence to teach", "Trainers felt able to teach very brief advice.", 2,
                     {ComB::C_Ps, ComB::M_Au},
                     {quote("After two sessions I could run it in my sleep.", "P4",
                            "MECC trainer", 610)}}}});
    s.groups.push_back({agent, "Individual level: MECC agents",
        {SummaryItem{"\"Not my job\"", "Some agents saw health talk as outside their role.", 3,
                     {ComB::M_Re, ComB::O_So},
                     {quote("I'm a receptionist, not a nurse.", "P8", "MECC agent", 200)}}},
        {}});

    s.heat_map = {{macro, {0, 0, 6, 1, 3, 0}}, {org, {1, 2, 14, 5, 4, 1}},
                  {trainer, {0, 4, 1, 2, 3, 2}}, {agent, {0, 2, 0, 3, 5, 1}}};
    s.balance = {{macro, 7, 3}, {org, 16, 6}, {trainer, 2, 8}, {agent, 6, 1}};
    s.totals = {9, 9, 214};
    return s;
}

exporters::Codebook sample_codebook() {
    exporters::Codebook c;
    c.meta = sample_meta();
    c.rows.push_back({"Resources", 0, "Anything about money, staff or kit.", "", "", "", {}, {},
                      std::nullopt, std::nullopt, 31, 8, "#1F77B4"});
    c.rows.push_back({"Resources/Funding", 1, "Money for MECC & its posts.",
                      "Budgets, grants, \"pilot\" money.", "Staff time (code as Time).",
                      "We never knew if the money would last past March.", {ComB::O_Ph},
                      {"Environmental context and resources"}, LevelTag{Level::macro, {}},
                      Valence::barrier, 12, 5, "#D62728"});
    c.rows.push_back({"Resources/Time_for_training", 1, "Protected time, or its lack.",
                      "Rotas, cover, shifts; 50% rule.", "", "I'd love to do it,\nbut there's no time",
                      {ComB::O_Ph, ComB::M_Re},
                      {"Environmental context and resources", "Beliefs about consequences"},
                      LevelTag{Level::organisational, {}}, Valence::mixed, 19, 7, ""});
    c.rows.push_back({"Trainer confidence \U0001F4AA", 0, "Trainers' belief they can teach it.",
                      "", "", "", {ComB::C_Ps}, {}, LevelTag{Level::individual, "trainer"},
                      Valence::facilitator, 6, 2, "#2CA02C"});
    return c;
}

}  // namespace comb::tests
