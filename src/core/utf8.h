// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UTF-8 text and code-point offsets. Comb counts positions in Unicode code points;
// every conversion between code points and bytes goes through these functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ids.h"

namespace comb::core::utf8 {

// Byte offset of the first invalid sequence, or nullopt if `text` is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view text);

// Number of code points. Precondition: valid UTF-8.
std::int64_t length(std::string_view text);

// Byte offset of code point `cp`; cp may equal length(). Throws std::out_of_range past the end.
std::size_t byte_offset(std::string_view text, CodePoint cp);

// The UTF-8 bytes of [span.start, span.end). Throws std::out_of_range if outside the text.
std::string_view slice(std::string_view text, Span span);

// Code point index for a byte offset that lies on a code point boundary.
CodePoint to_code_point(std::string_view text, std::size_t byte);

// Decode all code points.
std::vector<char32_t> decode(std::string_view text);
void append(std::string& out, char32_t cp);

// Maps code points to bytes in O(log n) after an O(n) scan; for long texts queried often.
class OffsetMap {
public:
    explicit OffsetMap(std::string_view text);
    std::size_t byte_offset(CodePoint cp) const;
    CodePoint code_point(std::size_t byte) const;
    std::int64_t length() const { return length_; }

private:
    static constexpr std::int64_t kStride = 64;
    std::vector<std::size_t> checkpoints_;  // byte offset of every kStride-th code point
    std::string_view text_;
    std::int64_t length_ = 0;
};

}  // namespace comb::core::utf8
