// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA codebooks (.qdc): reading one (built-in by name, or a file) into a RefiProject of
// codes and themes for ImportProject. Writing lives in qdpx_writer.h (export_qdc).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "refi/refi_model.h"

namespace comb::refi {

// Throws core::InputError (file, line, column): DOCTYPE/ENTITY, malformed XML, a root other
// than <CodeBook>. Tolerates Taguette's empty <Sets/>.
RefiProject read_qdc_bytes(const std::string& xml, const std::string& path);
RefiProject read_qdc(const std::filesystem::path& path);

// The built-in codebook names (file stems in codebooks/).
std::vector<std::string> builtin_codebooks();

// Where the built-in codebooks live: $COMB_CODEBOOKS, then PREFIX/share/comb/codebooks beside
// the executable, then the configured install prefix, then the source tree's codebooks/
// (about::find_data_dir); the first that holds comb.qdc.
std::optional<std::filesystem::path> codebooks_dir();

// NAME (a built-in) or a path to a .qdc, read with every code marked deductive
// (inductive = false). Throws core::InputError for an unknown name or an unreadable file.
RefiProject load_codebook(std::string_view name_or_file);

}  // namespace comb::refi
