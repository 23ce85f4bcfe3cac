// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity.h"

#include <cstdlib>

namespace comb::core {

std::string resolve_coder(const std::optional<std::string>& setting) {
    if (const char* v = std::getenv("COMB_CODER"); v && *v) return v;
    if (setting && !setting->empty()) return *setting;
    for (const char* var : {"USER", "LOGNAME"}) {
        if (const char* v = std::getenv(var); v && *v) return v;
    }
    return "unknown";
}

}  // namespace comb::core
