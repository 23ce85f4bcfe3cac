// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex. Used for ImportedDocument's
// content hash so re-importing the same file can be refused. None of the libraries we already
// link (ICU, libzip, poppler) exports a hash, and 80 lines beat a new dependency.
#include <string>
#include <string_view>

namespace comb::importers {

// Never throws (except std::bad_alloc).
std::string sha256_hex(std::string_view bytes);

}  // namespace comb::importers
