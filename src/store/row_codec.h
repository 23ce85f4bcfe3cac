// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Serialises change sets to JSON text for the history table.
#include <string>

#include "core/change_set.h"
#include "row_columns.h"  // row_kind_info: each kind's table

namespace comb::store {

std::string encode_changes(const core::ChangeSet& changes);
// Throws StoreError when the text is not a change set this build understands.
core::ChangeSet decode_changes(const std::string& text);

// Shared with the documents table.
std::string encode_spans(const std::vector<core::Span>& spans);
std::vector<core::Span> decode_spans(const std::string& text);
std::string encode_map(const std::map<std::string, std::string>& m);
std::map<std::string, std::string> decode_map(const std::string& text);

}  // namespace comb::store
