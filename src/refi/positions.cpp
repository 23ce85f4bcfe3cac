// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/positions.h"

#include <cctype>

#include "core/utf8.h"

namespace comb::refi {
namespace {

// Letters, digits and marks of any script count as word characters; punctuation, spaces,
// symbols and emoji do not. A coarse test is enough to score a whole file's selections.
bool is_word(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0 || c == '_';
    if (c >= 0x2000 && c < 0x2C00) return false;   // punctuation, symbols, arrows, dingbats
    if (c >= 0x3000 && c < 0x3040) return false;   // CJK punctuation
    if (c >= 0xFE00 && c < 0xFE10) return false;   // variation selectors
    if (c >= 0x1F000) return false;                // emoji and pictographs
    return c != 0xA0 && c != 0xAB && c != 0xBB && c != 0xBF && c != 0xA1;
}

}  // namespace

std::string_view to_string(PositionUnit unit) {
    switch (unit) {
        case PositionUnit::code_points_lf: return "code points over LF text";
        case PositionUnit::code_points_raw: return "code points over the raw text (CR LF counted twice)";
        case PositionUnit::utf16_raw: return "UTF-16 code units over the raw text (CR LF counted twice)";
        case PositionUnit::utf16_lf: return "UTF-16 code units over LF text";
    }
    return "";
}

SourceText::SourceText(std::string_view raw) {
    const auto raw_cps = core::utf8::decode(raw);
    raw_cp_to_cp_.reserve(raw_cps.size() + 1);
    raw_u16_to_cp_.reserve(raw_cps.size() + 1);
    for (std::size_t i = 0; i < raw_cps.size(); ++i) {
        const char32_t c = raw_cps[i];
        const auto here = static_cast<std::int64_t>(cps_.size());
        raw_cp_to_cp_.push_back(here);
        raw_u16_to_cp_.push_back(here);
        if (c >= 0x10000) raw_u16_to_cp_.push_back(-1);
        if (c == '\r' && i + 1 < raw_cps.size() && raw_cps[i + 1] == '\n') continue;  // CR of CR LF
        cps_.push_back(c == '\r' ? U'\n' : c);
    }
    raw_cp_to_cp_.push_back(static_cast<std::int64_t>(cps_.size()));
    raw_u16_to_cp_.push_back(static_cast<std::int64_t>(cps_.size()));
    for (std::size_t i = 0; i < cps_.size(); ++i) {
        lf_u16_to_cp_.push_back(static_cast<std::int64_t>(i));
        if (cps_[i] >= 0x10000) lf_u16_to_cp_.push_back(-1);
        core::utf8::append(text_, cps_[i]);
    }
    lf_u16_to_cp_.push_back(static_cast<std::int64_t>(cps_.size()));
}

std::optional<std::int64_t> SourceText::convert(std::int64_t pos, PositionUnit unit) const {
    if (pos < 0) return std::nullopt;
    const std::vector<std::int64_t>* table = nullptr;
    switch (unit) {
        case PositionUnit::code_points_lf:
            if (pos > length()) return std::nullopt;
            return pos;
        case PositionUnit::code_points_raw: table = &raw_cp_to_cp_; break;
        case PositionUnit::utf16_raw: table = &raw_u16_to_cp_; break;
        case PositionUnit::utf16_lf: table = &lf_u16_to_cp_; break;
    }
    if (pos >= static_cast<std::int64_t>(table->size())) return std::nullopt;
    const std::int64_t cp = (*table)[static_cast<std::size_t>(pos)];
    if (cp < 0) return std::nullopt;
    return cp;
}

bool SourceText::starts_word(std::int64_t cp) const {
    if (cp <= 0 || cp >= length()) return true;
    return !is_word(cps_[static_cast<std::size_t>(cp - 1)]) || !is_word(cps_[static_cast<std::size_t>(cp)]);
}

bool SourceText::ends_word(std::int64_t cp) const { return starts_word(cp); }

}  // namespace comb::refi
