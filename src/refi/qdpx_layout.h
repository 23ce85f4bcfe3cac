// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A text source's layout as the REFI-QDA reader takes it: the paragraphs, speaker turns and
// metadata Comb wrote into its Description (the comb.json document marker), or, for other
// tools' files, the text's lines.
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "refi/refi_model.h"

namespace comb::refi {

// Reads the document marker's JSON into `doc` (paragraphs, turns, string metadata); false,
// with `doc` unchanged, when it is not a JSON object.
bool read_document_layout(std::string_view marker_json, RefiDocument& doc);
// The text's non-empty lines as spans in code points.
std::vector<core::Span> lines_of(const std::string& text);

}  // namespace comb::refi
