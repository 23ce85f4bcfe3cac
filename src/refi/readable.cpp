// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/readable.h"

namespace comb::refi {

std::string paragraphs(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

std::string readable_tags(const core::TagSet& tags) {
    std::string out;
    auto part = [&](const std::string& p) { out += (out.empty() ? "" : "; ") + p; };
    if (!tags.comb.empty()) {
        std::string s;
        for (const auto c : tags.comb) s += (s.empty() ? "" : ", ") + std::string(core::label(c));
        part("COM-B: " + s);
    }
    if (!tags.tdf.empty()) {
        std::string s;
        for (const auto& d : tags.tdf) s += (s.empty() ? "" : ", ") + d;
        part("TDF: " + s);
    }
    if (tags.level) {
        std::string s = "level: " + std::string(core::to_string(tags.level->level));
        if (!tags.level->actor.empty()) s += " (" + tags.level->actor + ")";
        part(s);
    }
    if (tags.valence) part(std::string(core::to_string(*tags.valence)));
    return out;
}

std::string readable_code(const core::Code& code) {
    auto labelled = [](const char* label, const std::string& text) {
        return text.empty() ? std::string() : label + text;
    };
    return paragraphs({labelled("Definition: ", code.definition), labelled("Include when: ", code.inclusion),
                       labelled("Exclude when: ", code.exclusion), labelled("Example: ", code.example),
                       readable_tags(code.tags)});
}

std::string memo_text(const core::Memo& memo) {
    if (memo.title.empty()) return memo.text;
    if (memo.text.empty()) return memo.title;
    return memo.title + ": " + memo.text;
}

std::string with_memo(const std::string& own, const core::Memo* memo) {
    if (!memo) return own;
    if (own.empty()) return memo_text(*memo);
    return own + "\n\nMemo: " + memo_text(*memo);
}

}  // namespace comb::refi
