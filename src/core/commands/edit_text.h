// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Correcting a transcript: one command per edit, so each correction undoes on its own.
#include <string>

#include "core/command.h"

namespace comb::core {

// Replaces [span) of a document's text by `text` (an empty span inserts, empty text deletes).
// Codings, memos on codings, turns and paragraphs are realigned (core/text_edits.h); codings
// whose whole text is deleted are removed with their memos: they are the erased Coding rows
// of the returned change set (removed_codings()).
class EditText : public Command {
public:
    EditText(DocumentId document, Span span, std::string text)
        : document_(document), span_(span), text_(std::move(text)) {}
    std::string label() const override;
    // Throws InputError for an unknown document, a span outside its text, invalid UTF-8, or
    // an edit that changes nothing (then nothing is recorded).
    ChangeSet plan(Repository& repo) const override;

private:
    DocumentId document_;
    Span span_;
    std::string text_;
};

// The codings a change set removed (erased and not put back), in document order.
std::vector<Coding> removed_codings(const ChangeSet& changes);

}  // namespace comb::core
