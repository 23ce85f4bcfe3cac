// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small fictional report models for the export tests, built in code. They carry the characters
// that break writers: & % $ # _ { } ~ ^ \ | < > " ' and an emoji, a quote with an apostrophe and
// a newline, an empty cell, a row without quotes.
#include "export/report_models.h"

namespace comb::tests {

exporters::ThemeTable sample_theme_table();
// The same table with its barrier and facilitator sides filled (for the side-by-side layout):
// a side with several codes, an empty side, a mixed code on both sides, characters to escape.
exporters::ThemeTable sample_side_table();
exporters::Summary sample_summary();
exporters::Codebook sample_codebook();

}  // namespace comb::tests
