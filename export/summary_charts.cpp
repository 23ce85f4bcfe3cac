// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/summary_charts.h"

#include <algorithm>
#include <cstdio>

#include "export/text_format.h"

namespace comb::exporters::charts {
namespace {

// Integers in SVG coordinates keep the output byte-stable across platforms.
std::string num(int v) { return std::to_string(v); }

std::string text_el(int x, int y, const std::string& content, const std::string& attrs = {}) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (attrs.empty() ? "" : " " + attrs) +
           ">" + content + "</text>";
}

std::string rect(int x, int y, int w, int h, const std::string& attrs) {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
           num(h) + "\" " + attrs + "/>";
}

std::string svg_open(const std::string& id, int w, int h, const std::string& title,
                     const std::string& desc) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"" +
           num(w) + "\" height=\"" + num(h) + "\" viewBox=\"0 0 " + num(w) + " " + num(h) +
           "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" + id +
           "-title\">" + text::html(title) + "</title>\n<desc id=\"" + id + "-desc\">" +
           text::html(desc) + "</desc>\n";
}

// A sequential purple scale, apart from the barrier/facilitator hues: white at zero, then from
// a pale to a deep tint by the share of the largest count.
std::string shade(int count, int max) {
    if (count <= 0 || max <= 0) return "#FFFFFF";
    const int lo[3] = {0xEF, 0xEB, 0xF6};
    const int hi[3] = {0x3F, 0x23, 0x7A};
    char out[8];
    int c[3];
    for (int i = 0; i < 3; ++i) c[i] = lo[i] + (hi[i] - lo[i]) * count / max;
    std::snprintf(out, sizeof out, "#%02X%02X%02X", c[0], c[1], c[2]);
    return out;
}

// Labels of a level in at most two lines: "Individual" over "(trainer)".
std::pair<std::string, std::string> level_lines(const core::LevelTag& level) {
    auto first = text::level_label(core::LevelTag{level.level, {}});
    return {first, level.actor.empty() ? std::string() : "(" + level.actor + ")"};
}

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string heat_map_svg(const Summary& summary, const std::string& id) {
    const auto& cols = summary.heat_map;
    if (cols.empty()) return {};
    // Room for the longest row label, "Psychological capability (C.Ps)" (31 characters at
    // the page's 15 px): at 196 it was cut on the left ("ychological capability").
    constexpr int kLabel = 290, kCell = 86, kRow = 34, kHead = 48, kPad = 6;
    const int n = static_cast<int>(cols.size());
    const int w = kLabel + n * kCell + kPad, h = kHead + 6 * kRow + kPad;
    int max = 0;
    for (const auto& c : cols) max = std::max(max, *std::max_element(c.counts.begin(), c.counts.end()));

    std::string desc = "Counts of " + summary.count_unit + " by COM-B sub-component and level. ";
    std::string body;
    for (int j = 0; j < n; ++j) {
        const auto [l1, l2] = level_lines(cols[j].level);
        const int cx = kLabel + j * kCell + kCell / 2;
        body += text_el(cx, l2.empty() ? kHead - 12 : kHead - 26, text::html(l1), "class=\"col\"");
        if (!l2.empty()) body += text_el(cx, kHead - 10, text::html(l2), "class=\"col\"");
    }
    for (int i = 0; i < 6; ++i) {
        const auto comb = core::kAllComB[i];
        const int y = kHead + i * kRow;
        body += text_el(kLabel - 10, y + kRow / 2 + 5,
                        text::html(core::label(comb)) + " <tspan class=\"code\">(" +
                            text::html(core::to_string(comb)) + ")</tspan>",
                        "class=\"row\"");
        desc += std::string(core::label(comb)) + ":";
        for (int j = 0; j < n; ++j) {
            const int v = cols[j].counts[static_cast<std::size_t>(i)];
            const int x = kLabel + j * kCell;
            const bool dark = max > 0 && v * 2 > max;
            body += rect(x + 1, y + 1, kCell - 2, kRow - 2,
                         "rx=\"3\" fill=\"" + shade(v, max) + "\" stroke=\"#D9D4E7\"");
            body += text_el(x + kCell / 2, y + kRow / 2 + 5, num(v),
                            std::string("class=\"cell") + (dark ? " dark" : "") + "\"");
            desc += std::string(j == 0 ? " " : ", ") + text::level_label(cols[j].level) + " " +
                    num(v);
        }
        desc += ". ";
    }
    desc.pop_back();
    return svg_open(id, w, h, "COM-B by level heat map", desc) + body + "</svg>\n";
}

std::string balance_svg(const Summary& summary, const std::string& id) {
    const auto& rows = summary.balance;
    if (rows.empty()) return {};
    constexpr int kLabel = 112, kSub = 84, kBars = 220, kValue = 34, kBar = 16, kGap = 4,
                  kGroupGap = 16, kLegend = 34;
    const int n = static_cast<int>(rows.size());
    const int w = kLabel + kSub + kBars + kValue;
    const int group = 2 * kBar + kGap;
    const int h = kLegend + n * group + (n - 1) * kGroupGap + 8;
    int max = 1;
    for (const auto& r : rows) max = std::max({max, r.barriers, r.facilitators});

    std::string body;
    body += rect(0, 6, 14, 14, std::string("fill=\"") + kBarrierColour + "\"");
    body += text_el(20, 18, "Barriers", "class=\"legend\"");
    body += rect(110, 6, 14, 14, std::string("fill=\"") + kFacilitatorColour + "\"");
    body += text_el(130, 18, "Facilitators", "class=\"legend\"");
    std::string desc = "Number of " + summary.count_unit + " coded as barriers and as "
                       "facilitators at each level.";
    for (int i = 0; i < n; ++i) {
        const auto& r = rows[static_cast<std::size_t>(i)];
        const int y = kLegend + i * (group + kGroupGap);
        const auto [l1, l2] = level_lines(r.level);
        body += text_el(0, y + (l2.empty() ? group / 2 + 5 : group / 2 - 3), text::html(l1),
                        "class=\"level\"");
        if (!l2.empty()) body += text_el(0, y + group / 2 + 13, text::html(l2), "class=\"level\"");
        const int values[2] = {r.barriers, r.facilitators};
        const char* names[2] = {"Barriers", "Facilitators"};
        const char* colours[2] = {kBarrierColour, kFacilitatorColour};
        for (int k = 0; k < 2; ++k) {
            const int by = y + k * (kBar + kGap);
            const int len = values[k] * kBars / max;
            body += text_el(kLabel, by + kBar - 4, names[k], "class=\"sub\"");
            body += rect(kLabel + kSub, by, std::max(len, 1), kBar,
                         std::string("fill=\"") + colours[k] + "\"");
            body += text_el(kLabel + kSub + len + 6, by + kBar - 3, num(values[k]),
                            "class=\"value\"");
        }
        desc += " " + text::level_label(r.level) + ": " +
                plural(r.barriers, "barrier", "barriers") + ", " +
                plural(r.facilitators, "facilitator", "facilitators") + ".";
    }
    return svg_open(id, w, h, "Barriers and facilitators by level", desc) + body + "</svg>\n";
}

}  // namespace comb::exporters::charts
