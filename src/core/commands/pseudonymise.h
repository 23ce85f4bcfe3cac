// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pseudonymising the project with a key kept outside it (docs/privacy.md).
#include <string>

#include "core/command.h"
#include "core/pseudonyms.h"

namespace comb::core {

// Replaces every original of the key by its pseudonym in document texts (codings, turns and
// paragraphs realigned as in EditText), document and case names, document metadata, speaker
// names, attributes, memos, codes and themes: one undoable step. Unless `keep_originals`, it
// then replaces every original left in the undo history and in old text versions by a mask,
// so the file holds no original; undoing it then needs the key again.
class Pseudonymise : public Command {
public:
    // `key` must outlive the command.
    Pseudonymise(const NameMatcher& key, bool keep_originals) : key_(key), keep_(keep_originals) {}
    std::string label() const override { return "Pseudonymise"; }
    // Throws InputError when no original of the key occurs anywhere (nothing to do).
    ChangeSet plan(Repository& repo) const override;
    void after_recorded(Repository& repo, std::int64_t seq) const override;

private:
    const NameMatcher& key_;
    bool keep_;
};

}  // namespace comb::core
