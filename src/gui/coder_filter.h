// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which coders' codings the views show: everyone's, one coder's, a comparison of two (A only,
// B only, both, at character level per code), or blind (only the current coder's, while
// double coding: the others' codings and counts stay hidden). No wx type: the transcript and
// the code tree ask it, tests check it directly.
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "gui/coder_palette.h"

namespace comb::gui {

enum class CoderMode { all, one, compare, blind };

struct CoderView {
    CoderMode mode = CoderMode::all;
    std::string a;  // one: the coder shown; compare: coder A
    std::string b;  // compare: coder B
    // "All coders", "Coder: ann", "Compare ann and bob", "Blind: only lead's codings".
    std::string describe(const std::string& me) const;
    friend bool operator==(const CoderView&, const CoderView&) = default;
};

// Whether a coding by `coder` is shown; `me` is the current coder (blind mode).
bool shows(const CoderView& view, const std::string& coder, const std::string& me);

enum class Side { a_only, b_only, both };
// "#RRGGBB": A only in A's colour, B only in B's (from the project's coder palette), both green.
std::string side_colour(Side side, const CoderView& view, CoderPalette& palette);

// What the transcript's coder legend lists, as (label, "#RRGGBB"): in a comparison "ann only",
// "bob only", "both"; otherwise each coder of `shown` (the codings on screen) with their colour
// when there are two or more of them (stripes then take the coder's colour), in the palette's
// order (first coding first), else nothing.
struct LegendEntry {
    std::string label;
    std::string colour;
    friend bool operator==(const LegendEntry&, const LegendEntry&) = default;
};
std::vector<LegendEntry> coder_legend(const CoderView& view, const std::vector<core::Coding>& shown, CoderPalette& palette);
std::string side_name(Side side, const CoderView& view);

// A run of one code's text where the compared coders agree (both) or not (one only).
struct SideRun {
    core::CodeId code;
    core::Span span;
    Side side;
    core::CodingId coding;  // a coding covering the run (for clicks and menus)
};
// The runs of one document's codings for coders a and b, by code, then start.
std::vector<SideRun> compare_runs(const std::vector<core::Coding>& codings, const std::string& a, const std::string& b);

}  // namespace comb::gui
