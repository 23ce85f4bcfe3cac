// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A colour of its own for every coder of a project (issue 15). Coders take slots in the order
// they first appear in the project (their first coding: the lowest coding id, which no process
// hands out twice), so every window and session of the same project gives the same colours,
// and no two coders share one however many there are: the first eight are a palette that
// reads on white and is told apart with the common colour blindnesses, the rest are generated
// (golden-angle hues at one lightness in OKLCH), each kept away from the colours before it and
// from the green that marks "both" in a comparison. No wx type.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/repository.h"

namespace comb::gui {

inline constexpr const char* kBothColour = "#519E3E";

// The coders of `repo` (names of the codings' coders) in the order of their first coding.
std::vector<std::string> coders_in_order(const core::Repository& repo);

// The first `n` coder colours ("#RRGGBB"), all different: the palette of eight, then generated.
std::vector<std::string> coder_colour_sequence(std::size_t n);

class CoderPalette {
public:
    using Source = std::function<std::vector<std::string>()>;  // the coders, in order
    CoderPalette() = default;
    // Slots in this order (names after the first occurrence of a name are dropped).
    explicit CoderPalette(std::vector<std::string> order);
    // Reads the order from `source` when first asked, and again when asked about a coder it
    // does not know (a coder who has just coded for the first time).
    explicit CoderPalette(Source source) : source_(std::move(source)) {}

    // The coder's colour. A name the order does not hold (yet) takes the next free slot.
    std::string colour(const std::string& coder);
    // Each of `coders` (repeats dropped) with its colour.
    std::map<std::string, std::string> colours(const std::vector<std::string>& coders);
    // The slot of a coder (its place in the order), assigning one as colour() does.
    std::size_t slot(const std::string& coder);

private:
    void assign(std::vector<std::string> order);

    Source source_;
    bool loaded_ = false;
    std::vector<std::string> order_;
    std::map<std::string, std::size_t> slots_;
    std::vector<std::string> colours_;  // coder_colour_sequence(order_.size())
};

}  // namespace comb::gui
