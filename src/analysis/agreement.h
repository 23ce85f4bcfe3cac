// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inter-coder agreement over a project's codings at character level: the unit is one code
// point of a document's text. A character is coded by a coder for a code when any of that
// coder's codings of that code covers it (a coder's overlapping codings count once).
// Rows are per code × document (NVivo's coding comparison) or per code pooled over documents;
// `pooled` sums every code and document. Pure computation over values: the caller reads the
// project (see agreement_input()).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement_stats.h"
#include "core/model.h"
#include "core/repository.h"

namespace comb::analysis {

struct AgreementInput {
    std::vector<core::Document> documents;  // import order
    std::vector<core::CodeId> code_order;   // tree order, for stable rows
    std::vector<core::Coding> codings;
    // The text of a document; only called with ignore_whitespace.
    std::function<std::string(const core::Document&)> text;
};

// Everything the agreement needs from a project, read once.
AgreementInput agreement_input(const core::Repository& repo);

struct AgreementOptions {
    std::vector<std::string> coders;  // two or more, distinct
    std::vector<core::CodeId> codes;  // empty: every code a compared coder applied in a counted document
    bool by_document = false;         // one row per code × document instead of per code
    bool ignore_whitespace = false;   // drop whitespace and speaker labels from the units
    bool all_documents = false;       // count documents not every coder coded too
};

struct AgreementRow {
    std::optional<core::CodeId> code;     // nullopt in the pooled row
    std::optional<core::DocumentId> doc;  // nullopt when pooled over documents
    TwoByTwo table;                       // two coders: A = coders[0], B = coders[1]
    CountHistogram histogram;             // any number of coders: units by how many coded them
    std::int64_t units() const { return histogram.units(); }
    std::optional<double> agreement() const { return percent_agreement(table); }
    std::optional<double> kappa() const { return cohen_binary(table); }
    std::optional<double> alpha() const { return alpha_binary(histogram); }
    std::optional<double> fleiss() const { return fleiss_kappa(histogram); }
};

struct AgreementResult {
    std::vector<std::string> coders;
    std::vector<core::DocumentId> documents;  // the documents counted
    std::vector<AgreementRow> rows;
    AgreementRow pooled;
};

// Throws std::invalid_argument for fewer than two coders or a coder named twice (the CLI
// checks first and reports InputError).
AgreementResult compute_agreement(const AgreementInput& input, const AgreementOptions& options);

// Krippendorff's α (nominal) over a group of mutually exclusive codes: each counted character
// is one unit, a coder's value is the group's code covering it or "none"; a character one
// coder gave two codes of the group is missing for that coder.
struct NominalAgreement {
    std::int64_t units = 0;
    std::optional<double> alpha;
};
NominalAgreement compute_nominal_alpha(const AgreementInput& input, const AgreementOptions& options,
                                       const std::vector<core::CodeId>& group);

}  // namespace comb::analysis
