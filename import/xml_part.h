// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parsing XML from untrusted files with pugixml. pugixml never expands custom entities, but a
// DOCTYPE or ENTITY declaration has no business in a document part and is the signature of
// entity-expansion and external-entity attacks, so such parts are refused outright.
#include <string>

#include <pugixml.hpp>

namespace comb::importers {

// Parses `xml` (the entry `part` of the file `path`) keeping whitespace-only text, which
// Word and ODF use for spaces between runs. Errors name "path/part" with line and column
// inside the part. Throws core::InputError: "XML with a DOCTYPE or ENTITY declaration is
// refused", "malformed XML (<pugixml description>)".
pugi::xml_document parse_xml_part(const std::string& xml, const std::string& path, const std::string& part);

// Text of every descendant PCDATA node, concatenated ("" for a null node).
std::string all_text(const pugi::xml_node& node);

}  // namespace comb::importers
