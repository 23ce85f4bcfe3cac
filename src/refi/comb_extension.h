// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// comb.json: Comb's own data in a .qdpx, beside project.qde, where other programs do not look.
// REFI-QDA has no element for turns, paragraphs, document metadata, framework tags, a code's
// definition/inclusion/exclusion/example as separate fields, deductive codes, attribute choice
// lists, coding tag overrides, pinned quotes, theme descriptions and parents, or a memo's exact
// target and title; Comb writes them here, keyed by the GUIDs of project.qde, and writes only
// readable text into the Descriptions other programs show. The file names the SHA-256 of the
// project.qde it belongs to: when another program rewrote the .qde, comb.json is ignored (with
// a warning) and the .qde is read as any other tool's. docs/refi-qda-mapping.md lists every key.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "refi/export_index.h"
#include "refi/refi_model.h"

namespace comb::refi {

inline constexpr std::string_view kExtensionEntry = "comb.json";

// The comb.json text for this project, whose project.qde is `qde`.
std::string extension_json(const Index& ix, std::string_view qde);

// comb.json read from the archive, or nullopt (with a warning) when it is not Comb's or does
// not belong to this `qde`.
std::optional<nlohmann::json> parse_extension(std::string_view bytes, std::string_view qde,
                                              std::vector<std::string>& warnings);

// The GUIDs of the sets comb.json lists as themes (a theme without codes is still a theme).
std::set<std::string> extension_themes(const nlohmann::json& ext);

// Replaces what `out` read from Descriptions and Notes by comb.json's exact values: document
// layout and metadata, code fields and tags, choices, case descriptions, coding tags and pins,
// theme descriptions and parents, and all memos. Throws nlohmann::json::exception on a file
// whose values have the wrong types (the reader turns it into an InputError).
void apply_extension(const nlohmann::json& ext, RefiProject& out);

}  // namespace comb::refi
