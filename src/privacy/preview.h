// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every replacement a key would make, in context, before anything changes: for the
// pseudonymise dialog and `comb pseudonymise --dry-run`.
#include <string>
#include <vector>

#include "core/repository.h"
#include "privacy/key_matcher.h"

namespace comb::privacy {

struct Replacement {
    std::string where;         // "document P01", "case P01", "memo 4", "attribute role of P01", ...
    std::optional<core::DocumentId> document;  // when in a document's text
    core::Span span;           // code points of that text (or of the field)
    std::string before;        // context before, up to `context` code points
    std::string found;         // the original as written
    std::string replacement;   // the pseudonym in the same case form
    std::string after;         // context after
};

// In order: document texts (import order, then position), then names, attributes, memos,
// codes, themes.
std::vector<Replacement> preview(const core::Repository& repo, const KeyMatcher& key, int context = 30);

}  // namespace comb::privacy
