// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Report models: plain values that the analysis layer fills from a project and the writers
// render. Nothing here reads a project and no writer counts or selects anything: what is in a
// model is what appears, in the order given. All text is UTF-8.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/tags.h"

namespace comb::exporters {

// What a paper must say about how the analysis was done (COREQ items 24-29), stated in every
// export that has room for it.
struct ReportMeta {
    std::string project;                  // project name or report title
    std::string software = "Comb 0.1.0";  // name and version
    std::vector<std::string> coders;      // in the order they should be credited
    // ISO date "2024-05-01", fixed by the caller: writers never read a clock, so the same model
    // gives the same bytes. Formats that store a timestamp (DOCX, XLSX) use midnight UTC of it.
    std::string date;
    std::string quote_rule;  // how quotes were chosen; empty: not stated
    // The inter-coder agreement last computed (`comb agreement`), e.g. "Cohen's kappa 0.65,
    // Krippendorff's alpha 0.65 (ann, bob; 12 codes; character level)"; empty: none computed.
    std::string agreement;
    // The audit trail the report cites ("history.csv, 215 actions"); empty: none cited.
    std::string audit_trail;
};

// One illustrative quote and where it comes from.
struct Quote {
    std::string text;         // as it should appear; may hold newlines
    std::string participant;  // quote identifier, "P4"
    std::string attribute;    // e.g. "MECC trainer"; may be empty
    std::string document;     // document name
    core::Span span;          // code points in that document
};

// ---- Theme table: Theme | Subtheme | Level | COM-B | Barrier/Facilitator | Description |
//      Illustrative quotes (participant id) | n participants

// One side (barriers or facilitators) of a theme row in the barrier/facilitator layout: the
// row's codes tagged with that valence (mixed codes count on both sides), their COM-B and the
// distinct participants with a coding of them.
struct ThemeSide {
    std::vector<std::string> codes;  // code names, tree order
    std::vector<core::ComB> comb;
    int n_participants = 0;
};

struct ThemeRow {
    std::string theme;
    std::string subtheme;                  // empty when the row is the theme itself
    std::optional<core::LevelTag> level;   // rendered "Individual (trainer)"
    std::vector<core::ComB> comb;          // rendered "O.Ph, M.Re"; labels in a legend
    std::optional<core::Valence> valence;  // barrier, facilitator or mixed
    std::string description;
    std::vector<Quote> quotes;  // already chosen and ordered (pinned first, document order)
    int n_participants = 0;
    ThemeSide barriers = {};  // for ThemeTableLayout::barriers_facilitators
    ThemeSide facilitators = {};
};

struct ThemeTable {
    ReportMeta meta;
    std::vector<ThemeRow> rows;  // rows of one theme are adjacent
};

// ---- Barrier/facilitator summary for programme leads

struct SummaryItem {
    std::string label;        // "Protected time for training"
    std::string description;  // one or two sentences; may be empty
    int n_participants = 0;   // distinct participants who raised it
    std::vector<core::ComB> comb;
    std::vector<Quote> quotes;  // one or two
};

// One level (and actor): the barriers and facilitators found there.
struct SummaryGroup {
    core::LevelTag level;
    std::string heading;  // empty: "Macro level", "Individual level: trainer"
    std::vector<SummaryItem> barriers;
    std::vector<SummaryItem> facilitators;
};

// Counts per COM-B sub-component (in kAllComB order) for one level column of the heat map.
struct HeatMapColumn {
    core::LevelTag level;
    std::array<int, 6> counts{};  // index i counts core::kAllComB[i]
};

// Barriers against facilitators at one level, for the bar chart.
struct LevelBalance {
    core::LevelTag level;
    int barriers = 0;
    int facilitators = 0;
};

struct SummaryTotals {
    int participants = 0;
    int documents = 0;
    int codings = 0;
};

struct Summary {
    ReportMeta meta;  // meta.project is the title
    std::vector<SummaryGroup> groups;  // macro, organisational, then individual by actor
    // What the heat map and bar chart count, as a plural noun ("coded segments").
    std::string count_unit = "coded segments";
    std::vector<HeatMapColumn> heat_map;
    std::vector<LevelBalance> balance;
    SummaryTotals totals;
};

// ---- Codebook

struct CodebookRow {
    std::string path;  // "Parent/Child"
    int depth = 0;     // 0 for a top-level code
    std::string definition;
    std::string inclusion;
    std::string exclusion;
    std::string example;
    std::vector<core::ComB> comb;
    std::vector<std::string> tdf;  // canonical TDF domain names
    std::optional<core::LevelTag> level;
    std::optional<core::Valence> valence;
    int n_codings = 0;
    int n_cases = 0;
    std::string colour;  // "#RRGGBB"; empty: none
};

struct Codebook {
    ReportMeta meta;
    std::vector<CodebookRow> rows;  // tree order: a parent before its children
};

// ---- Agreement table: coders, code, document, units, the 2×2 counts, PA, κ, α and labels
// (analysis/agreement_table.h fills it), one row per code (or code × document), then pooled.

struct AgreementReport {
    ReportMeta meta;
    std::string title;  // empty: "Inter-coder agreement"
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string note;  // how the units were counted; under the table
};

}  // namespace comb::exporters
