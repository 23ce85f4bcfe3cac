// SPDX-License-Identifier: GPL-3.0-or-later
// Agreement coefficients against published values: reference/teamwork.md §1.3 (A, B, D, E, F,
// G) and frameworks.md §7.5, each to the digits printed there.
#include <catch2/catch.hpp>

#include "analysis/agreement_stats.h"

using namespace comb::analysis;
using Catch::Detail::Approx;

namespace {

constexpr double kNa = -1;  // marks a missing value in the tables below

ReliabilityData by_units(const std::vector<std::vector<double>>& coders) {
    ReliabilityData data(coders.front().size(), std::vector<std::optional<double>>(coders.size()));
    for (std::size_t c = 0; c < coders.size(); ++c) {
        for (std::size_t u = 0; u < coders[c].size(); ++u) {
            if (coders[c][u] != kNa) data[u][c] = coders[c][u];
        }
    }
    return data;
}

std::vector<std::vector<double>> contingency(const std::vector<int>& a, const std::vector<int>& b, int k) {
    std::vector<std::vector<double>> t(static_cast<std::size_t>(k), std::vector<double>(static_cast<std::size_t>(k), 0));
    for (std::size_t i = 0; i < a.size(); ++i) t[static_cast<std::size_t>(a[i])][static_cast<std::size_t>(b[i])] += 1;
    return t;
}

std::vector<int> runs(std::initializer_list<std::pair<int, int>> counts) {
    std::vector<int> v;
    for (auto [value, n] : counts) v.insert(v.end(), static_cast<std::size_t>(n), value);
    return v;
}

}  // namespace

TEST_CASE("alpha: Krippendorff 2011 C data, four metrics (teamwork.md 1.3 A)", "[analysis][agreement][stats]") {
    const auto data = by_units({{1, 2, 3, 3, 2, 1, 4, 1, 2, kNa, kNa, kNa},
                                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, kNa, 3},
                                {kNa, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, kNa},
                                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, kNa}});
    CHECK(*krippendorff_alpha(data, AlphaMetric::nominal) == Approx(0.7434).margin(0.00005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::ordinal) == Approx(0.8154).margin(0.00005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::interval) == Approx(0.8491).margin(0.00005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::ratio) == Approx(0.7974).margin(0.00005));
}

TEST_CASE("alpha, PA and kappa: binary two-coder examples (teamwork.md 1.3 B, frameworks.md 7.5.1)", "[analysis][agreement][stats]") {
    SECTION("Krippendorff 2011") {
        const auto data = by_units({{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}});
        CHECK(*krippendorff_alpha(data) == Approx(0.0952).margin(0.00005));
    }
    SECTION("ATLAS.ti manual: the 2x2 functions agree with the general alpha") {
        const auto data = by_units({{1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 1, 0, 0, 1, 0, 1, 0, 0}});
        CHECK(*krippendorff_alpha(data) == Approx(0.0952).margin(0.00005));
        const TwoByTwo t{1, 1, 3, 5};
        CHECK(*percent_agreement(t) == Approx(0.60));
        CHECK(*cohen_binary(t) == Approx(0.0909).margin(0.00005));
        CHECK(*alpha_binary(t) == Approx(0.0952).margin(0.00005));
    }
}

TEST_CASE("alpha: three coders with missing values (teamwork.md 1.3 D)", "[analysis][agreement][stats]") {
    const auto data = by_units({{kNa, kNa, kNa, kNa, kNa, 3, 4, 1, 2, 1, 1, 3, 3, kNa, 3},
                                {1, kNa, 2, 1, 3, 3, 4, 3, kNa, kNa, kNa, kNa, kNa, kNa, kNa},
                                {kNa, kNa, 2, 1, 3, 4, 4, kNa, 2, 1, 1, 3, 3, kNa, 4}});
    CHECK(*krippendorff_alpha(data, AlphaMetric::nominal) == Approx(0.691358).margin(0.0000005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::interval) == Approx(0.810845).margin(0.0000005));
}

