// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One random command on a one-document project, for the property tests: code a random span,
// remove a coding, tag a code, define a theme, merge or delete codes. Code paths come from a
// small set with a nested and an escaped name; many commands are refused, which is tested too.
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/theme_commands.h"

namespace comb::test {

// nullptr when the drawn command has nothing to work on (no coding to remove).
inline std::unique_ptr<core::Command> random_command(std::mt19937& rng, core::DocumentId doc, std::int64_t len,
                                                     const std::vector<core::Coding>& codings) {
    const std::vector<std::string> codes = {"A", "A/B", "C", "C/D\\/E", "F"};
    auto pick = [&](const auto& v) { return v[rng() % v.size()]; };
    std::unique_ptr<core::Command> cmd;
    switch (rng() % 7) {
        case 0: case 1: {
            const auto s = static_cast<std::int64_t>(rng() % (len - 1));
            const auto e = s + 1 + static_cast<std::int64_t>(rng() % (len - s));
            cmd = std::make_unique<core::ApplyCodings>(std::vector<core::CodingTarget>{{doc, {core::CodePoint(s), core::CodePoint(e)}}}, pick(codes), "t");
            break;
        }
        case 2:
            if (codings.empty()) return nullptr;
            cmd = std::make_unique<core::RemoveCodings>(std::vector<core::CodingId>{pick(codings).id});
            break;
        case 3: {
            core::TagPatch p;
            p.comb = std::vector<core::ComB>{core::kAllComB[rng() % 6]};
            p.valence = std::optional<core::Valence>(core::kAllValences[rng() % 4]);
            cmd = std::make_unique<core::TagCode>(pick(codes), p);
            break;
        }
        case 4:
            cmd = std::make_unique<core::DefineTheme>(core::DefineTheme::Spec{"T" + std::to_string(rng() % 2), {}, "d", {pick(codes)}, {}});
            break;
        case 5:
            cmd = std::make_unique<core::MergeCodes>(pick(codes), pick(codes));
            break;
        default:
            cmd = std::make_unique<core::DeleteCode>(pick(codes));
            break;
    }
    return cmd;
}

}  // namespace comb::test
