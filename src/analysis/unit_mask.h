// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which characters of a document are agreement units: all of them, or (ignoring whitespace)
// all but whitespace and speaker labels. The agreement sweeps count units only between the
// positions where a compared coding starts or ends, so the mask is built for those positions
// alone: one pass over the text counts the dropped characters before each of them and in all,
// keeping no per-run or per-character array (a 100 MB corpus costs one scan, no sort).
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace comb::analysis {

class UnitMask {
public:
    // Every character of a document of `chars` code points is a unit.
    explicit UnitMask(std::int64_t chars) : chars_(chars) {}
    // Ignoring whitespace and the speaker labels of `doc.turns` in `text` (the document's
    // text, doc.chars code points). `points`: the positions count() will be asked about, in
    // any order; they are clamped to the document, and 0 and doc.chars are always known.
    UnitMask(const core::Document& doc, std::string_view text, std::vector<std::int64_t> points);

    // Units in [a, b), both clamped to the document. Ignoring whitespace, a and b must be
    // among the points given (std::out_of_range otherwise: a caller's mistake).
    std::int64_t count(std::int64_t a, std::int64_t b) const;
    std::int64_t total() const { return chars_ - dropped_total_; }

private:
    std::int64_t dropped_before(std::int64_t x) const;

    std::int64_t chars_;
    bool sparse_ = false;                 // ignoring whitespace: known at points_ only
    std::vector<std::int64_t> points_;    // sorted, unique, within [0, chars_]
    std::vector<std::int64_t> dropped_;   // dropped characters in [0, points_[i])
    std::int64_t dropped_total_ = 0;
};

// Whether a code point is whitespace as --ignore-whitespace drops it (Unicode White_Space).
bool is_unicode_space(char32_t c);

}  // namespace comb::analysis
