// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8.h"

#include <algorithm>
#include <stdexcept>

namespace comb::core::utf8 {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence starting at text[i], or 0 if invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    char32_t min = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
    else return 0;
    if (i + n > text.size()) return 0;
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto d = static_cast<unsigned char>(text[i + k]);
        if (!is_continuation(d)) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::int64_t length(std::string_view text) {
    std::int64_t n = 0;
    for (unsigned char c : text) n += !is_continuation(c);
    return n;
}

std::size_t byte_offset(std::string_view text, CodePoint cp) {
    if (cp.value < 0) throw std::out_of_range("negative code point offset");
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
        if (seen == cp.value) return i;
        ++seen;
    }
    if (seen == cp.value) return text.size();
    throw std::out_of_range("code point offset " + std::to_string(cp.value) +
                            " is past the end of the text (" + std::to_string(seen) + ")");
}

std::string_view slice(std::string_view text, Span span) {
    if (span.end < span.start) throw std::out_of_range("span end before start");
    const std::size_t b = byte_offset(text, span.start);
    const std::size_t e = b + byte_offset(text.substr(b), CodePoint(span.length()));
    return text.substr(b, e - b);
}

CodePoint to_code_point(std::string_view text, std::size_t byte) {
    return CodePoint(length(text.substr(0, std::min(byte, text.size()))));
}

std::vector<char32_t> decode(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) { out.push_back(0xFFFD); ++i; continue; }
        const auto c = static_cast<unsigned char>(text[i]);
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
        if (n % kStride == 0) checkpoints_.push_back(i);
        ++n;
    }
    length_ = n;
}

std::size_t OffsetMap::byte_offset(CodePoint cp) const {
    if (cp.value < 0 || cp.value > length_) throw std::out_of_range("code point offset out of range");
    if (cp.value == length_) return text_.size();
    const std::size_t base = checkpoints_[static_cast<std::size_t>(cp.value / kStride)];
    return base + utf8::byte_offset(text_.substr(base), CodePoint(cp.value % kStride));
}

CodePoint OffsetMap::code_point(std::size_t byte) const {
    if (byte >= text_.size()) return CodePoint(length_);
    const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte);
    const auto k = static_cast<std::int64_t>(it - checkpoints_.begin()) - 1;
    const std::size_t base = checkpoints_[static_cast<std::size_t>(k)];
    return CodePoint(k * kStride + utf8::length(text_.substr(base, byte - base)));
}

}  // namespace comb::core::utf8
