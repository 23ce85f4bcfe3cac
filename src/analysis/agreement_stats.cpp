// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement_stats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace comb::analysis {

TwoByTwo& TwoByTwo::operator+=(const TwoByTwo& o) {
    both += o.both;
    a_only += o.a_only;
    b_only += o.b_only;
    neither += o.neither;
    return *this;
}

std::optional<double> percent_agreement(const TwoByTwo& t) {
    if (t.units() == 0) return std::nullopt;
    return static_cast<double>(t.both + t.neither) / static_cast<double>(t.units());
}

std::optional<double> cohen_binary(const TwoByTwo& t) {
    const double tu = static_cast<double>(t.units());
    if (tu == 0) return std::nullopt;
    const double a = static_cast<double>(t.both + t.a_only), b = static_cast<double>(t.both + t.b_only);
    const double ef = a * b / tu + (tu - a) * (tu - b) / tu;
    const double ta = static_cast<double>(t.both + t.neither);
    // TU = ΣEF only when a coder's marginal is all or nothing; then agreement is complete
    // exactly when both marginals are equal, and NVivo shows 1 (its FAQ "all my κ are 0 or 1").
    if (std::abs(tu - ef) < 1e-9) return ta == tu ? 1.0 : 0.0;
    return (ta - ef) / (tu - ef);
}

std::optional<double> alpha_binary(const TwoByTwo& t) {
    CountHistogram h{{t.neither, t.a_only + t.b_only, t.both}};
    return alpha_binary(h);
}

std::optional<double> cohen_kappa(const std::vector<std::vector<double>>& table, KappaWeights weights) {
    const std::size_t k = table.size();
    if (k == 0) return std::nullopt;
    double n = 0;
    std::vector<double> rows(k, 0.0), cols(k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        if (table[i].size() != k) throw std::invalid_argument("cohen_kappa: the table is not square");
        for (std::size_t j = 0; j < k; ++j) {
            n += table[i][j];
            rows[i] += table[i][j];
            cols[j] += table[i][j];
        }
    }
    if (n == 0) return std::nullopt;
    auto weight = [&](std::size_t i, std::size_t j) {
        if (weights == KappaWeights::none || k == 1) return i == j ? 1.0 : 0.0;
        const double d = std::abs(static_cast<double>(i) - static_cast<double>(j)) / static_cast<double>(k - 1);
        return weights == KappaWeights::linear ? 1.0 - d : 1.0 - d * d;
    };
    double po = 0, pe = 0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            po += weight(i, j) * table[i][j] / n;
            pe += weight(i, j) * (rows[i] / n) * (cols[j] / n);
        }
    }
    if (std::abs(1.0 - pe) < 1e-12) return std::nullopt;
    return (po - pe) / (1.0 - pe);
}

std::optional<double> fleiss_kappa(const std::vector<std::vector<double>>& counts) {
    if (counts.empty()) return std::nullopt;
    const std::size_t cats = counts.front().size();
    double raters = 0;
    for (double v : counts.front()) raters += v;
    if (raters < 2) return std::nullopt;
    std::vector<double> totals(cats, 0.0);
    double p_bar = 0;
    for (const auto& row : counts) {
        double m = 0, sq = 0;
        if (row.size() != cats) throw std::invalid_argument("fleiss_kappa: rows differ in categories");
        for (std::size_t j = 0; j < cats; ++j) {
            m += row[j];
            sq += row[j] * row[j];
            totals[j] += row[j];
        }
        if (m != raters) throw std::invalid_argument("fleiss_kappa: subjects differ in their number of raters");
        p_bar += (sq - m) / (m * (m - 1));
    }
    const double n = static_cast<double>(counts.size());
    p_bar /= n;
    double pe = 0;
    for (double t : totals) pe += (t / (n * raters)) * (t / (n * raters));
    if (std::abs(1.0 - pe) < 1e-12) return std::nullopt;
    return (p_bar - pe) / (1.0 - pe);
}

std::int64_t CountHistogram::units() const {
    std::int64_t n = 0;
    for (auto v : by_count) n += v;
    return n;
}

CountHistogram& CountHistogram::operator+=(const CountHistogram& o) {
    if (by_count.size() < o.by_count.size()) by_count.resize(o.by_count.size(), 0);
    for (std::size_t k = 0; k < o.by_count.size(); ++k) by_count[k] += o.by_count[k];
    return *this;
}

