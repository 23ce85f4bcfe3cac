// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Passages: the unit of the search index, so every hit is quotable text. A passage is a
// speaker turn's body (the label is not content), else a paragraph; one longer than
// kMaxPassageWords is split at sentence boundaries. Pure functions over a document's text.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace comb::index {

inline constexpr int kMaxPassageWords = 120;

struct PassageSpan {
    core::Span span;      // code points, trimmed of surrounding white space
    std::string speaker;  // empty outside speaker turns
    friend bool operator==(const PassageSpan&, const PassageSpan&) = default;
};

// The passages of `doc` in text order, never overlapping, never empty. Turns come first;
// paragraphs outside every turn are passages too; without turns or paragraphs, blocks of
// text separated by blank lines. `text` is the document's text (valid UTF-8). With `only`,
// just the passages of turns and paragraphs overlapping one of those spans (the same
// passages a full split gives there; cheaper when one coding changed in a long transcript).
std::vector<PassageSpan> split_passages(const core::Document& doc, std::string_view text,
                                        const std::vector<core::Span>* only = nullptr);

}  // namespace comb::index
