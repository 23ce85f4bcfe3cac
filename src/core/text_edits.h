// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Changing a document's text while keeping everything anchored in it on its words.
// An edit replaces a range of code points by new text. Spans after it move; a span that
// contains the edit grows or shrinks with it; a span partly cut keeps what is left; a span
// whose whole text is deleted is gone (reported, never silently moved elsewhere).
// Used by EditText (one correction) and by pseudonymisation (many replacements at once).
#include <optional>
#include <string>
#include <vector>

#include "change_set.h"
#include "repository.h"

namespace comb::core {

struct TextEdit {
    Span range;         // replaced, in code points of the text before the edit
    std::string text;   // inserted, UTF-8 (empty: a deletion)
    friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

// Where `span` lies after replacing `range` by `inserted` code points; nullopt when all of
// its text was deleted. A pure insertion at a span's start or end stays outside the span;
// a replacement of exactly a span's text keeps the span on the new text.
std::optional<Span> realign(Span span, Span range, std::int64_t inserted);

// The text with the edits applied. Edits must be sorted by start and must not overlap.
// Throws InputError when an edit lies outside the text or edits overlap.
std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits);

// Plans the edits on one document into `changes`: a new text row (texts are immutable, so
// undo needs no copy), the document row (text, length, hash, paragraphs, turns), every coding
// realigned (updated) or removed with the memos on it. Edits sorted, not overlapping.
// Returns the codings removed because their whole text was deleted. Throws InputError.
std::vector<Coding> plan_text_edits(Repository& repo, const Document& doc, const std::vector<TextEdit>& edits,
                                    ChangeSet& changes);

// The document row after the edits, with `new_text` stored under `text_id` (no repository
// access: the paragraphs and turns realigned, chars and hash of the new text).
Document realigned_document(const Document& doc, const std::vector<TextEdit>& edits, std::string_view new_text,
                            TextId text_id);

}  // namespace comb::core
