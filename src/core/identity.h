// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who is acting: the one place both front ends learn the coder's name.
#include <optional>
#include <string>

namespace comb::core {

// COMB_CODER when set (the command line, scripts, tests); else `setting` (the GUI's
// remembered name) when not empty; else the login name (USER, LOGNAME); else "unknown".
std::string resolve_coder(const std::optional<std::string>& setting = std::nullopt);

}  // namespace comb::core
