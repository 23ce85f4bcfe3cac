// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A REFI-QDA project or codebook as read from a file, already converted to Comb's terms:
// text in UTF-8 with LF line endings, positions in code points over that text, GUIDs in lower
// case without braces, tags parsed from "Comb tags:" lines. Readers fill it; ImportProject
// turns it into rows. Nothing here knows XML or zip.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace comb::refi {

struct RefiCode {
    std::string guid;
    std::optional<std::string> parent_guid;
    std::string name;
    std::string colour;  // "#RRGGBB" or empty
    std::string definition, inclusion, exclusion, example;
    core::TagSet tags;
    bool inductive = true;
    bool codable = true;  // isCodable
};

struct RefiVariable {
    std::string guid;
    std::string name;
    core::AttributeType type = core::AttributeType::text;
    std::vector<std::string> choices;
};

struct RefiCase {
    std::string guid;
    std::string name;
    std::string description;
    std::vector<std::pair<std::string, std::string>> values;  // variable name, value
    std::vector<std::string> sources;                         // source GUIDs
};

struct RefiDocument {
    std::string guid;
    std::string name;
    std::string text;  // UTF-8, LF
    std::vector<core::Span> paragraphs;
    std::vector<core::Turn> turns;
    std::map<std::string, std::string> metadata;
    std::string created;
};

struct RefiCoding {
    std::string guid;
    std::string document_guid;
    core::Span span;
    std::string code_guid;
    std::string coder;
    std::string created;
    std::optional<core::TagSet> tag_override;
    bool pinned = false;
    std::string selection_name;  // the selection's name in the file (often the quote)
};

// A memo and what it belongs to: the project (empty guid), or the entity with `target_guid`.
struct RefiMemo {
    core::MemoTarget target = core::MemoTarget::project;
    std::string target_guid;  // document, code, coding, case or theme (by theme name) GUID
    std::string title, text, author, created;
};

struct RefiTheme {
    std::string guid;  // the set's GUID
    std::string name;
    std::optional<std::string> parent;  // parent theme's name
    std::string description;
    std::vector<std::string> code_guids;
};

// What the file held, counted as the file counts it (for the summary and tests).
struct RefiCounts {
    std::size_t sources = 0, text_sources = 0, codes = 0, selections = 0, codings = 0, cases = 0,
                variables = 0, notes = 0, sets = 0, users = 0;
};

struct RefiProject {
    std::string path;  // the file read, for messages
    std::string name;
    std::string origin;
    std::vector<RefiCode> codes;  // parents before children, in file order
    std::vector<RefiVariable> variables;
    std::vector<RefiCase> cases;
    std::vector<RefiDocument> documents;
    std::vector<RefiCoding> codings;
    std::vector<RefiMemo> memos;
    std::vector<RefiTheme> themes;
    RefiCounts counts;
    std::vector<std::string> warnings;  // parts Comb cannot use, each named
    std::string position_unit;          // how the file counted positions (for the summary)
};

}  // namespace comb::refi
