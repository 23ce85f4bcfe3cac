// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where two coders disagree: per code and document, each maximal run of characters one coder
// coded with the code and the other did not, with the codings involved. Same unit and
// documents as agreement.h (code points; documents both coded unless all_documents), so the
// characters listed add up to the agreement table's a_only + b_only.
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement.h"

namespace comb::analysis {

struct Disagreement {
    core::CodeId code;
    core::DocumentId doc;
    core::Span span;
    std::size_t coder = 0;                     // index into the two coders: who coded it alone
    std::vector<core::CodingId> codings;       // that coder's codings of the code covering the run
    std::vector<core::CodingId> other_codings; // the other coder's codings of the code touching or overlapping it
};

// Disagreements between options.coders[0] and [1] (exactly two), ordered by code (tree order),
// document (import order) and start. ignore_whitespace and by_document are not used here.
// Throws std::invalid_argument unless there are exactly two distinct coders.
std::vector<Disagreement> find_disagreements(const AgreementInput& input, const AgreementOptions& options);

}  // namespace comb::analysis
