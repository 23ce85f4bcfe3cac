// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coder_palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numbers>
#include <set>
#include <unordered_map>

namespace comb::gui {
namespace {

// Okabe and Ito's blue and vermillion, purple, wine, Okabe and Ito's reddish purple and orange,
// brown, grey. The first four also read as text on white (the disagreement window writes each
// passage in its coder's colour), so the usual two or three coders get those.
constexpr const char* kPalette[] = {"#0072B2", "#D55E00", "#6A3D9A", "#882255", "#CC79A7", "#E69F00", "#8C564B", "#555555"};

struct Lab {
    double l, a, b;
};

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double to_srgb(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055; }

// Björn Ottosson's OKLab, in which distances match how different colours look.
Lab oklab_of(const std::string& hex) {
    const auto channel = [&](int at) { return to_linear(std::stoi(hex.substr(static_cast<std::size_t>(at), 2), nullptr, 16) / 255.0); };
    const double r = channel(1), g = channel(3), b = channel(5);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s, 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

// OKLCH (hue in degrees) to "#RRGGBB", with the chroma lowered until the colour is in sRGB.
std::string hex_of(double lightness, double chroma, double hue) {
    for (;; chroma -= 0.005) {
        const double a = chroma * std::cos(hue * std::numbers::pi / 180), b = chroma * std::sin(hue * std::numbers::pi / 180);
        const double l = std::pow(lightness + 0.3963377774 * a + 0.2158037573 * b, 3);
        const double m = std::pow(lightness - 0.1055613458 * a - 0.0638541728 * b, 3);
        const double s = std::pow(lightness - 0.0894841775 * a - 1.2914855480 * b, 3);
        const std::array<double, 3> rgb = {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
                                           -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
                                           -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
        const bool inside = std::all_of(rgb.begin(), rgb.end(), [](double c) { return c >= 0 && c <= 1; });
        if (!inside && chroma > 0) continue;
        char out[8];
        std::snprintf(out, sizeof out, "#%02X%02X%02X", static_cast<int>(std::lround(std::clamp(to_srgb(rgb[0]), 0.0, 1.0) * 255)),
                      static_cast<int>(std::lround(std::clamp(to_srgb(rgb[1]), 0.0, 1.0) * 255)),
                      static_cast<int>(std::lround(std::clamp(to_srgb(rgb[2]), 0.0, 1.0) * 255)));
        return out;
    }
}

double distance(const Lab& x, const Lab& y) { return std::hypot(x.l - y.l, x.a - y.a, x.b - y.b); }

// The generated colours: hues a golden angle apart at lightness 0.56 (dark enough for a stripe
// and for text on white, light enough for a highlight); a candidate too close to a colour
// already taken (or to "both") is skipped, and the required distance shrinks slowly when the
// hue circle fills up, so there is always a next colour.
class Sequence {
public:
    Sequence() {
        for (const auto* c : kPalette) take(c);
        taken_.push_back(oklab_of(kBothColour));
        used_.insert(kBothColour);
    }
    const std::string& at(std::size_t n) {
        while (colours_.size() <= n) generate();
        return colours_[n];
    }

private:
    void take(const std::string& hex) {
        colours_.push_back(hex);
        taken_.push_back(oklab_of(hex));
        used_.insert(hex);
    }
    void generate() {
        constexpr double kGolden = 137.50776405;
        for (;;) {
            const double hue = std::fmod(25.0 + kGolden * static_cast<double>(candidate_++), 360.0);
            const std::string hex = hex_of(0.56, 0.15, hue);
            const Lab lab = oklab_of(hex);
            const bool far = std::all_of(taken_.begin(), taken_.end(), [&](const Lab& t) { return distance(t, lab) >= min_distance_; });
            if (far && !used_.count(hex)) return take(hex);
            if (++misses_ % 24 == 0) min_distance_ *= 0.85;  // a full turn found nothing: relax
        }
    }
    std::vector<std::string> colours_;
    std::vector<Lab> taken_;
    std::set<std::string> used_;
    std::size_t candidate_ = 0, misses_ = 0;
    double min_distance_ = 0.09;
};

}  // namespace

std::vector<std::string> coder_colour_sequence(std::size_t n) {
    static std::mutex lock;
    static Sequence sequence;
    const std::lock_guard guard(lock);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(sequence.at(i));
    return out;
}

std::vector<std::string> coders_in_order(const core::Repository& repo) {
    std::unordered_map<std::string, std::int64_t> first;  // coder -> lowest coding id
    repo.scan_codings([&](const core::StoredCoding& c) {
        const auto it = first.find(std::string(c.coder));
        if (it == first.end()) first.emplace(std::string(c.coder), c.id.value);
        else it->second = std::min(it->second, c.id.value);
    });
    std::vector<std::pair<std::int64_t, std::string>> sorted;
    for (auto& [name, id] : first) sorted.emplace_back(id, name);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> out;
    for (auto& [id, name] : sorted) out.push_back(std::move(name));
    return out;
}

CoderPalette::CoderPalette(std::vector<std::string> order) {
    assign(std::move(order));
    loaded_ = true;
}

void CoderPalette::assign(std::vector<std::string> order) {
    order_.clear();
    slots_.clear();
    for (auto& name : order) {
        if (slots_.emplace(name, order_.size()).second) order_.push_back(std::move(name));
    }
    colours_ = coder_colour_sequence(order_.size());
}

std::size_t CoderPalette::slot(const std::string& coder) {
    if (!loaded_ && source_) assign(source_());
    loaded_ = true;
    auto it = slots_.find(coder);
    if (it == slots_.end() && source_) {  // new since the order was read?
        assign(source_());
        it = slots_.find(coder);
    }
    if (it != slots_.end()) return it->second;
    slots_.emplace(coder, order_.size());
    order_.push_back(coder);
    colours_ = coder_colour_sequence(order_.size());
    return order_.size() - 1;
}

std::string CoderPalette::colour(const std::string& coder) {
    const auto at = slot(coder);
    return colours_.at(at);
}

std::map<std::string, std::string> CoderPalette::colours(const std::vector<std::string>& coders) {
    std::map<std::string, std::string> out;
    for (const auto& c : coders) if (!out.count(c)) out[c] = colour(c);
    return out;
}

}  // namespace comb::gui
