// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Imports hash the file they read
// (so re-importing it can be refused); editing a transcript hashes its new text (so merges see
// that the text differs). None of the libraries we already link exports a hash, and 80 lines
// beat a new dependency.
#include <string>
#include <string_view>

namespace comb::core {

// Never throws (except std::bad_alloc).
std::string sha256_hex(std::string_view bytes);

}  // namespace comb::core
