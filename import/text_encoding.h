// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bytes to clean text: encoding detection and conversion to UTF-8, newline policy, NFC.
// Comb's newline policy: every text is stored with LF only (CRLF and lone CR become LF), so
// code-point offsets never depend on the platform a transcript was typed on.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace comb::importers {

struct DecodedText {
    std::string text;      // UTF-8, BOM removed, line endings as in the file
    std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "WINDOWS-1252", ...
};

// Decodes a text file. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised
// directly, UTF-16 without BOM by its NUL pattern, other encodings by uchardet and converted
// with ICU. Throws core::InputError (position = byte offset, line, column where known):
// "empty file"; "binary file, not text (NUL byte)"; "invalid UTF-8 (byte 0xNN; no other
// encoding recognised)"; "invalid UTF-16"; "invalid <ENCODING> byte sequence";
// "unsupported encoding <NAME>".
DecodedText decode_text(std::string_view bytes, const std::string& path);

// CRLF and CR to LF; other C0 control characters except TAB and LF removed (they are noise
// from old editors and terminals: form feeds, DOS end-of-file marks). Returns the number of
// characters removed through `removed` when not null.
std::string clean_text(std::string_view utf8, std::size_t* removed = nullptr);

// `bytes` with every invalid UTF-8 byte replaced by U+FFFD, for text pulled out of containers
// (XML, RTF, PDF) that do not guarantee valid UTF-8.
std::string valid_utf8(std::string_view bytes);

// Unicode NFC of valid UTF-8. When `byte_offsets` is given, each offset into `utf8` (ascending
// or not) is replaced by the matching offset in the result; an offset inside a composed
// sequence moves to the sequence's start. Throws core::Error if ICU fails (a bug).
std::string to_nfc(std::string_view utf8, std::vector<std::size_t>* byte_offsets = nullptr);

// A SourcePos for a byte offset into `bytes`: 1-based line, and column in code points counted
// over the valid UTF-8 before the offset (bytes when the line is not UTF-8).
core::SourcePos position_at(const std::string& path, std::string_view bytes, std::size_t offset);

}  // namespace comb::importers
