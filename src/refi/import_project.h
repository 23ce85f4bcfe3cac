// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Merges a REFI-QDA project or codebook into the open project as one undoable command:
// documents (texts stored once), cases with their attribute values, attributes, codes
// (hierarchy, colour, description, tags), codings, memos and themes. Codes already in the
// project (same GUID, or same name under the same parent) are reused, not duplicated, so
// adding a codebook twice changes nothing.
#include <string>

#include "core/command.h"
#include "refi/refi_model.h"

namespace comb::refi {

class ImportProject : public core::Command {
public:
    ImportProject(RefiProject project, std::string label)
        : project_(std::move(project)), label_(std::move(label)) {}
    std::string label() const override { return label_; }
    // Throws core::InputError when a source of the file was imported before (same GUID).
    core::ChangeSet plan(core::Repository& repo) const override;
    // Coders and times come from the file; the importer is recorded in the history only.
    bool stamps_new_rows() const override { return false; }

private:
    RefiProject project_;
    std::string label_;
};

}  // namespace comb::refi
