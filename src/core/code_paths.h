// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Codes are addressed by path, "Parent/Child", in the CLI, exports and codebooks.
// CodeTree is a read-only view of a list of codes for lookups by id and path.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "change_set.h"
#include "model.h"
#include "repository.h"

namespace comb::core {

// Splits "A/B/C" into {"A","B","C"}, trimming blanks; "\/" stands for a slash inside a name.
// Throws InputError for an empty part.
std::vector<std::string> split_code_path(std::string_view path);
// A name as it appears in a path: slashes and backslashes escaped with a backslash.
std::string escape_code_name(std::string_view name);

class CodeTree {
public:
    explicit CodeTree(std::vector<Code> codes);
    const std::vector<Code>& codes() const { return codes_; }
    const Code* find(CodeId id) const;
    const Code& code(CodeId id) const;  // throws InputError if absent
    std::optional<CodeId> find_path(std::string_view path) const;
    CodeId path_id(std::string_view path) const;  // throws InputError "no code named ..."
    std::string path(CodeId id) const;
    std::vector<CodeId> children(std::optional<CodeId> parent) const;  // by position
    std::vector<CodeId> descendants(CodeId id) const;                   // depth first, excluding id
    std::optional<CodeId> child_named(std::optional<CodeId> parent, std::string_view name) const;
    // Adds a planned code so later lookups in the same plan see it.
    void add(Code code);

private:
    std::vector<Code> codes_;
    std::unordered_map<CodeId, std::size_t> by_id_;
};

// Finds the code at `path`, creating missing codes along it (recorded in `changes`).
CodeId ensure_code_path(Repository& repo, CodeTree& tree, std::string_view path, ChangeSet& changes);

// Throws InputError naming the code when it may not be applied (codable = false: a category
// imported from another tool, REFI-QDA isCodable="false").
void require_codable(const CodeTree& tree, CodeId id);

// A default colour for the n-th new code: a palette readable on white, as highlights.
std::string default_code_colour(std::int64_t n);

// A random-looking but reproducible RFC 4122 GUID for a new entity.
std::string new_guid();

}  // namespace comb::core
