// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every reader produces: one document's normalised text and structure.
// Text is UTF-8, NFC, line endings LF; all offsets are Unicode code points into `text`.
// Readers know nothing of projects; the import service turns this into store rows.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"

namespace comb::importers {

struct ImportedTurn {
    core::Span span;              // the whole turn, speaker label included
    core::Span body;              // the spoken text, label excluded
    std::string speaker;          // as written, without the colon/brackets ("P3", "Interviewer")
    bool is_interviewer = false;  // excluded from participant counts
    std::optional<double> time_start;  // seconds, from vtt/srt
    std::optional<double> time_end;
};

struct ImportedMemo {  // e.g. a Word comment
    core::Span anchor;
    std::string author;
    std::string text;
};

struct ImportedDocument {
    std::string name;                 // default document name: file stem
    std::string text;                 // normalised plain text
    std::vector<core::Span> paragraphs;
    std::vector<ImportedTurn> turns;  // possibly empty
    std::vector<ImportedMemo> memos;
    std::map<std::string, std::string> metadata;  // title, author, date, source_file, format, encoding
    std::string content_hash;         // SHA-256 hex of the original file bytes
    std::vector<std::string> warnings;
};

}  // namespace comb::importers