std::optional<double> fleiss_kappa(const CountHistogram& h) {
    const double m = static_cast<double>(h.by_count.size()) - 1;
    const double n = static_cast<double>(h.units());
    if (m < 2 || n == 0) return std::nullopt;
    double p_bar = 0, coded = 0;
    for (std::size_t k = 0; k < h.by_count.size(); ++k) {
        const double kk = static_cast<double>(k), units = static_cast<double>(h.by_count[k]);
        p_bar += units * (kk * (kk - 1) + (m - kk) * (m - kk - 1)) / (m * (m - 1));
        coded += units * kk;
    }
    p_bar /= n;
    const double p1 = coded / (n * m);
    const double pe = p1 * p1 + (1 - p1) * (1 - p1);
    if (std::abs(1.0 - pe) < 1e-12) return std::nullopt;
    return (p_bar - pe) / (1.0 - pe);
}

std::optional<double> alpha_binary(const CountHistogram& h) {
    const double m = static_cast<double>(h.by_count.size()) - 1;
    if (m < 2) return std::nullopt;
    // Coincidences: a unit with k of m coders coding it gives k(m−k)/(m−1) ordered 0–1 pairs.
    double o01 = 0, n1 = 0, n = 0;
    for (std::size_t k = 0; k < h.by_count.size(); ++k) {
        const double kk = static_cast<double>(k), units = static_cast<double>(h.by_count[k]);
        o01 += units * kk * (m - kk) / (m - 1);
        n1 += units * kk;
        n += units * m;
    }
    const double n0 = n - n1;
    if (n0 == 0 || n1 == 0) return std::nullopt;
    return 1.0 - (n - 1) * o01 / (n0 * n1);
}

namespace {

double delta2(AlphaMetric metric, const std::vector<double>& values, const std::vector<double>& marg, std::size_t c,
              std::size_t k) {
    if (c == k) return 0.0;
    switch (metric) {
        case AlphaMetric::nominal: return 1.0;
        case AlphaMetric::interval: return (values[c] - values[k]) * (values[c] - values[k]);
        case AlphaMetric::ratio: {
            const double s = values[c] + values[k];
            return s == 0 ? 0.0 : ((values[c] - values[k]) / s) * ((values[c] - values[k]) / s);
        }
        case AlphaMetric::ordinal: {
            const std::size_t lo = std::min(c, k), hi = std::max(c, k);
            double sum = 0;
            for (std::size_t g = lo; g <= hi; ++g) sum += marg[g];
            sum -= (marg[c] + marg[k]) / 2;
            return sum * sum;
        }
    }
    return 1.0;
}

}  // namespace

std::optional<double> krippendorff_alpha(const ReliabilityData& data, AlphaMetric metric,
                                         const std::vector<double>& weights) {
    std::map<double, std::size_t> index;
    for (const auto& unit : data) {
        for (const auto& v : unit) if (v) index.emplace(*v, 0);
    }
    std::vector<double> values;
    for (auto& [v, i] : index) {
        i = values.size();
        values.push_back(v);
    }
    const std::size_t q = values.size();
    std::vector<std::vector<double>> o(q, std::vector<double>(q, 0.0));
    for (std::size_t u = 0; u < data.size(); ++u) {
        std::vector<std::size_t> got;
        for (const auto& v : data[u]) if (v) got.push_back(index[*v]);
        if (got.size() < 2) continue;
        const double w = (weights.empty() ? 1.0 : weights[u]) / static_cast<double>(got.size() - 1);
        for (std::size_t i = 0; i < got.size(); ++i) {
            for (std::size_t j = 0; j < got.size(); ++j) if (i != j) o[got[i]][got[j]] += w;
        }
    }
    std::vector<double> marg(q, 0.0);
    double n = 0;
    for (std::size_t c = 0; c < q; ++c) {
        for (std::size_t k = 0; k < q; ++k) marg[c] += o[c][k];
        n += marg[c];
    }
    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < q; ++c) {
        for (std::size_t k = 0; k < q; ++k) {
            const double d = delta2(metric, values, marg, c, k);
            observed += o[c][k] * d;
            expected += marg[c] * marg[k] * d;
        }
    }
    if (expected == 0 || n < 2) return std::nullopt;
    return 1.0 - (n - 1) * observed / expected;
}

std::string_view landis_koch_label(std::optional<double> kappa) {
    if (!kappa) return "undefined";
    const double k = *kappa;
    if (k < 0) return "poor";
    if (k <= 0.20) return "slight";
    if (k <= 0.40) return "fair";
    if (k <= 0.60) return "moderate";
    if (k <= 0.80) return "substantial";
    return "almost perfect";
}

std::string_view krippendorff_label(std::optional<double> alpha) {
    if (!alpha) return "undefined";
    if (*alpha >= 0.800) return "reliable";
    if (*alpha >= 0.667) return "tentative";
    return "unreliable";
}

}  // namespace comb::analysis
