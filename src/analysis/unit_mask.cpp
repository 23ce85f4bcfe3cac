// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/unit_mask.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace comb::analysis {

bool is_unicode_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

namespace {

constexpr std::array<std::uint8_t, 128> kAsciiSpace = [] {
    std::array<std::uint8_t, 128> t{};
    for (int c = 0x09; c <= 0x0D; ++c) t[static_cast<std::size_t>(c)] = 1;
    t[0x20] = 1;
    return t;
}();

// Walks a UTF-8 text code point by code point, counting whitespace on the way.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}
    // Steps over up to `n` code points; returns how many of them were whitespace
    // (`count_spaces` false: steps only, returns 0).
    std::int64_t step(std::int64_t n, bool count_spaces) {
        std::int64_t spaces = 0;
        const std::size_t size = text_.size();
        for (std::int64_t k = 0; k < n && i_ < size; ++k) {
            const auto byte = static_cast<unsigned char>(text_[i_]);
            if (byte < 0x80) {
                spaces += kAsciiSpace[byte];
                ++i_;
                continue;
            }
            const std::size_t len = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
            if (count_spaces) {
                char32_t c = byte & (0x3F >> (len - 1));
                for (std::size_t j = 1; j < len && i_ + j < size; ++j) c = (c << 6) | (static_cast<unsigned char>(text_[i_ + j]) & 0x3F);
                spaces += is_unicode_space(c) ? 1 : 0;
            }
            i_ += len;
        }
        return spaces;
    }

private:
    std::string_view text_;
    std::size_t i_ = 0;
};

// The speaker labels of a document as sorted, disjoint [start, end) runs within [0, chars).
std::vector<std::pair<std::int64_t, std::int64_t>> label_runs(const core::Document& doc) {
    std::vector<std::pair<std::int64_t, std::int64_t>> runs;
    const auto add = [&](std::int64_t a, std::int64_t b) {
        a = std::max<std::int64_t>(a, 0);
        b = std::min(b, doc.chars);
        if (a < b) runs.emplace_back(a, b);
    };
    for (const auto& t : doc.turns) {
        add(t.span.start.value, t.body.start.value);
        add(t.body.end.value, t.span.end.value);
    }
    std::sort(runs.begin(), runs.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> merged;
    for (const auto& r : runs) {
        if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
        else merged.push_back(r);
    }
    return merged;
}

}  // namespace

UnitMask::UnitMask(const core::Document& doc, std::string_view text, std::vector<std::int64_t> points)
    : chars_(doc.chars), sparse_(true) {
    points.push_back(0);
    points.push_back(chars_);
    for (auto& p : points) p = std::clamp<std::int64_t>(p, 0, chars_);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    points_ = std::move(points);
    dropped_.reserve(points_.size());
    // Cut the text at every point and label boundary; inside a label every character is
    // dropped, elsewhere its whitespace.
    const auto labels = label_runs(doc);
    std::size_t next_label = 0;
    Scanner scan(text);
    std::int64_t at = 0, dropped = 0;
    for (const std::int64_t point : points_) {
        while (at < point) {
            while (next_label < labels.size() && labels[next_label].second <= at) ++next_label;
            const bool in_label = next_label < labels.size() && labels[next_label].first <= at;
            const std::int64_t label_edge = next_label >= labels.size() ? chars_
                                            : in_label                  ? labels[next_label].second
                                                                        : labels[next_label].first;
            const std::int64_t to = std::min(point, label_edge);
            const std::int64_t spaces = scan.step(to - at, !in_label);
            dropped += in_label ? to - at : spaces;
            at = to;
        }
        dropped_.push_back(dropped);
    }
    dropped_total_ = dropped;
}

std::int64_t UnitMask::dropped_before(std::int64_t x) const {
    if (!sparse_) return 0;
    const auto it = std::lower_bound(points_.begin(), points_.end(), x);
    if (it == points_.end() || *it != x) throw std::out_of_range("unit mask: position " + std::to_string(x) + " was not asked for");
    return dropped_[static_cast<std::size_t>(it - points_.begin())];
}

std::int64_t UnitMask::count(std::int64_t a, std::int64_t b) const {
    a = std::clamp<std::int64_t>(a, 0, chars_);
    b = std::clamp<std::int64_t>(b, 0, chars_);
    if (b <= a) return 0;
    return (b - a) - (dropped_before(b) - dropped_before(a));
}

}  // namespace comb::analysis
