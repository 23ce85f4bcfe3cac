// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What this build of Comb is: its version and licence, for `comb --version`, the manual page and
// comb-gui's About box. Nothing here throws.
#include <string>
#include <string_view>

namespace comb::about {

// The project version from CMake's project() ("0.1.0"), also the Debian package version.
std::string_view version();

// `git describe --always --dirty` of the checkout this binary was built from ("v0.1.0-3-gabc1234",
// "ddf24f8-dirty"), or empty when it was built from a source tarball. Defined in comb_build_info,
// which only the programs that show it link.
std::string_view git_describe();

// "0.1.0", or "0.1.0 (git ddf24f8)" when built from a checkout. In comb_build_info too.
std::string version_line();

// The desktop application id ("io.github.comb_qda.Comb"): the name of the .desktop file, the
// AppStream component and the icon in the hicolor theme (COMB_APP_ID in packaging/CMakeLists.txt).
std::string_view app_id();

// The SPDX identifier of Comb's licence, "GPL-3.0-or-later".
std::string_view licence_id();

// A few lines naming the licence and the lack of warranty, for --version and About.
std::string_view licence_notice();

}  // namespace comb::about
