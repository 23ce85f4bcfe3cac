// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Illustrative quotes: which codings to quote and how to shorten them.
// Selection (theme table, summary): at most `max_quotes`, one per participant, pinned codings
// first, then in document order; interviewer-only codings are never quoted. A coding of a
// document without a case stands for a participant named after the document.
// Shortening: whitespace runs (line breaks included) become one space; a quote longer than
// `max_chars` code points keeps its leading whole sentences that fit and ends " …"; when even
// the first sentence is too long, it is cut at a word boundary and ends "…".
#include <map>
#include <string>
#include <vector>

#include "analysis/coding_facts.h"
#include "export/report_models.h"

namespace comb::analysis {

struct QuoteRule {
    int max_quotes = 3;
    std::int64_t max_chars = 300;
    // The sentence a report states as its quote rule; `per` names what holds the quotes.
    std::string describe(const std::string& per = "row") const;
};

// Shortens `text` as described above.
std::string shorten_quote(const std::string& text, std::int64_t max_chars);

// Document texts, read on first use.
class TextCache {
public:
    explicit TextCache(const core::Repository& repo) : repo_(repo) {}
    const std::string& text(const CodingFacts& facts, std::int32_t doc);

private:
    const core::Repository& repo_;
    std::map<std::int32_t, std::string> texts_;
};

// Chooses quotes among `candidates` (indices into facts.codings, any order).
std::vector<std::size_t> choose_quotes(const CodingFacts& facts, std::vector<std::size_t> candidates, int max_quotes);

// The participant a coding speaks for: its case name, else its document's name.
std::string participant_of(const CodingFacts& facts, const CodingRow& row);

exporters::Quote make_quote(const CodingFacts& facts, TextCache& texts, std::size_t coding, const QuoteRule& rule);

}  // namespace comb::analysis
