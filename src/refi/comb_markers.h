// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Comb's marker lines in REFI-QDA Descriptions, and GUID helpers. Codebooks (.qdc) carry
// framework tags, deductive codes and themes as marked lines at the end of a Description
// ("Comb tags: ...", "Comb theme: {...}"); .qdpx files written before comb.json (see
// comb_extension.h) carried all of Comb's own data that way ("Comb document: {...}"), and the
// reader still understands them. docs/refi-qda-mapping.md describes every marker.
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "refi/refi_model.h"

namespace comb::refi {

// A name-based GUID (SHA-256 of `key`, shaped as an RFC 4122 version-5-style GUID, lower
// case): the same key always gives the same GUID, so exports are reproducible.
std::string stable_guid(std::string_view key);

// "{ABCD...}" or "ABCD..." to lower case without braces; nullopt if not a GUID.
std::optional<std::string> normalise_guid(std::string_view s);

// A code's Description: definition, then "Inclusion: ", "Exclusion: ", "Example: "
// paragraphs, then "Comb code: deductive" for framework codes and "Comb tags: ..." last.
std::string code_description(const core::Code& code);
// Fills definition, inclusion, exclusion, example, tags and inductive of `code` from a
// Description. A "Comb tags:" line that does not parse stays in the definition and a warning
// is returned.
std::optional<std::string> parse_code_description(std::string_view description, RefiCode& code);

// A value, an optional free-text part, and a one-line JSON marker after "PREFIX: ".
struct Marked {
    std::string text;                 // the free text before the marker (trimmed)
    std::optional<std::string> json;  // the marker's JSON, if the last line is one
};
Marked split_marker(std::string_view description, std::string_view prefix);
std::string join_marker(std::string_view text, std::string_view prefix, const std::string& json);

inline constexpr std::string_view kDocumentMarker = "Comb document";
inline constexpr std::string_view kCodingMarker = "Comb coding";
inline constexpr std::string_view kThemeMarker = "Comb theme";
inline constexpr std::string_view kChoicesMarker = "Comb choices";
inline constexpr std::string_view kCaseMemoMarker = "Comb memo on case";

// Trims blanks and line breaks at both ends.
std::string trim(std::string_view s);

}  // namespace comb::refi
