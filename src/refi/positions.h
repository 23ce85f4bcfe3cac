// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA says positions count "characters"; tools disagree on what a character is.
// QualCoder and Comb count code points over text with LF line endings; NVivo counts UTF-16
// code units over the raw text with CR LF; others are reported to count raw line endings.
// SourceText keeps a text in every reading and converts a position in any unit to a code
// point of Comb's text (LF), so the importer can try each unit and keep the one whose
// selections land on word boundaries.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace comb::refi {

enum class PositionUnit { code_points_lf, code_points_raw, utf16_raw, utf16_lf };
std::string_view to_string(PositionUnit unit);

class SourceText {
public:
    // `raw` is the decoded UTF-8 text with the line endings of the file (BOM removed).
    explicit SourceText(std::string_view raw);

    // Comb's text: CR LF and lone CR become LF.
    const std::string& text() const { return text_; }
    std::int64_t length() const { return static_cast<std::int64_t>(cps_.size()); }

    // The code point of text() that `pos` (in `unit`) names; nullopt if outside the text or
    // inside a surrogate pair.
    std::optional<std::int64_t> convert(std::int64_t pos, PositionUnit unit) const;

    // Whether a selection boundary at code point `cp` falls between words (or at an edge).
    bool starts_word(std::int64_t cp) const;
    bool ends_word(std::int64_t cp) const;

private:
    std::string text_;
    std::vector<char32_t> cps_;                 // code points of text_
    std::vector<std::int64_t> raw_cp_to_cp_;    // raw code point index -> text_ index
    std::vector<std::int64_t> raw_u16_to_cp_;   // raw UTF-16 index -> text_ index (-1 mid pair)
    std::vector<std::int64_t> lf_u16_to_cp_;    // UTF-16 index over text_ -> text_ index
};

}  // namespace comb::refi
