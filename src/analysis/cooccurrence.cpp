// SPDX-License-Identifier: GPL-3.0-or-later
// Code co-occurrence (matrix.h states the rules).
#include <algorithm>
#include <stdexcept>
#include <set>

#include "analysis/matrix.h"

namespace comb::analysis {
namespace {

// The passages of a document: speaker turns, else paragraphs, else the whole text.
std::vector<core::Span> passages_of(const core::Document& doc) {
    std::vector<core::Span> out;
    for (const auto& t : doc.turns) out.push_back(t.span);
    if (out.empty()) out = doc.paragraphs;
    if (out.empty()) out.push_back({core::CodePoint(0), core::CodePoint(doc.chars)});
    std::sort(out.begin(), out.end());
    return out;
}

class PairCounter {
public:
    PairCounter(std::size_t n_codes, std::size_t n_cases, CountUnit unit)
        : n_codes_(n_codes), n_cases_(n_cases), unit_(unit), cells_(n_codes, std::vector<std::int64_t>(n_codes, 0)) {}

    void add(std::int32_t a, std::int32_t b, std::int32_t case_) {
        if (a == b) return;
        if (a > b) std::swap(a, b);
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        if (unit_ == CountUnit::cases) {
            if (!seen_.insert((ua * n_codes_ + ub) * n_cases_ + static_cast<std::size_t>(case_)).second) return;
        }
        ++cells_[ua][ub];
        ++cells_[ub][ua];
    }
    std::vector<std::vector<std::int64_t>>& cells() { return cells_; }

private:
    std::size_t n_codes_, n_cases_;
    CountUnit unit_;
    std::vector<std::vector<std::int64_t>> cells_;
    std::set<std::uint64_t> seen_;
};

// Pairs of one document's codings (use[begin, end)) that overlap.
void count_overlaps(const CodingFacts& facts, const std::vector<std::size_t>& use, std::size_t begin, std::size_t end,
                    PairCounter& pairs) {
    for (std::size_t x = begin; x < end; ++x) {
        const auto& a = facts.codings[use[x]];
        for (std::size_t y = x + 1; y < end && facts.codings[use[y]].start < a.end; ++y) {
            pairs.add(a.code, facts.codings[use[y]].code, a.case_);
        }
    }
}

// Pairs of distinct codes applied within one passage of one document (use[begin, end)).
void count_in_passages(const CodingFacts& facts, const std::vector<std::size_t>& use, std::size_t begin,
                       std::size_t end, PairCounter& pairs) {
    const auto doc = facts.codings[use[begin]].doc;
    const auto spans = passages_of(facts.documents[static_cast<std::size_t>(doc)]);
    std::vector<std::vector<std::int32_t>> codes_in(spans.size());
    for (std::size_t x = begin; x < end; ++x) {
        const auto& a = facts.codings[use[x]];
        const core::Span span{core::CodePoint(a.start), core::CodePoint(a.end)};
        // First passage that could overlap: the last one starting at or before a.start.
        auto it = std::upper_bound(spans.begin(), spans.end(), a.start,
                                   [](std::int64_t s, const core::Span& p) { return s < p.start.value; });
        if (it != spans.begin()) --it;
        for (; it != spans.end() && it->start.value < a.end; ++it) {
            if (it->overlaps(span)) codes_in[static_cast<std::size_t>(it - spans.begin())].push_back(a.code);
        }
    }
    const auto case_ = facts.codings[use[begin]].case_;
    for (auto& codes : codes_in) {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        for (std::size_t x = 0; x < codes.size(); ++x) {
            for (std::size_t y = x + 1; y < codes.size(); ++y) pairs.add(codes[x], codes[y], case_);
        }
    }
}

}  // namespace

Matrix cooccurrence(const CodingFacts& facts, const CooccurrenceSpec& spec) {
    if (facts.counts_only()) throw std::logic_error("co-occurrence needs each coding, not counts (CodingFacts::load)");
    const auto kept = kept_codings(facts, spec.within);
    const bool by_case = spec.count == CountUnit::cases;
    // Codings that take part: kept, and for distinct-case counts, a participant's.
    std::vector<std::size_t> use;
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        const auto& c = facts.codings[i];
        if (!kept[i]) continue;
        if (by_case && (c.case_ == kNone || c.interviewer_only)) continue;
        use.push_back(i);
    }
    PairCounter pairs(facts.codes.size(), std::max<std::size_t>(facts.cases.size(), 1), spec.count);

    // Own counts on the diagonal.
    std::set<std::pair<std::int32_t, std::int32_t>> code_cases;
    std::vector<std::int64_t> own(facts.codes.size(), 0);
    for (const auto i : use) {
        const auto& c = facts.codings[i];
        if (!by_case || code_cases.insert({c.code, c.case_}).second) ++own[static_cast<std::size_t>(c.code)];
    }

    // Codings are in document order, sorted by start within a document.
    std::size_t begin = 0;
    while (begin < use.size()) {
        const auto doc = facts.codings[use[begin]].doc;
        std::size_t end = begin;
        while (end < use.size() && facts.codings[use[end]].doc == doc) ++end;
        if (spec.scope == CooccurrenceScope::overlap) count_overlaps(facts, use, begin, end, pairs);
        else count_in_passages(facts, use, begin, end, pairs);
        begin = end;
    }

    Matrix m;
    for (std::size_t c = 0; c < facts.codes.size(); ++c) m.rows.push_back(facts.code_path(static_cast<std::int32_t>(c)));
    m.cols = m.rows;
    m.corner = "codes";
    m.cells = std::move(pairs.cells());
    for (std::size_t c = 0; c < own.size(); ++c) m.cells[c][c] = own[c];
    return m;
}

}  // namespace comb::analysis
