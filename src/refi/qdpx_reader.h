// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads a REFI-QDA project (.qdpx: a zip with one *.qde XML file and the sources' texts) into a
// RefiProject, tolerating the known quirks of other tools (see docs/refi-qda-mapping.md):
// the .qde found at the root under any name, `Sources/` or `sources/` in any case, bare
// plainTextPath values, UTF-8 BOMs, CR LF texts, positions counted in code points or UTF-16
// units over raw or LF text (the unit whose selections land on word boundaries wins), several
// codings per selection, GUIDs in either case. Parts Comb cannot hold (pictures, PDF regions,
// audio, video, links, graphs, missing files) become warnings. A comb.json beside the .qde that
// belongs to it (Comb's own export, see comb_extension.h) supplies Comb's own data exactly.
#include <filesystem>
#include <string>
#include <string_view>

#include "refi/refi_model.h"

namespace comb::refi {

// Throws core::InputError naming the file (and the XML line and column when known) for a file
// that is not a REFI-QDA project: not a zip, zip-slip entries, zip bombs, no or several .qde,
// a DOCTYPE or ENTITY declaration, malformed XML, a wrong root element, undecodable texts.
RefiProject read_qdpx(const std::filesystem::path& path);
RefiProject read_qdpx_bytes(std::string_view bytes, const std::string& path);

}  // namespace comb::refi
