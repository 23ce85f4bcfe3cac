// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DamagedError: SQLite found the project file damaged (SQLITE_CORRUPT, SQLITE_NOTADB, a failed
// quick_check). An InputError, so every front end refuses it like bad input (CLI exit 1); the
// message says what can be done: restore a backup or salvage what can be read (docs/storage.md).
#include <string>

#include "core/error.h"

namespace comb::store {

class DamagedError : public core::InputError {
public:
    DamagedError(const std::string& path, const std::string& detail);
    const std::string& detail() const { return detail_; }

private:
    std::string detail_;
};

}  // namespace comb::store
