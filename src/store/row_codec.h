#pragma once
// Serialises change sets to JSON text for the history table.
#include <string>

#include "core/change_set.h"

namespace comb::store {

// The one table of row kinds: the name a history row carries and the table that holds them.
struct RowKindInfo {
    core::RowKind kind;
    const char* name;   // "coding", as written in the history's change sets
    const char* table;  // "codings"
};
const RowKindInfo& row_kind_info(core::RowKind kind);
// The kind a history row names; nullopt for a name this build does not know.
std::optional<core::RowKind> parse_row_kind(std::string_view name);

std::string encode_changes(const core::ChangeSet& changes);
// Throws StoreError when the text is not a change set this build understands.
core::ChangeSet decode_changes(const std::string& text);

// Shared with the documents table.
std::string encode_spans(const std::vector<core::Span>& spans);
std::vector<core::Span> decode_spans(const std::string& text);
std::string encode_map(const std::map<std::string, std::string>& m);
std::map<std::string, std::string> decode_map(const std::string& text);

}  // namespace comb::store