TEST_CASE("alpha: Hayes & Krippendorff 2007, 5 coders x 40 units (teamwork.md 1.3 E)", "[analysis][agreement][stats]") {
    // Rows are units, columns the five coders (kNa: not coded), as printed on p.84.
    const std::vector<std::vector<double>> units = {
        {1, 1, 2, kNa, 2}, {1, 1, 0, 1, kNa}, {2, 3, 3, 3, kNa}, {kNa, 0, 0, kNa, 0}, {0, 0, 0, kNa, 0},
        {0, 0, 0, kNa, 0}, {1, 0, 2, kNa, 1}, {1, kNa, 2, 0, kNa}, {2, 2, 2, kNa, 2}, {2, 1, 1, 1, kNa},
        {kNa, 1, 0, 0, kNa}, {0, 0, 0, 0, kNa}, {1, 2, 2, 2, kNa}, {3, 3, 2, 2, 3}, {1, 1, 1, kNa, 1},
        {1, 1, 1, kNa, 1}, {2, 1, 2, kNa, 2}, {1, 2, 3, 3, kNa}, {1, 1, 0, 1, kNa}, {0, 0, 0, kNa, 0},
        {0, 0, 1, 1, kNa}, {0, 0, kNa, 0, 0}, {2, 3, 3, 3, kNa}, {0, 0, 0, 0, kNa}, {1, 2, kNa, 2, 2},
        {0, 1, 1, 1, kNa}, {0, 0, 0, 1, 0}, {1, 2, 1, 2, kNa}, {1, 1, 2, 2, kNa}, {1, 1, 2, kNa, 2},
        {1, 1, 0, kNa, 0}, {2, 1, 2, 1, kNa}, {2, 2, kNa, 2, 2}, {3, 2, 2, 2, kNa}, {2, 2, 2, kNa, 2},
        {2, 2, 3, kNa, 2}, {2, 2, 2, kNa, 2}, {2, 2, kNa, 1, 2}, {2, 2, 2, 2, kNa}, {1, 1, 1, kNa, 1}};
    ReliabilityData data;
    for (const auto& u : units) {
        data.emplace_back();
        for (double v : u) data.back().push_back(v == kNa ? std::nullopt : std::optional(v));
    }
    CHECK(*krippendorff_alpha(data, AlphaMetric::ordinal) == Approx(0.7598).margin(0.00005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::nominal) == Approx(0.4765).margin(0.00005));
    CHECK(*krippendorff_alpha(data, AlphaMetric::interval) == Approx(0.7574).margin(0.00005));
}

TEST_CASE("Cohen's kappa: published tables (teamwork.md 1.3 F)", "[analysis][agreement][stats]") {
    SECTION("Artstein & Poesio 2008, Table 1") {
        CHECK(*cohen_kappa({{20, 20}, {10, 50}}) == Approx(0.348).margin(0.0005));
    }
    SECTION("scikit-learn multiclass vectors") {
        const auto y1 = runs({{0, 46}, {1, 44}, {2, 10}});
        CHECK(*cohen_kappa(contingency(y1, runs({{0, 52}, {1, 32}, {2, 16}}), 3)) == Approx(0.8013).margin(0.00005));
        const auto t = contingency(y1, runs({{0, 50}, {1, 40}, {2, 10}}), 3);
        CHECK(*cohen_kappa(t) == Approx(0.9315).margin(0.00005));
        CHECK(*cohen_kappa(t, KappaWeights::linear) == Approx(0.9412).margin(0.00005));
        CHECK(*cohen_kappa(t, KappaWeights::quadratic) == Approx(0.9541).margin(0.00005));
    }
    SECTION("SAS example (statsmodels table10)") {
        const std::vector<std::vector<double>> t = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};
        CHECK(*cohen_kappa(t) == Approx(0.4842).margin(0.00005));
        CHECK(*cohen_kappa(t, KappaWeights::linear) == Approx(0.4701).margin(0.00005));
    }
    SECTION("R irr kappa2(anxiety[,2:3]), weights by level index of the categories present") {
        const std::vector<int> r2 = {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4};
        const std::vector<int> r3 = {2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2};
        auto level = [](int v) { return v == 6 ? 4 : v - 1; };  // categories 1,2,3,4,6 -> 0..4
        std::vector<int> a, b;
        for (std::size_t i = 0; i < r2.size(); ++i) {
            a.push_back(level(r2[i]));
            b.push_back(level(r3[i]));
        }
        const auto t = contingency(a, b, 5);
        CHECK(*cohen_kappa(t) == Approx(-0.006289308).margin(0.0000000005));
        CHECK(*cohen_kappa(t, KappaWeights::linear) == Approx(0.1459075).margin(0.00000005));
        CHECK(*cohen_kappa(t, KappaWeights::quadratic) == Approx(0.2520325).margin(0.00000005));
    }
    SECTION("Brennan & Prediger 1981, pp. 689 and 691") {
        CHECK(*cohen_kappa({{50, 0, 0}, {10, 10, 10}, {20, 0, 0}}) == Approx(0.27).margin(0.005));
        CHECK(*cohen_kappa({{50, 0, 10}, {0, 10, 10}, {10, 10, 0}}) == Approx(0.29).margin(0.005));
    }
}

