// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Codes and sets as both REFI-QDA formats write them (<Code> trees, <Set> with <MemberCode>);
// shared by the project (.qdpx) and codebook (.qdc) readers and writers.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "core/model.h"
#include "refi/refi_model.h"

namespace comb::refi {

// A <NoteRef> found on an element, to be resolved once all notes are read.
struct NoteRef {
    std::string note_guid;
    core::MemoTarget target = core::MemoTarget::project;
    std::string target_guid;
};

// Reads the <Code> children of `codes` (recursively) into out.codes; GUIDs normalised,
// descriptions parsed for Comb's markers. Codes without a usable GUID get a stable one from
// their path, with a warning. `where` names the file in warnings.
void read_codes(const pugi::xml_node& codes, RefiProject& out, std::vector<NoteRef>& note_refs);

// Reads <Set> children of `sets`: a set with a Comb theme marker, with member codes or whose
// GUID is in `themes` (comb.json's themes) becomes a theme; members Comb cannot hold (sources,
// notes) are reported in out.warnings.
void read_sets(const pugi::xml_node& sets, RefiProject& out, std::vector<NoteRef>& note_refs,
               const std::set<std::string>& themes = {});

// Writes the code tree under `codes` (a <Codes> element). `note_refs(code)` gives the GUIDs of
// the notes to reference from a code (empty for codebooks, whose schema has no NoteRef);
// `describe(code)` its Description (empty function: code_description, the marker form of .qdc).
using CodeText = std::function<std::string(const core::Code&)>;
void write_codes(pugi::xml_node codes, const std::vector<core::Code>& all,
                 const std::function<std::vector<std::string>(const core::Code&)>& note_refs,
                 const CodeText& describe = {});

// The GUID a code is exported with: its own, or one made from its id if it has none.
std::string code_guid(const core::Code& code);

// The GUID a theme is exported with (themes have no GUID field; names are unique).
std::string theme_guid(const core::Theme& theme);

}  // namespace comb::refi
