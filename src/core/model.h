// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The project's entities as plain values. A Repository stores them; commands change them
// only through ChangeSets so every change can be undone and redone.
// Every row carries a `version`: 1 when inserted, one more on each update. An edit made from
// what a user saw passes the version seen; the store refuses it when the row has moved on
// (optimistic concurrency between windows and processes). Equality includes the version.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ids.h"
#include "tags.h"

namespace comb::core {

struct Turn {
    Span span;                // whole turn, label included
    Span body;                // spoken text, label excluded
    std::string speaker;
    bool is_interviewer = false;
    std::optional<double> time_start;  // seconds
    std::optional<double> time_end;
    friend bool operator==(const Turn&, const Turn&) = default;
};

// True when `span` lies inside one interviewer turn: the last turn (in text order) starting at
// or before it is an interviewer's and contains it. Such a coding never counts a participant
// (analysis::CodingFacts); the store's count table applies the same rule in SQL.
bool inside_interviewer_turn(const std::vector<Turn>& turns, Span span);

// A transcript. Its text lives in the text table (see TextId) so that undoing and redoing
// an import never copies the text into the history.
struct Document {
    DocumentId id;
    std::string name;
    std::optional<CaseId> case_id;
    TextId text_id;
    std::int64_t chars = 0;    // length in code points
    std::int64_t position = 0; // import order
    std::vector<Span> paragraphs;
    std::vector<Turn> turns;
    std::map<std::string, std::string> metadata;  // title, author, date, source_file, format, hash
    std::string created;       // ISO 8601 UTC
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Document&, const Document&) = default;
};

struct Case {
    CaseId id;
    std::string name;
    std::string description;
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Case&, const Case&) = default;
};

enum class AttributeType { text, number, date, choice };
std::string_view to_string(AttributeType t);
std::optional<AttributeType> parse_attribute_type(std::string_view s);

struct Attribute {
    AttributeId id;
    std::string name;
    AttributeType type = AttributeType::text;
    std::vector<std::string> choices;  // for AttributeType::choice
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Attribute&, const Attribute&) = default;
};

// One case's value of one attribute; the value is kept as written (numbers as text too).
struct AttributeValue {
    CaseId case_id;
    AttributeId attribute_id;
    std::string value;
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const AttributeValue&, const AttributeValue&) = default;
};

struct Code {
    CodeId id;
    std::optional<CodeId> parent;
    std::string name;
    std::string colour;        // "#RRGGBB"
    std::string definition;
    std::string inclusion;
    std::string exclusion;
    std::string example;
    TagSet tags;
    std::int64_t position = 0;  // order among siblings
    std::string guid;           // stable identity for REFI-QDA exchange
    bool inductive = true;      // false for codes from a framework codebook
    bool codable = true;        // false for a category that only groups codes (REFI-QDA isCodable)
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Code&, const Code&) = default;
};

struct Coding {
    CodingId id;
    DocumentId document;
    Span span;
    CodeId code;
    std::string coder;
    std::string created;               // ISO 8601 UTC
    std::optional<TagSet> tag_override;  // replaces the code's tags for this coding
    bool pinned = false;                 // preferred as an illustrative quote
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Coding&, const Coding&) = default;
};

// The span ends of `codings`, sorted and distinct: between two neighbours the same codings
// cover every character (the pieces agreement, comparison and disagreements are made of).
std::vector<std::int64_t> cut_points(const std::vector<const Coding*>& codings);

enum class MemoTarget { project, document, code, coding, case_, theme };
std::string_view to_string(MemoTarget t);
std::optional<MemoTarget> parse_memo_target(std::string_view s);

struct Memo {
    MemoId id;
    MemoTarget target = MemoTarget::project;
    std::int64_t target_id = 0;  // 0 for the project
    std::string title;
    std::string text;
    std::string author;
    std::string created;
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Memo&, const Memo&) = default;
};

struct Theme {
    ThemeId id;
    std::optional<ThemeId> parent;
    std::string name;
    std::string description;
    std::int64_t position = 0;
    std::vector<CodeId> codes;  // member codes in order
    std::int64_t version = 0;  // the store bumps it on every update; see Repository::update
    friend bool operator==(const Theme&, const Theme&) = default;
};

}  // namespace comb::core
