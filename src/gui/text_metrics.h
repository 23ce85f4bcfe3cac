// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exact text positions for the transcript. wxStyledTextCtrl measures text one character at a
// time but GTK (Pango) draws whole runs with kerning and ligatures ("ff", "ffi"), so after a
// ligature the drawn glyphs sit left of the measured positions and a coding's highlight box
// ends up to a character off its text. Turning those font features off for this process makes
// the drawn text match the measured positions. Call before the toolkit starts (before
// wxApp::Initialize). Returns false when it could not (then text is shown as before).
#include <string>
#include <vector>

namespace comb::gui {

bool use_exact_text_metrics();
// The OpenType features fontconfig gives the font matched for `family` ("liga off", ...);
// empty where fontconfig is not used.
std::vector<std::string> font_features(const std::string& family);

}  // namespace comb::gui
