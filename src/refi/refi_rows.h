// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rows read from a REFI-QDA file as rows of the project they go into. ImportProject and
// merge_project decide differently which rows are new (and their ids, names, positions and
// GUIDs), then both build the new rows here.
#include <map>
#include <optional>
#include <string>

#include "core/model.h"
#include "refi/refi_model.h"

namespace comb::refi {

// The project ids of the file's rows, by GUID (themes by the key RefiMemo::target_guid uses).
struct RefiIds {
    const std::map<std::string, core::DocumentId>& documents;
    const std::map<std::string, core::CodeId>& codes;
    const std::map<std::string, core::CodingId>& codings;
    const std::map<std::string, core::CaseId>& cases;
    const std::map<std::string, core::ThemeId>& themes;
};

// A new code: `rc`'s colour (a default one when it has none), definition, notes, tags and
// kind, with what the caller decided.
core::Code code_from_refi(const RefiCode& rc, core::CodeId id, std::optional<core::CodeId> parent, std::string name,
                          std::int64_t position, std::string guid);
// A new document: `rd`'s paragraphs, turns, metadata and creation time over the stored text.
core::Document document_from_refi(const RefiDocument& rd, core::DocumentId id, std::string name, core::TextId text,
                                  std::int64_t position, std::optional<core::CaseId> case_id);
// A new coding of `rd`'s span by its coder, when it was made, its tags and pin.
core::Coding coding_from_refi(const RefiCoding& rc, core::CodingId id, core::DocumentId document, core::CodeId code);

// The memo without an id; on the project when its target is not among `ids` (not imported).
core::Memo memo_from_refi(const RefiMemo& rm, const RefiIds& ids);

}  // namespace comb::refi
