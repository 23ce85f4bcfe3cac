// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/passages.h"

#include <algorithm>

#include "core/utf8.h"

namespace comb::index {
namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xA0 ||
           c == 0x2028 || c == 0x2029 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

bool ends_sentence(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == 0x2026; }
bool closes_quote(char32_t c) {
    return c == U'"' || c == U'\'' || c == U')' || c == U']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

using Text = std::vector<char32_t>;

// Shrinks [start, end) to exclude white space at both ends.
core::Span trim(const Text& t, std::int64_t start, std::int64_t end) {
    while (start < end && is_space(t[static_cast<std::size_t>(start)])) ++start;
    while (end > start && is_space(t[static_cast<std::size_t>(end - 1)])) --end;
    return {core::CodePoint(start), core::CodePoint(end)};
}

int count_words(const Text& t, std::int64_t start, std::int64_t end) {
    int n = 0;
    bool in_word = false;
    for (auto i = start; i < end; ++i) {
        const bool space = is_space(t[static_cast<std::size_t>(i)]);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// Ends of sentences in [start, end): positions just after a sentence's closing punctuation
// (and any closing quotes), where white space follows; a line break ends a sentence too.
std::vector<std::int64_t> sentence_ends(const Text& t, std::int64_t start, std::int64_t end) {
    std::vector<std::int64_t> out;
    for (auto i = start; i < end; ++i) {
        const char32_t c = t[static_cast<std::size_t>(i)];
        if (c == U'\n') { out.push_back(i); continue; }
        if (!ends_sentence(c)) continue;
        auto j = i + 1;
        while (j < end && closes_quote(t[static_cast<std::size_t>(j)])) ++j;
        if (j < end && is_space(t[static_cast<std::size_t>(j)])) { out.push_back(j); i = j; }
    }
    out.push_back(end);
    return out;
}

// Splits [start, end) into pieces of at most kMaxPassageWords words at word boundaries;
// for a run-on "sentence" (automatic transcripts rarely punctuate).
void split_words(const Text& t, std::int64_t start, std::int64_t end, std::vector<core::Span>& out) {
    int words = 0;
    bool in_word = false;
    auto piece = start;
    for (auto i = start; i < end; ++i) {
        const bool space = is_space(t[static_cast<std::size_t>(i)]);
        if (!space && !in_word) {
            if (words == kMaxPassageWords) {
                out.push_back(trim(t, piece, i));
                piece = i;
                words = 0;
            }
            ++words;
        }
        in_word = !space;
    }
    out.push_back(trim(t, piece, end));
}

// One unit (turn body or paragraph) as one or more passages.
void split_unit(const Text& t, core::Span unit, std::vector<core::Span>& out) {
    const core::Span s = trim(t, unit.start.value, unit.end.value);
    if (s.empty()) return;
    if (count_words(t, s.start.value, s.end.value) <= kMaxPassageWords) { out.push_back(s); return; }
    auto piece = s.start.value;
    int piece_words = 0;
    auto last = s.start.value;
    for (const auto cut : sentence_ends(t, s.start.value, s.end.value)) {
        const int words = count_words(t, last, cut);
        if (piece_words > 0 && piece_words + words > kMaxPassageWords) {
            out.push_back(trim(t, piece, last));
            piece = last;
            piece_words = 0;
        }
        if (piece_words == 0 && words > kMaxPassageWords) {
            split_words(t, last, cut, out);
            piece = cut;
        } else {
            piece_words += words;
        }
        last = cut;
    }
    if (piece_words > 0) out.push_back(trim(t, piece, s.end.value));
}

// Blocks separated by blank lines, for documents that came without paragraphs.
std::vector<core::Span> blocks(const Text& t) {
    std::vector<core::Span> out;
    std::int64_t start = 0;
    const auto n = static_cast<std::int64_t>(t.size());
    for (std::int64_t i = 0; i < n; ++i) {
        if (t[static_cast<std::size_t>(i)] != U'\n') continue;
        auto j = i + 1;
        while (j < n && (t[static_cast<std::size_t>(j)] == U' ' || t[static_cast<std::size_t>(j)] == U'\t' ||
                         t[static_cast<std::size_t>(j)] == U'\r')) ++j;
        if (j < n && t[static_cast<std::size_t>(j)] == U'\n') {
            out.push_back({core::CodePoint(start), core::CodePoint(i)});
            start = j;
            i = j;
        }
    }
    out.push_back({core::CodePoint(start), core::CodePoint(n)});
    return out;
}

}  // namespace

std::vector<PassageSpan> split_passages(const core::Document& doc, std::string_view text,
                                        const std::vector<core::Span>* only) {
    const Text t = core::utf8::decode(text);
    const auto n = static_cast<std::int64_t>(t.size());
    auto clamp = [n](core::Span s) {
        return core::Span{core::CodePoint(std::clamp<std::int64_t>(s.start.value, 0, n)),
                          core::CodePoint(std::clamp<std::int64_t>(s.end.value, 0, n))};
    };
    struct Unit {
        core::Span span;
        std::string speaker;
    };
    std::vector<Unit> units;
    for (const auto& turn : doc.turns) {
        const core::Span body = clamp(turn.body.empty() ? turn.span : turn.body);
        units.push_back({body, turn.speaker});
    }
    auto outside_turns = [&](core::Span p) {
        return std::none_of(doc.turns.begin(), doc.turns.end(), [&](const core::Turn& turn) { return turn.span.overlaps(p); });
    };
    if (!doc.paragraphs.empty()) {
        for (const auto& p : doc.paragraphs) if (outside_turns(p)) units.push_back({clamp(p), {}});
    } else if (doc.turns.empty()) {
        for (const auto& b : blocks(t)) units.push_back({b, {}});
    }
    std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.span < b.span; });

    std::vector<PassageSpan> out;
    std::int64_t covered = 0;  // passages never overlap, even if turns from a reader do
    auto wanted = [only](core::Span unit) {
        return !only || std::any_of(only->begin(), only->end(), [&](const core::Span& s) {
                   return s.overlaps(unit) || (s.empty() && unit.start <= s.start && s.start < unit.end);
               });
    };
    for (const auto& u : units) {
        if (!wanted(u.span)) {
            // Where a full split would have ended, so overlapping turns clamp alike.
            const core::Span kept = trim(t, std::max(u.span.start.value, covered), u.span.end.value);
            if (!kept.empty()) covered = kept.end.value;
            continue;
        }
        std::vector<core::Span> pieces;
        split_unit(t, {core::CodePoint(std::max(u.span.start.value, covered)), u.span.end}, pieces);
        for (const auto& p : pieces) {
            if (p.empty()) continue;
            out.push_back({p, u.speaker});
            covered = p.end.value;
        }
    }
    return out;
}

}  // namespace comb::index
