// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pseudonymisation as the core sees it: a NameMatcher (implemented outside the core, with
// ICU: src/privacy) finds the originals of a key in a text and says what replaces them.
//
// Inside the project, after pseudonymisation, an original survives only as a *mask*:
// U+E000, a case-form letter, the pseudonym, U+E001. Masks stand where originals stood in the
// undo history and in old text versions, so undo can give the originals back when the key is
// given again, and without the key nothing in the file names anyone (docs/privacy.md).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "change_set.h"
#include "repository.h"
#include "text_edits.h"

namespace comb::core {

inline constexpr char32_t kMaskOpen = 0xE000;
inline constexpr char32_t kMaskClose = 0xE001;

// True when `text` holds a mask (an original only the key can give back).
bool has_mask(std::string_view text);

class NameMatcher {
public:
    virtual ~NameMatcher() = default;
    // Every original of the key in `text`, whole words, as sorted non-overlapping edits that
    // put the pseudonym (masked = false) or the mask (masked = true) in its place.
    virtual std::vector<TextEdit> edits(std::string_view text, bool masked) const = 0;
    // `text` with every mask replaced by the original it stands for. Throws InputError when
    // the key has no original for a mask's pseudonym.
    virtual std::string unmask(std::string_view text) const = 0;

    std::string replace(std::string_view text, bool masked) const;
};

// Calls `fn` on every free-text field of the row: names, descriptions, definitions, memo
// titles and texts, attribute values and choices, document metadata values.
void for_each_text(Row& row, const std::function<void(std::string&)>& fn);

// True when a row of the change set holds a mask, or a document row of it points at a text
// that does.
bool needs_key(const ChangeSet& changes, const Repository& repo);

// Replaces every original by its mask in every undo history entry (labels get the pseudonym)
// and in every stored text, so the file keeps no original. Inside a transaction.
void scrub_originals(Repository& repo, const NameMatcher& key);

// Gives back the originals of `changes` (rows and the texts their documents point at).
// Inside a transaction. Throws InputError from NameMatcher::unmask.
void unmask_changes(Repository& repo, ChangeSet& changes, const NameMatcher& key);

// The settings key marking history entry `seq` as a pseudonymisation (redo must scrub again).
std::string pseudonymisation_mark(std::int64_t seq);

}  // namespace comb::core
