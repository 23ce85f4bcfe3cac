// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The summary's two inline SVG charts. Each is a complete <svg role="img"> with a <title> and a
// <desc> that states the numbers in words, every number is also printed as text, and colour is
// never the only cue. Internal to comb_export.
#include <string>

#include "export/report_models.h"

namespace comb::exporters::charts {

// Colours shared with the summary's CSS, so chart and cards agree. Okabe-Ito vermilion and
// blue: told apart with every common form of colour blindness.
inline constexpr const char* kBarrierColour = "#D55E00";
inline constexpr const char* kFacilitatorColour = "#0072B2";

// COM-B sub-components (rows) by level (columns), each cell shaded by its count and labelled
// with it. Empty string when the summary has no heat-map columns.
std::string heat_map_svg(const Summary& summary, const std::string& id);

// Barriers against facilitators per level, as paired horizontal bars with their counts.
// Empty string when the summary has no balance rows.
std::string balance_svg(const Summary& summary, const std::string& id);

}  // namespace comb::exporters::charts
