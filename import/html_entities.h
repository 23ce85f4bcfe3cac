// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// HTML character references (&amp; &#233; &#x1F600; and the common named ones), shared by the
// HTML and WebVTT readers.
#include <string>
#include <string_view>

namespace comb::importers {

// Decodes the references in `text`; unknown or malformed ones are kept as written, as
// browsers do. Never throws.
std::string decode_html_entities(std::string_view text);

}  // namespace comb::importers
