// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/quotes.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"

namespace comb::analysis {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2028 || c == 0x2029; }
bool ends_sentence(char32_t c) { return c == '.' || c == '?' || c == '!' || c == 0x2026; }
bool closes_quote(char32_t c) { return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == ']'; }

std::string encode(const std::u32string& s, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) core::utf8::append(out, s[i]);
    return out;
}

}  // namespace

std::string QuoteRule::describe(const std::string& per) const {
    return "Illustrative quotes: up to " + std::to_string(max_quotes) + " per " + per + ", each from a different participant; quotes the analyst pinned come first, then in "
           "document order; long quotes are cut at a sentence boundary (\u2026).";
}

std::string shorten_quote(const std::string& text, std::int64_t max_chars) {
    // Normalise whitespace.
    std::u32string s;
    bool space = false;
    for (char32_t c : core::utf8::decode(text)) {
        if (is_space(c)) {
            space = !s.empty();
            continue;
        }
        if (space) s.push_back(' ');
        space = false;
        s.push_back(c);
    }
    const auto limit = static_cast<std::size_t>(std::max<std::int64_t>(max_chars, 1));
    if (s.size() <= limit) return encode(s, 0, s.size());
    // The end of the last whole sentence that fits.
    std::size_t cut = 0;
    for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
        if (!ends_sentence(s[i])) continue;
        std::size_t j = i + 1;
        while (j < s.size() && (closes_quote(s[j]) || ends_sentence(s[j]))) ++j;
        if (j <= limit && (j == s.size() || s[j] == ' ')) cut = j;
    }
    if (cut > 0) return encode(s, 0, cut) + " \u2026";
    // No sentence fits: cut at the last space before the limit (or hard at the limit).
    std::size_t at = limit;
    while (at > 0 && s[at] != ' ') --at;
    if (at == 0) at = limit;
    while (at > 0 && (s[at - 1] == ',' || s[at - 1] == ';' || s[at - 1] == ':' || s[at - 1] == ' ')) --at;
    return encode(s, 0, at) + "\u2026";
}

const std::string& TextCache::text(const CodingFacts& facts, std::int32_t doc) {
    auto it = texts_.find(doc);
    if (it == texts_.end()) it = texts_.emplace(doc, repo_.text(facts.documents[static_cast<std::size_t>(doc)].text_id)).first;
    return it->second;
}

std::string participant_of(const CodingFacts& facts, const CodingRow& row) {
    if (row.case_ != kNone) return facts.cases[static_cast<std::size_t>(row.case_)].name;
    return facts.documents[static_cast<std::size_t>(row.doc)].name;
}

std::vector<std::size_t> choose_quotes(const CodingFacts& facts, std::vector<std::size_t> candidates, int max_quotes) {
    // facts.codings is in document order, so index order is document order.
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::stable_partition(candidates.begin(), candidates.end(), [&](std::size_t i) { return facts.codings[i].pinned; });
    std::vector<std::size_t> chosen;
    std::set<std::string> participants;
    for (const auto i : candidates) {
        if (static_cast<int>(chosen.size()) >= max_quotes) break;
        const auto& row = facts.codings[i];
        if (row.interviewer_only) continue;
        if (!participants.insert(participant_of(facts, row)).second) continue;
        chosen.push_back(i);
    }
    return chosen;
}

exporters::Quote make_quote(const CodingFacts& facts, TextCache& texts, std::size_t coding, const QuoteRule& rule) {
    const auto& row = facts.codings[coding];
    const core::Span span{core::CodePoint(row.start), core::CodePoint(row.end)};
    exporters::Quote q;
    q.text = shorten_quote(std::string(core::utf8::slice(texts.text(facts, row.doc), span)), rule.max_chars);
    q.participant = participant_of(facts, row);
    q.attribute = facts.case_label(row.case_);
    q.document = facts.documents[static_cast<std::size_t>(row.doc)].name;
    q.span = span;
    return q;
}

}  // namespace comb::analysis
