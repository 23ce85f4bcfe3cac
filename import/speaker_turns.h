// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Speaker labels at the start of paragraphs ("Interviewer:", "P3:", "[id1]") and the turns
// they open. Shared by every reader: readers find paragraphs, this file finds who speaks.
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "import/imported_document.h"
#include "import/registry.h"

namespace comb::importers {

struct SpeakerLabel {
    std::string speaker;      // as written, without colon or brackets
    std::size_t length = 0;   // bytes from the paragraph start to the body (label + spaces)
    bool certain = false;     // a well-known label, a caller's pattern or a format's markup;
                              // other candidates ("Note:") need corroboration in the document
};

// Recognises speaker labels. Built-in forms, tried after the caller's patterns:
//   "Name:" where Name is at most 3 words and 40 characters, starts with a capital letter, and
//   each word starts with a capital or a digit ("Interviewer", "P3", "Participant 3", "Researcher 1");
//   "[Name]" (optionally followed by ":") with a short name that is not a transcription note
//   ("[laughs]", "[inaudible]") or a timestamp.
class SpeakerMatcher {
public:
    // Throws core::InputError::argument when a caller's pattern is not a valid
    // ECMAScript regex or has no capture group.
    explicit SpeakerMatcher(const ReadOptions& options);

    // The label at the start of `paragraph`, if any. Never throws.
    std::optional<SpeakerLabel> match(std::string_view paragraph) const;

    // Interviewer, INT, I, Q, Researcher, Researcher 1, Moderator, Facilitator (any case, with an
    // optional number), plus the caller's names.
    bool is_interviewer(std::string_view speaker) const;

private:
    std::vector<std::regex> patterns_;
    std::vector<std::string> interviewers_;  // lower case
};

// Turns over `paragraphs` of `text`: a turn starts at a labelled paragraph and runs to the end
// of the paragraph before the next label. Paragraphs before the first label belong to no turn.
// `hints[i]`, when present, is a label of paragraph i already known from markup (a bold
// "Name:" run in Word); it wins over text matching. Uncertain labels count only when the
// document has a certain label or some speaker labels two paragraphs.
std::vector<ImportedTurn> detect_turns(std::string_view text, const std::vector<core::Span>& paragraphs,
                                       const SpeakerMatcher& matcher,
                                       const std::vector<std::optional<SpeakerLabel>>& hints = {});

}  // namespace comb::importers
