// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/speaker_turns.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/error.h"
#include "core/utf8.h"

namespace comb::importers {
namespace {

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxNameWords = 3;
// std::regex recurses per character; labels are short, so patterns only ever see this prefix.
constexpr std::size_t kPatternWindow = 256;

// Lower-case names that are labels whatever the document (digits stripped: "P3" -> "p").
constexpr std::array<std::string_view, 17> kKnownSpeakers = {
    "interviewer", "int", "i", "q", "a", "r", "p", "participant", "respondent", "interviewee",
    "researcher", "moderator", "facilitator", "speaker", "resp", "iv", "ie"};
constexpr std::array<std::string_view, 8> kInterviewers = {
    "interviewer", "int", "i", "q", "researcher", "moderator", "facilitator", "iv"};
// Bracketed words transcribers use for events, not speakers.
constexpr std::array<std::string_view, 16> kTranscriptionNotes = {
    "laughs", "laughter", "laughing", "inaudible", "crosstalk", "pause", "silence", "unclear",
    "overlapping", "overtalk", "sic", "coughs", "sighs", "indistinct", "redacted", "break"};

std::string fold(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

// "Researcher 1" -> "researcher", "P3" -> "p".
std::string base_name(std::string_view speaker) {
    std::string f = fold(speaker);
    while (!f.empty() && (std::isdigit(static_cast<unsigned char>(f.back())) || f.back() == ' ')) f.pop_back();
    return f;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

bool starts_word(char32_t c) { return u_isupper(c) || u_istitle(c) || u_isdigit(c) || (u_isalpha(c) && !u_islower(c)); }
bool inside_word(char32_t c) {
    return u_isalpha(c) || u_isdigit(c) || c == U'.' || c == U'\'' || c == U'-' || c == U'\u2019';
}

// "Participant 3", "Dr. Amal Haddad": 1-3 words separated by single spaces, capitalised.
bool looks_like_name(std::string_view name) {
    const std::vector<char32_t> cps = core::utf8::decode(name);
    if (cps.empty() || cps.size() > kMaxNameChars || !u_isalpha(cps.front()) || u_islower(cps.front())) return false;
    std::size_t words = 1;
    bool word_start = true;
    for (char32_t c : cps) {
        if (c == U' ') {
            if (word_start) return false;  // double space or leading space
            word_start = true;
            ++words;
            continue;
        }
        if (word_start ? !starts_word(c) : !inside_word(c)) return false;
        word_start = false;
    }
    return !word_start && words <= kMaxNameWords;
}

bool is_known(std::string_view speaker) { return contains(kKnownSpeakers, base_name(speaker)); }

std::optional<SpeakerLabel> match_colon(std::string_view p) {
    // A name has at most 40 characters of at most 4 bytes: never scan a long paragraph.
    const std::size_t colon = p.substr(0, kMaxNameChars * 4 + 1).find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    if (colon + 1 < p.size() && !is_space(p[colon + 1])) return std::nullopt;  // "10:33", "http://"
    const std::string_view name = p.substr(0, colon);
    if (!looks_like_name(name)) return std::nullopt;
    return SpeakerLabel{std::string(name), skip_spaces(p, colon + 1), is_known(name)};
}

std::optional<SpeakerLabel> match_bracket(std::string_view p) {
    if (p.empty() || p[0] != '[') return std::nullopt;
    const std::size_t close = p.find(']');
    if (close == std::string_view::npos || close < 2 || close > kMaxNameChars * 4 + 1) return std::nullopt;
    std::string_view name = p.substr(1, close - 1);
    if (name.find_first_of("[\n") != std::string_view::npos || is_space(name.front()) || is_space(name.back())) {
        return std::nullopt;
    }
    if (std::isdigit(static_cast<unsigned char>(name.front())) || contains(kTranscriptionNotes, fold(name))) {
        return std::nullopt;  // a timestamp or an event
    }
    if (core::utf8::length(name) > static_cast<std::int64_t>(kMaxNameChars)) return std::nullopt;
    std::size_t end = close + 1;
    if (end < p.size() && p[end] == ':') ++end;
    if (end < p.size() && !is_space(p[end])) return std::nullopt;
    return SpeakerLabel{std::string(name), skip_spaces(p, end), is_known(name)};
}

}  // namespace

SpeakerMatcher::SpeakerMatcher(const ReadOptions& options) {
    for (const std::string& pattern : options.speaker_patterns) {
        try {
            std::regex re(pattern, std::regex::ECMAScript);
            if (re.mark_count() < 1) {
                throw core::InputError::argument("speaker pattern needs a capture group for the name: " + pattern);
            }
            patterns_.push_back(std::move(re));
        } catch (const std::regex_error& e) {
            throw core::InputError::argument("invalid speaker pattern " + pattern + ": " + e.what());
        }
    }
    for (const std::string& name : options.interviewer_names) interviewers_.push_back(fold(name));
}

std::optional<SpeakerLabel> SpeakerMatcher::match(std::string_view paragraph) const {
    const std::string_view window = paragraph.substr(0, kPatternWindow);
    for (const std::regex& re : patterns_) {
        std::match_results<std::string_view::const_iterator> m;
        if (!std::regex_search(window.begin(), window.end(), m, re, std::regex_constants::match_continuous)) continue;
        if (m.length(0) == 0 || !m[1].matched || m.length(1) == 0) continue;
        const auto end = static_cast<std::size_t>(m.length(0));
        // A window cut inside a UTF-8 sequence cannot end a label; never split a code point.
        if (end < paragraph.size() && (static_cast<unsigned char>(paragraph[end]) & 0xC0) == 0x80) continue;
        return SpeakerLabel{m.str(1), skip_spaces(paragraph, end), true};
    }
    if (auto label = match_bracket(paragraph)) return label;
    return match_colon(paragraph);
}

bool SpeakerMatcher::is_interviewer(std::string_view speaker) const {
    const std::string folded = fold(speaker);
    if (std::find(interviewers_.begin(), interviewers_.end(), folded) != interviewers_.end()) return true;
    return contains(kInterviewers, base_name(speaker));
}

std::vector<ImportedTurn> detect_turns(std::string_view text, const std::vector<core::Span>& paragraphs,
                                       const SpeakerMatcher& matcher,
                                       const std::vector<std::optional<SpeakerLabel>>& hints) {
    const core::utf8::OffsetMap offsets(text);
    std::vector<std::optional<SpeakerLabel>> labels(paragraphs.size());
    std::vector<std::size_t> label_bytes(paragraphs.size(), 0);
    std::map<std::string, int> uses;
    bool any_certain = false;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::size_t begin = offsets.byte_offset(paragraphs[i].start);
        const std::string_view para = text.substr(begin, offsets.byte_offset(paragraphs[i].end) - begin);
        labels[i] = i < hints.size() && hints[i] ? hints[i] : matcher.match(para);
        if (!labels[i]) continue;
        labels[i]->length = std::min(labels[i]->length, para.size());
        label_bytes[i] = labels[i]->length;
        any_certain = any_certain || labels[i]->certain;
        ++uses[fold(labels[i]->speaker)];
    }
    // One recurring or well-known label shows the document is a transcript; then every
    // label counts. A lone "Note:" in prose does not.
    const bool transcript = any_certain || std::any_of(uses.begin(), uses.end(), [](const auto& u) { return u.second >= 2; });
    auto accepted = [&](std::size_t i) { return labels[i] && transcript; };

    std::vector<ImportedTurn> turns;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (!accepted(i)) continue;
        std::size_t last = i;
        while (last + 1 < paragraphs.size() && !accepted(last + 1)) ++last;
        const std::size_t begin = offsets.byte_offset(paragraphs[i].start);
        ImportedTurn turn;
        turn.span = {paragraphs[i].start, paragraphs[last].end};
        const auto label_cps = core::utf8::length(text.substr(begin, label_bytes[i]));
        turn.body = {core::CodePoint(paragraphs[i].start.value + label_cps), turn.span.end};
        // A label alone in its paragraph: the words start in the next one.
        if (turn.body.start == paragraphs[i].end && last > i) turn.body.start = paragraphs[i + 1].start;
        turn.speaker = labels[i]->speaker;
        turn.is_interviewer = matcher.is_interviewer(turn.speaker);
        turns.push_back(std::move(turn));
        i = last;
    }
    return turns;
}

}  // namespace comb::importers
