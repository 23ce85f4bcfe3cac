// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builders that fill export's report models (export/report_models.h) from a project. The
// writers only render; every choice of what a report says is made here.
//
// Theme table: one row per top-level theme without subthemes; a theme with subthemes gets a
// heading row (its description, counts over all its codes, quotes only from its own member
// codes) and one row per subtheme (deeper subthemes fold into theirs). A row's codes are its
// member codes and their descendant codes. Level: the level most of those codes are tagged
// with (ties: the higher level), with the actor they share if they all share one. COM-B: the
// union of their effective COM-B. Valence: barrier or facilitator when all tagged codes agree,
// mixed when they differ (neutral counts only when nothing else is tagged). n participants:
// distinct participants with a coding of those codes (interviewer-only codings excluded).
// Barriers and facilitators (the side-by-side layout): the row's codes tagged barrier (or
// facilitator; mixed on both sides) by name, their COM-B union and their participants.
// Quotes: quotes.h.
//
// Summary: one group per level tag in use (macro, organisational, individual by actor). Items
// are codes: a code's codings whose effective level is the group's and whose valence is barrier
// (or facilitator) make it a barrier (or facilitator) there; mixed makes it both. Items are
// sorted by participants (most first), then label. Heat map and balance count coded segments
// by effective tags (mixed counts as a barrier and as a facilitator).
//
// Codebook: every code in tree order with its own codings and distinct cases.
#include <string>

#include "analysis/coding_facts.h"
#include "analysis/quotes.h"
#include "export/report_models.h"

namespace comb::analysis {

struct ReportOptions {
    std::string project;  // the title: usually the project file's stem
    std::string date;     // ISO "2025-03-12": fixed by the caller (CLI --date, default today)
    QuoteRule quotes;
    int summary_quotes = 2;
    std::string agreement;  // the agreement last computed, for the COREQ line; empty: none
    std::string audit_trail;  // cited in the provenance footer (ReportMeta::audit_trail)
};

// The project setting where `comb agreement` keeps the figure it computed last.
inline constexpr const char* kAgreementSetting = "last_agreement";

exporters::ThemeTable build_theme_table(const CodingFacts& facts, const core::Repository& repo,
                                        const ReportOptions& options);
exporters::Summary build_summary(const CodingFacts& facts, const core::Repository& repo,
                                 const ReportOptions& options);
exporters::Codebook build_codebook(const CodingFacts& facts, const ReportOptions& options);

}  // namespace comb::analysis
