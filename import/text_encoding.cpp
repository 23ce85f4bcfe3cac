// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/text_encoding.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <uchardet.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "core/utf8.h"

namespace comb::importers {
namespace {

using core::InputError;
using core::SourcePos;

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorDeleter {
    void operator()(uchardet* d) const { uchardet_delete(d); }
};

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

std::string utf16_to_utf8(const std::u16string& units) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(units.size())).toUTF8(sink);
    return out;
}

// Converts `bytes` (which start at `base` in the file) from `icu_name` to UTF-8, stopping at the
// first byte sequence the encoding does not define so the error can name its offset.
std::string convert(std::string_view bytes, std::size_t base, const char* icu_name,
                    const std::string& label, const std::string& path) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name, &status));
    if (U_FAILURE(status)) throw InputError(SourcePos{path, {}, {}, {}}, "unsupported encoding " + label);
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

    // Any supported encoding yields at most two UTF-16 units per input byte.
    std::u16string units(bytes.size() * 2 + 16, u'\0');
    UChar* target = units.data();
    const char* source = bytes.data();
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source,
                   bytes.data() + bytes.size(), nullptr, true, &status);
    if (U_FAILURE(status)) {
        char bad[32];
        int8_t bad_len = sizeof bad;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), bad, &bad_len, &ignored);
        const auto at = static_cast<std::size_t>(source - bytes.data()) - std::max<int8_t>(bad_len, 0);
        const bool utf16 = starts_with(label, "UTF-16") || starts_with(label, "UTF-32");
        throw InputError(SourcePos{path, {}, {}, static_cast<std::int64_t>(base + at)},
                         utf16 ? "invalid " + label.substr(0, 6) : "invalid " + label + " byte sequence");
    }
    units.resize(static_cast<std::size_t>(target - units.data()));
    return utf16_to_utf8(units);
}

// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. Binary files with
// NULs rarely show that regular pattern.
std::optional<const char*> guess_bomless_utf16(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.size() % 2 != 0) return std::nullopt;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t zero_even = 0, zero_odd = 0, pairs = n / 2;
    for (std::size_t i = 0; i + 1 < n; i += 2) {
        zero_even += bytes[i] == '\0';
        zero_odd += bytes[i + 1] == '\0';
    }
    if (zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs) return "UTF-16LE";
    if (zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs) return "UTF-16BE";
    return std::nullopt;
}

// A Windows-1252 text practically never contains a valid multi-byte UTF-8 sequence, so a file
// that has one and is still invalid is broken UTF-8, not another encoding.
bool has_utf8_multibyte(std::string_view bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0xC2 || c > 0xF4) continue;
        const std::size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n <= bytes.size() && !core::utf8::first_invalid(bytes.substr(i, n))) return true;
    }
    return false;
}

std::string detect_charset(std::string_view bytes) {
    std::unique_ptr<uchardet, DetectorDeleter> detector(uchardet_new());
    if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
    uchardet_data_end(detector.get());
    const char* name = uchardet_get_charset(detector.get());
    return name ? name : "";
}

[[noreturn]] void throw_invalid_utf8(std::string_view bytes, std::size_t base, std::size_t at,
                                     const std::string& path) {
    // Lines and columns count from the start of the file, BOM included in neither.
    SourcePos pos = position_at(path, bytes, at);
    pos.offset = static_cast<std::int64_t>(base + at);
    throw InputError(pos, "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(bytes[at])) +
                              "; no other encoding recognised)");
}

DecodedText decode_without_bom(std::string_view bytes, const std::string& path) {
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        if (const auto utf16 = guess_bomless_utf16(bytes)) return {convert(bytes, 0, *utf16, *utf16, path), *utf16};
        throw InputError(position_at(path, bytes, nul), "binary file, not text (NUL byte)");
    }
    const auto invalid = core::utf8::first_invalid(bytes);
    if (!invalid) return {std::string(bytes), "UTF-8"};
    if (has_utf8_multibyte(bytes)) throw_invalid_utf8(bytes, 0, *invalid, path);
    std::string charset = detect_charset(bytes);
    if (charset.empty() || charset == "ASCII" || charset == "UTF-8") throw_invalid_utf8(bytes, 0, *invalid, path);
    // Files labelled Latin-1 are in practice Windows-1252 (curly quotes in 0x80-0x9F), as
    // browsers assume too.
    const char* icu_name = charset == "ISO-8859-1" ? "windows-1252" : charset.c_str();
    return {convert(bytes, 0, icu_name, charset, path), charset};
}

