// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coder_filter.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace comb::gui {

std::string CoderView::describe(const std::string& me) const {
    switch (mode) {
        case CoderMode::all: return "All coders";
        case CoderMode::one: return "Coder: " + a;
        case CoderMode::compare: return "Compare " + a + " and " + b;
        case CoderMode::blind: return "Blind: only " + me + "'s codings";
    }
    return "All coders";
}

bool shows(const CoderView& view, const std::string& coder, const std::string& me) {
    switch (view.mode) {
        case CoderMode::all: return true;
        case CoderMode::one: return coder == view.a;
        case CoderMode::compare: return coder == view.a || coder == view.b;
        case CoderMode::blind: return coder == me;
    }
    return true;
}

std::string side_colour(Side side, const CoderView& view, CoderPalette& palette) {
    if (side == Side::both) return kBothColour;
    return palette.colour(side == Side::a_only ? view.a : view.b);
}

std::vector<LegendEntry> coder_legend(const CoderView& view, const std::vector<core::Coding>& shown, CoderPalette& palette) {
    if (view.mode == CoderMode::compare) {
        return {{view.a + " only", side_colour(Side::a_only, view, palette)},
                {view.b + " only", side_colour(Side::b_only, view, palette)}, {"both", kBothColour}};
    }
    std::set<std::string> coders;
    for (const auto& c : shown) coders.insert(c.coder);
    if (coders.size() < 2) return {};  // nothing to tell apart: the palette is not even read
    std::vector<std::pair<std::size_t, std::string>> by_slot;
    for (const auto& name : coders) by_slot.emplace_back(palette.slot(name), name);
    std::sort(by_slot.begin(), by_slot.end());
    std::vector<LegendEntry> out;
    for (const auto& [slot, name] : by_slot) out.push_back({name.empty() ? "(no coder)" : name, palette.colour(name)});
    return out;
}

std::string side_name(Side side, const CoderView& view) {
    switch (side) {
        case Side::a_only: return view.a + " only";
        case Side::b_only: return view.b + " only";
        case Side::both: return "both";
    }
    return "";
}

std::vector<SideRun> compare_runs(const std::vector<core::Coding>& codings, const std::string& a, const std::string& b) {
    std::map<core::CodeId, std::vector<const core::Coding*>> by_code;
    for (const auto& c : codings) if (c.coder == a || c.coder == b) by_code[c.code].push_back(&c);
    std::vector<SideRun> out;
    for (const auto& [code, list] : by_code) {
        const std::vector<std::int64_t> points = core::cut_points(list);
        std::optional<SideRun> run;
        for (std::size_t i = 0; i + 1 < points.size(); ++i) {
            const core::Span piece{core::CodePoint(points[i]), core::CodePoint(points[i + 1])};
            const core::Coding* in_a = nullptr;
            const core::Coding* in_b = nullptr;
            for (const auto* c : list) {
                if (!c->span.contains(piece)) continue;
                (c->coder == a ? in_a : in_b) = c;
            }
            if (!in_a && !in_b) {
                if (run) out.push_back(*run);
                run.reset();
                continue;
            }
            const Side side = in_a && in_b ? Side::both : in_a ? Side::a_only : Side::b_only;
            if (run && (run->side != side || run->span.end != piece.start)) {
                out.push_back(*run);
                run.reset();
            }
            if (!run) run = SideRun{code, piece, side, (in_a ? in_a : in_b)->id};
            run->span.end = piece.end;
        }
        if (run) out.push_back(*run);
    }
    std::stable_sort(out.begin(), out.end(), [](const SideRun& x, const SideRun& y) { return x.span.start < y.span.start; });
    return out;
}

}  // namespace comb::gui
