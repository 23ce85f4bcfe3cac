// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The text other programs show for Comb's items: REFI-QDA <Description>s written for people,
// with no Comb machinery in them. Comb reads its own data back from comb.json (see
// comb_extension.h), never from these texts.
#include <string>

#include "core/model.h"

namespace comb::refi {

// "COM-B: Physical opportunity, Reflective motivation; TDF: Knowledge; level: individual
// (trainer); barrier" ("" for no tags).
std::string readable_tags(const core::TagSet& tags);

// "Definition: …", "Include when: …", "Exclude when: …", "Example: …" and the tags line, as
// paragraphs; "" when the code has none of them.
std::string readable_code(const core::Code& code);

// A memo as text: "Title: text", or the text when it has no title.
std::string memo_text(const core::Memo& memo);

// An item's own text followed by its memo: "own\n\nMemo: …", or the memo alone, or `own`.
std::string with_memo(const std::string& own, const core::Memo* memo);

// Joins non-empty parts with blank lines.
std::string paragraphs(std::initializer_list<std::string> parts);

}  // namespace comb::refi