TEST_CASE("Fleiss' kappa: Wikipedia's 10 subjects x 14 raters (teamwork.md 1.3 G)", "[analysis][agreement][stats]") {
    const std::vector<std::vector<double>> t = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                                                {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                                                {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};
    CHECK(*fleiss_kappa(t) == Approx(0.20993070442195522).margin(1e-12));
    CHECK_THROWS_AS(fleiss_kappa(std::vector<std::vector<double>>{{1, 1}, {1, 2}}), std::invalid_argument);
}

TEST_CASE("NVivo's coding comparison example: PA 0.85, kappa 0.318 (frameworks.md 7.5.2)", "[analysis][agreement][stats]") {
    // 1,000 characters; A coded 100, B 150, 50 by both.
    const TwoByTwo t{50, 50, 100, 800};
    CHECK(*percent_agreement(t) == Approx(0.85));
    CHECK(*cohen_binary(t) == Approx(0.318).margin(0.0005));
    CHECK(*cohen_binary(t) == Approx(0.3182).margin(0.00005));
    CHECK(*alpha_binary(t) == Approx(0.3146).margin(0.00005));
    CHECK(landis_koch_label(cohen_binary(t)) == "fair");
    CHECK(krippendorff_label(alpha_binary(t)) == "unreliable");
}

TEST_CASE("binary histogram: Fleiss and alpha for two coders equal the 2x2 forms", "[analysis][agreement][stats]") {
    const TwoByTwo t{50, 50, 100, 800};
    const CountHistogram h{{800, 150, 50}};
    CHECK(*alpha_binary(h) == Approx(*alpha_binary(t)));
    // Fleiss' kappa for two raters is Scott's pi: 0.3143 in teamwork.md 1.1's worked case.
    CHECK(*fleiss_kappa(h) == Approx(0.3143).margin(0.00005));
}

TEST_CASE("degenerate tables: NVivo's 1 for complete agreement, undefined otherwise", "[analysis][agreement][stats]") {
    CHECK(*cohen_binary({0, 0, 0, 1000}) == 1.0);
    CHECK(*cohen_binary({1000, 0, 0, 0}) == 1.0);
    CHECK(*cohen_binary({0, 0, 10, 990}) == 0.0);
    CHECK_FALSE(cohen_binary({}).has_value());
    CHECK_FALSE(alpha_binary(TwoByTwo{0, 0, 0, 1000}).has_value());
    CHECK(krippendorff_label(std::nullopt) == "undefined");
    CHECK(landis_koch_label(-0.1) == "poor");
    CHECK(landis_koch_label(0.85) == "almost perfect");
    CHECK(krippendorff_label(0.667) == "tentative");
    CHECK(krippendorff_label(0.8) == "reliable");
}
