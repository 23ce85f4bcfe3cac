// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inter-coder agreement coefficients as pure functions over counts, so each can be checked
// against published values (reference/teamwork.md §1.3, frameworks.md §7.5). No project,
// store or text type appears here; agreement.h turns codings into these counts.
// Coefficients that are undefined for the data (no variation, nothing pairable) are
// std::nullopt, except where NVivo's documented behaviour fixes a value (cohen_binary).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace comb::analysis {

// A 2×2 table of units for two coders and one code: coded by both, by A only, by B only, by
// neither (NVivo's coding comparison, characters as units).
struct TwoByTwo {
    std::int64_t both = 0, a_only = 0, b_only = 0, neither = 0;
    std::int64_t units() const { return both + a_only + b_only + neither; }
    TwoByTwo& operator+=(const TwoByTwo& o);
};

// (both + neither) / units; nullopt for no units.
std::optional<double> percent_agreement(const TwoByTwo& t);
// Cohen's κ of the 2×2 table, exactly NVivo's K = (TA − ΣEF)/(TU − ΣEF). When TU = ΣEF (one
// coder, or both, coded all or nothing) NVivo reports 1 for complete agreement; so does this.
// nullopt for no units.
std::optional<double> cohen_binary(const TwoByTwo& t);
// Krippendorff's α for two coders, binary values, every unit coded by both (no missing).
std::optional<double> alpha_binary(const TwoByTwo& t);

// Cohen's κ of a k×k contingency table (rows coder A, columns coder B), optionally weighted by
// category index distance: none, linear |i−j|, quadratic (i−j)² (R irr's "equal"/"squared").
enum class KappaWeights { none, linear, quadratic };
std::optional<double> cohen_kappa(const std::vector<std::vector<double>>& table,
                                  KappaWeights weights = KappaWeights::none);

// Fleiss' κ: counts[i][j] = raters putting subject i in category j; every subject has the
// same number of raters (≥ 2). Throws std::invalid_argument when they differ.
std::optional<double> fleiss_kappa(const std::vector<std::vector<double>>& counts);

// A binary character table for m coders: by_count[k] = units coded by exactly k of them.
struct CountHistogram {
    std::vector<std::int64_t> by_count;  // size m + 1
    std::int64_t units() const;
    CountHistogram& operator+=(const CountHistogram& o);
};
// Fleiss' κ and Krippendorff's α (binary, no missing) of such a table.
std::optional<double> fleiss_kappa(const CountHistogram& h);
std::optional<double> alpha_binary(const CountHistogram& h);

// Krippendorff's α over reliability data: data[u][c] = coder c's value for unit u (nullopt:
// missing). Units with fewer than two values are not pairable and are skipped. `weights`, when
// given, counts unit u weights[u] times (e.g. a run of characters with the same values).
enum class AlphaMetric { nominal, ordinal, interval, ratio };
using ReliabilityData = std::vector<std::vector<std::optional<double>>>;
std::optional<double> krippendorff_alpha(const ReliabilityData& data, AlphaMetric metric = AlphaMetric::nominal,
                                         const std::vector<double>& weights = {});

// Interpretation labels: Landis & Koch (1977) for κ ("poor", "slight", "fair", "moderate",
// "substantial", "almost perfect"); Krippendorff for α ("reliable" ≥ .800, "tentative"
// ≥ .667, "unreliable"). "undefined" for nullopt.
std::string_view landis_koch_label(std::optional<double> kappa);
std::string_view krippendorff_label(std::optional<double> alpha);

}  // namespace comb::analysis
