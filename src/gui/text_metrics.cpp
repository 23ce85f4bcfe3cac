// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/text_metrics.h"

#include <wx/platform.h>

#if defined(__WXGTK__)
#include <fontconfig/fontconfig.h>
#endif

namespace comb::gui {

#if defined(__WXGTK__)

bool use_exact_text_metrics() {
    // Pango reads "fontfeatures" from fontconfig's match results (Pango >= 1.44).
    static const char kRule[] = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <match target="font">
    <edit name="fontfeatures" mode="append">
      <string>liga off</string><string>clig off</string><string>dlig off</string><string>kern off</string>
    </edit>
  </match>
</fontconfig>)";
    static const bool done = [] {
        FcConfig* config = FcInitLoadConfigAndFonts();
        if (!config) return false;
        if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kRule), FcTrue) ||
            !FcConfigSetCurrent(config)) {
            FcConfigDestroy(config);
            return false;
        }
        FcConfigDestroy(config);  // the current config holds its own reference
        return true;
    }();
    return done;
}

std::vector<std::string> font_features(const std::string& family) {
    std::vector<std::string> out;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    if (!pattern) return out;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* font = FcFontMatch(nullptr, pattern, &result)) {
        FcChar8* feature = nullptr;
        for (int i = 0; FcPatternGetString(font, FC_FONT_FEATURES, i, &feature) == FcResultMatch; ++i)
            out.emplace_back(reinterpret_cast<const char*>(feature));
        FcPatternDestroy(font);
    }
    FcPatternDestroy(pattern);
    return out;
}

#else

std::vector<std::string> font_features(const std::string&) { return {}; }

// Other platforms measure and draw text with the same engine.
bool use_exact_text_metrics() { return true; }

#endif

}  // namespace comb::gui
