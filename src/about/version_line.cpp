// SPDX-License-Identifier: GPL-3.0-or-later
// In comb_build_info beside the generated git_describe(), so only the programs that show the git
// description link it.
#include "about/about.h"

namespace comb::about {

std::string version_line() {
    std::string line(version());
    if (!git_describe().empty()) line += " (git " + std::string(git_describe()) + ")";
    return line;
}

}  // namespace comb::about
