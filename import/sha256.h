// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SHA-256 lives in the core (core/sha256.h), which also hashes edited texts; the readers keep
// their spelling.
#include "core/sha256.h"

namespace comb::importers {
using core::sha256_hex;
}  // namespace comb::importers
