// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a project as REFI-QDA: a .qdpx (project.qde valid against Project.xsd, with memos and
// readable text in Descriptions; comb.json with Comb's own data; every document's text and every
// note as sources/<GUID>.txt, UTF-8 with LF, positions in code points) or a .qdc codebook
// (valid against Codebook.xsd). Output is deterministic: entities in the project's
// stable order, GUIDs taken from the entities or derived from their ids and names, no clock.
// Files are written beside the target and renamed into place, so a failure leaves no half file.
#include <filesystem>
#include <string>

#include "core/repository.h"

namespace comb::refi {

// The project.qde XML of `repo` (what export_qdpx puts in the zip).
std::string project_xml(const core::Repository& repo, const std::string& project_name);
// The .qdc XML of the code tree (themes as sets). Throws core::InputError if there are no codes
// (the schema wants at least one).
std::string codebook_xml(const core::Repository& repo);

// Throws core::InputError when the file cannot be written (path named).
void export_qdpx(const core::Repository& repo, const std::filesystem::path& out, const std::string& project_name);
void export_qdc(const core::Repository& repo, const std::filesystem::path& out);

// The GUID a document is exported with: the one it was imported with, else derived.
std::string document_guid(const core::Document& doc);

}  // namespace comb::refi
