// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names a pseudonymisation key probably needs, for the user to review: capitalised words
// that are not at a sentence start, appear in several documents and never in lower case;
// speaker labels, case names, and values of organisation, place and name attributes.
// Suggestions only: Comb cannot know who is identifiable.
#include <string>
#include <vector>

#include "core/repository.h"

namespace comb::privacy {

struct Candidate {
    std::string text;
    std::string category;  // PERSON, PLACE, ORG or empty when unknown
    std::string reason;    // "in 3 documents", "speaker label", "case name", "attribute organisation"
    int documents = 0;     // documents whose text holds it
    friend bool operator==(const Candidate&, const Candidate&) = default;
};

// In order: speaker labels, case names, attribute values, then words by documents
// (descending) and text. A word needs `min_documents` documents.
std::vector<Candidate> suggest_candidates(const core::Repository& repo, int min_documents = 2);

}  // namespace comb::privacy
