// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case attribute sheet (read_sheet) as one SetCaseAttributes command, for `comb attributes`
// and Tools > Import attributes in the workbench alike.
#include <string>
#include <vector>

#include "core/commands/case_commands.h"
#include "core/model.h"
#include "import/sheet_reader.h"

namespace comb::importers {

// Types are inferred per column for new attributes; values are checked against the types of
// the `existing` ones. Throws core::InputError naming `path`, the row and the column: no
// attribute column, an empty or repeated column name, an empty case name, a value that is not
// a number in a number column.
core::SetCaseAttributes attributes_from_sheet(const Sheet& sheet, const std::vector<core::Attribute>& existing,
                                              const std::string& path);

}  // namespace comb::importers
