// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pseudonymisation key: original -> pseudonym, with an optional category (PERSON, PLACE,
// ORG, ...). It is read from and written to a CSV file the user keeps apart from the project
// (GDPR practice: the re-identification key is kept separately); Comb never stores it.
#include <filesystem>
#include <string>
#include <vector>

namespace comb::privacy {

struct KeyEntry {
    std::string original;
    std::string pseudonym;
    std::string category;
    friend bool operator==(const KeyEntry&, const KeyEntry&) = default;
};

struct PseudonymKey {
    std::vector<KeyEntry> entries;
};

// CSV, UTF-8, comma-separated, fields may be quoted ("" inside quotes); a first row
// "original,pseudonym[,category]" is a header. Texts are NFC-normalised. Throws InputError
// naming the file and line for a missing file, a row without two fields, or a key that
// check_key refuses.
PseudonymKey read_key(const std::filesystem::path& path);
PseudonymKey parse_key(const std::string& csv, const std::string& source);

// Writes the key with a header row through a temporary file renamed into place. Throws
// InputError when the file cannot be written.
void write_key(const std::filesystem::path& path, const PseudonymKey& key);
std::string format_key(const PseudonymKey& key);

// Refuses a key that cannot be applied or undone exactly: an empty original or pseudonym,
// an original given twice, a pseudonym given for two originals (undo could not tell them
// apart), a pseudonym holding an original as a whole word. Throws InputError (source, line).
void check_key(const PseudonymKey& key, const std::string& source);

// NFC, for keys typed in a dialog.
std::string normalise(const std::string& text);

}  // namespace comb::privacy