// Text with many control characters is a binary file whose bytes happen to decode.
void check_mostly_text(const DecodedText& decoded, const std::string& path) {
    std::size_t controls = 0, first = std::string::npos;
    for (std::size_t i = 0; i < decoded.text.size(); ++i) {
        const auto c = static_cast<unsigned char>(decoded.text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
            if (first == std::string::npos) first = i;
            ++controls;
        }
    }
    if (controls * 100 <= decoded.text.size()) return;
    SourcePos pos{path, {}, {}, {}};
    if (decoded.encoding == "UTF-8") pos = position_at(path, decoded.text, first);
    throw InputError(pos, "binary file, not text (control characters)");
}

}  // namespace

DecodedText decode_text(std::string_view bytes, const std::string& path) {
    if (bytes.empty()) throw InputError(SourcePos{path, {}, {}, {}}, "empty file");
    DecodedText decoded;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        const std::string_view body = bytes.substr(3);
        if (const auto bad = core::utf8::first_invalid(body)) throw_invalid_utf8(body, 3, *bad, path);
        decoded = {std::string(body), "UTF-8-BOM"};
    } else if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
        decoded = {convert(bytes.substr(4), 4, "UTF-32LE", "UTF-32LE", path), "UTF-32LE"};
    } else if (starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
        decoded = {convert(bytes.substr(4), 4, "UTF-32BE", "UTF-32BE", path), "UTF-32BE"};
    } else if (starts_with(bytes, "\xFF\xFE")) {
        decoded = {convert(bytes.substr(2), 2, "UTF-16LE", "UTF-16LE", path), "UTF-16LE"};
    } else if (starts_with(bytes, "\xFE\xFF")) {
        decoded = {convert(bytes.substr(2), 2, "UTF-16BE", "UTF-16BE", path), "UTF-16BE"};
    } else {
        decoded = decode_without_bom(bytes, path);
    }
    if (decoded.text.find('\0') != std::string::npos && decoded.encoding != "UTF-8") {
        throw InputError(SourcePos{path, {}, {}, {}}, "binary file, not text (NUL character)");
    }
    check_mostly_text(decoded, path);
    return decoded;
}

std::string clean_text(std::string_view utf8, std::size_t* removed) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\r') {
            out += '\n';
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
        } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            ++dropped;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (removed) *removed = dropped;
    return out;
}

std::string valid_utf8(std::string_view bytes) {
    auto bad = core::utf8::first_invalid(bytes);
    if (!bad) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + 16);
    while (bad) {
        out.append(bytes.substr(0, *bad));
        out += "\xEF\xBF\xBD";
        bytes.remove_prefix(*bad + 1);
        bad = core::utf8::first_invalid(bytes);
    }
    out.append(bytes);
    return out;
}

std::string to_nfc(std::string_view utf8, std::vector<std::size_t>* byte_offsets) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw core::Error(std::string("ICU NFC unavailable: ") + u_errorName(status));
    const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);

    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    icu::Edits edits;
    nfc->normalizeUTF8(0, piece, sink, &edits, status);
    if (U_FAILURE(status)) throw core::Error(std::string("ICU NFC failed: ") + u_errorName(status));
    if (byte_offsets) {
        icu::Edits::Iterator it = edits.getFineIterator();
        for (std::size_t& offset : *byte_offsets) {
            UErrorCode s = U_ZERO_ERROR;
            const int32_t mapped = it.destinationIndexFromSourceIndex(static_cast<int32_t>(offset), s);
            offset = U_SUCCESS(s) ? static_cast<std::size_t>(mapped) : out.size();
        }
    }
    return out;
}

core::SourcePos position_at(const std::string& path, std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    const std::string_view before = bytes.substr(0, offset);
    const auto line = std::count(before.begin(), before.end(), '\n') + 1;
    const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const std::string_view prefix = before.substr(line_start);
    const std::int64_t column =
        core::utf8::first_invalid(prefix) ? static_cast<std::int64_t>(prefix.size()) + 1
                                          : core::utf8::length(prefix) + 1;
    return SourcePos{path, line, column, static_cast<std::int64_t>(offset)};
}

}  // namespace comb::importers
