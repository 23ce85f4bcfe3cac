// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing entity rows of the project file.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "core/error.h"
#include "project_file.h"
#include "row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

TagSet read_tags(const Statement& st, int col) {  // comb, tdf, level, actor, valence
    std::string spec;
    if (!st.text(col).empty()) spec += "comb=" + st.text(col) + ";";
    if (!st.text(col + 1).empty()) spec += "tdf=" + st.text(col + 1) + ";";
    if (!st.is_null(col + 2)) {
        spec += "level=" + st.text(col + 2) + (st.text(col + 3).empty() ? "" : ":" + st.text(col + 3)) + ";";
    }
    if (!st.is_null(col + 4)) spec += "valence=" + st.text(col + 4) + ";";
    return TagSet::parse(spec);
}

Code read_code(const Statement& st) {
    Code c;
    c.id = CodeId(st.int64(0));
    if (!st.is_null(1)) c.parent = CodeId(st.int64(1));
    c.name = st.text(2);
    c.colour = st.text(3);
    c.definition = st.text(4);
    c.inclusion = st.text(5);
    c.exclusion = st.text(6);
    c.example = st.text(7);
    c.tags = read_tags(st, 8);
    c.position = st.int64(13);
    c.guid = st.text(14);
    c.inductive = st.int64(15) != 0;
    c.codable = st.int64(16) != 0;
    c.version = st.int64(17);
    return c;
}

Coding read_coding(const Statement& st) {
    Coding c;
    c.id = CodingId(st.int64(0));
    c.document = DocumentId(st.int64(1));
    c.span = Span{CodePoint(st.int64(2)), CodePoint(st.int64(3))};
    c.code = CodeId(st.int64(4));
    c.coder = st.text(5);
    c.created = st.text(6);
    if (!st.is_null(7)) c.tag_override = TagSet::parse(st.text(7));
    c.pinned = st.int64(8) != 0;
    c.version = st.int64(9);
    return c;
}

constexpr const char* kCodingColumns = "SELECT id, document_id, start, \"end\", code_id, coder, created, tag_override, pinned, version FROM codings ";

constexpr const char* kDocumentColumns =
    "SELECT id, name, case_id, text_id, chars, position, paragraphs, metadata, created, version FROM documents ";

Document read_document(Statement& st) {
    Document d;
    d.id = DocumentId(st.int64(0));
    d.name = st.text(1);
    if (!st.is_null(2)) d.case_id = CaseId(st.int64(2));
    d.text_id = TextId(st.int64(3));
    d.chars = st.int64(4);
    d.position = st.int64(5);
    d.paragraphs = decode_spans(st.text(6));
    d.metadata = decode_map(st.text(7));
    d.created = st.text(8);
    d.version = st.int64(9);
    return d;
}

}  // namespace

std::vector<Turn> ProjectFile::turns_of(DocumentId id) const {
    Statement st(db_, "SELECT start, \"end\", body_start, body_end, speaker, is_interviewer, time_start, time_end "
                      "FROM turns WHERE document_id = ? ORDER BY seq");
    st.bind(1, id.value);
    std::vector<Turn> out;
    while (st.step()) {
        Turn t;
        t.span = {CodePoint(st.int64(0)), CodePoint(st.int64(1))};
        t.body = {CodePoint(st.int64(2)), CodePoint(st.int64(3))};
        t.speaker = st.text(4);
        t.is_interviewer = st.int64(5) != 0;
        if (!st.is_null(6)) t.time_start = st.real(6);
        if (!st.is_null(7)) t.time_end = st.real(7);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<Document> ProjectFile::documents() const {
    Statement st(db_, std::string(kDocumentColumns) + "ORDER BY position, id");
    std::vector<Document> out;
    while (st.step()) out.push_back(read_document(st));
    for (auto& d : out) d.turns = turns_of(d.id);
    return out;
}

std::optional<Document> ProjectFile::find_document(DocumentId id) const {
    // One row by key: commands and the index call this per coding, so it must not read
    // every document of a large project.
    Statement st(db_, std::string(kDocumentColumns) + "WHERE id = ?");
    st.bind(1, id.value);
    if (!st.step()) return std::nullopt;
    Document d = read_document(st);
    d.turns = turns_of(d.id);
    return d;
}

std::vector<Case> ProjectFile::cases() const {
    Statement st(db_, "SELECT id, name, description, version FROM cases ORDER BY name");
    std::vector<Case> out;
    while (st.step()) out.push_back({CaseId(st.int64(0)), st.text(1), st.text(2), st.int64(3)});
    return out;
}

std::optional<Case> ProjectFile::find_case(CaseId id) const {
    Statement st(db_, "SELECT id, name, description, version FROM cases WHERE id = ?");
    st.bind(1, id.value);
    if (!st.step()) return std::nullopt;
    return Case{CaseId(st.int64(0)), st.text(1), st.text(2), st.int64(3)};
}

std::vector<Attribute> ProjectFile::attributes() const {
    Statement st(db_, "SELECT id, name, type, choices, version FROM attributes ORDER BY id");
    std::vector<Attribute> out;
    while (st.step()) {
        out.push_back({AttributeId(st.int64(0)), st.text(1),
                       parse_attribute_type(st.text(2)).value_or(AttributeType::text),
                       [&] { std::vector<std::string> v; for (auto& [k, x] : decode_map(st.text(3))) v.push_back(x); return v; }(), st.int64(4)});
    }
    return out;
}

std::vector<AttributeValue> ProjectFile::attribute_values() const {
    Statement st(db_, "SELECT case_id, attribute_id, value, version FROM attribute_values ORDER BY case_id, attribute_id");
    std::vector<AttributeValue> out;
    while (st.step()) out.push_back({CaseId(st.int64(0)), AttributeId(st.int64(1)), st.text(2), st.int64(3)});
    return out;
}

std::vector<Code> ProjectFile::codes() const {
    Statement st(db_, "SELECT id, parent_id, name, colour, definition, inclusion, exclusion, example, "
                      "comb, tdf, level, actor, valence, position, guid, inductive, codable, version FROM codes ORDER BY position, id");
    std::vector<Code> all;
    while (st.step()) all.push_back(read_code(st));
    // Tree order (parents first, siblings by position), so listings read like the tree.
    std::unordered_map<std::int64_t, std::vector<const Code*>> kids;
    for (const auto& c : all) kids[c.parent ? c.parent->value : 0].push_back(&c);
    std::vector<Code> out;
    out.reserve(all.size());
    std::function<void(std::int64_t)> walk = [&](std::int64_t parent) {
        for (const Code* c : kids[parent]) { out.push_back(*c); walk(c->id.value); }
    };
    walk(0);
    return out;
}

std::vector<Coding> ProjectFile::query_codings(const std::string& where, std::int64_t arg) const {
    Statement st(db_, std::string(kCodingColumns) + where);
    if (!where.empty() && where.find('?') != std::string::npos) st.bind(1, arg);
    std::vector<Coding> out;
    while (st.step()) out.push_back(read_coding(st));
    return out;
}

std::vector<Coding> ProjectFile::codings() const {
    return query_codings("JOIN (SELECT id AS did, position FROM documents) d ON d.did = document_id "
                         "ORDER BY d.position, start, \"end\", id", 0);
}

std::vector<Coding> ProjectFile::codings_of_document(DocumentId id) const {
    return query_codings("WHERE document_id = ? ORDER BY start, \"end\", id", id.value);
}

std::optional<Coding> ProjectFile::find_coding(CodingId id) const {
    auto found = query_codings("WHERE id = ?", id.value);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t ProjectFile::coding_count() const {
    Statement count(db_, "SELECT count(*) FROM codings");
    return count.step() ? count.int64(0) : 0;
}

void ProjectFile::scan_codings(const std::function<void(const StoredCoding&)>& visit) const {
    Statement st(db_, "SELECT id, document_id, start, \"end\", code_id, tag_override, pinned, coder FROM codings");
    while (st.step()) {
        StoredCoding c{CodingId(st.int64(0)), DocumentId(st.int64(1)),
                       Span{CodePoint(st.int64(2)), CodePoint(st.int64(3))}, CodeId(st.int64(4)),
                       st.text_view(7), std::nullopt, st.int64(6) != 0};
        if (!st.is_null(5)) c.tag_override = st.text_view(5);
        visit(c);
    }
}

std::vector<Memo> ProjectFile::memos() const {
    Statement st(db_, "SELECT id, target, target_id, title, text, author, created, version FROM memos ORDER BY id");
    std::vector<Memo> out;
    while (st.step()) {
        out.push_back({MemoId(st.int64(0)), parse_memo_target(st.text(1)).value_or(MemoTarget::project),
                       st.int64(2), st.text(3), st.text(4), st.text(5), st.text(6), st.int64(7)});
    }
    return out;
}

std::vector<Theme> ProjectFile::themes() const {
    Statement st(db_, "SELECT id, parent_id, name, description, position, version FROM themes ORDER BY position, id");
    std::vector<Theme> all;
    while (st.step()) {
        Theme t;
        t.id = ThemeId(st.int64(0));
        if (!st.is_null(1)) t.parent = ThemeId(st.int64(1));
        t.name = st.text(2);
        t.description = st.text(3);
        t.position = st.int64(4);
        t.version = st.int64(5);
        all.push_back(std::move(t));
    }
    Statement members(db_, "SELECT theme_id, code_id FROM theme_codes ORDER BY theme_id, position");
    std::unordered_map<std::int64_t, std::vector<CodeId>> codes;
    while (members.step()) codes[members.int64(0)].push_back(CodeId(members.int64(1)));
    for (auto& t : all) t.codes = codes[t.id.value];
    std::vector<Theme> out;
    std::function<void(std::optional<ThemeId>)> walk = [&](std::optional<ThemeId> parent) {
        for (const auto& t : all) if (t.parent == parent) { out.push_back(t); walk(t.id); }
    };
    walk(std::nullopt);
    return out;
}

std::optional<Row> ProjectFile::find_row(const Row& key) const {
    auto first = [](auto&& rows, auto&& match) -> std::optional<Row> {
        for (auto& r : rows) if (match(r)) return Row(r);
        return std::nullopt;
    };
    return std::visit([&](const auto& k) -> std::optional<Row> {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, Document>) {
            const auto d = find_document(k.id);
            return d ? std::optional<Row>(*d) : std::nullopt;
        } else if constexpr (std::is_same_v<T, Case>) {
            const auto c = find_case(k.id);
            return c ? std::optional<Row>(*c) : std::nullopt;
        } else if constexpr (std::is_same_v<T, Coding>) {
            return first(query_codings("WHERE id = ?", k.id.value), [](auto&) { return true; });
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            return first(attribute_values(), [&](const AttributeValue& v) {
                return v.case_id == k.case_id && v.attribute_id == k.attribute_id;
            });
        } else if constexpr (std::is_same_v<T, Attribute>) {
            return first(attributes(), [&](const T& r) { return r.id == k.id; });
        } else if constexpr (std::is_same_v<T, Code>) {
            return first(codes(), [&](const T& r) { return r.id == k.id; });
        } else if constexpr (std::is_same_v<T, Memo>) {
            return first(memos(), [&](const T& r) { return r.id == k.id; });
        } else {
            return first(themes(), [&](const T& r) { return r.id == k.id; });
        }
    }, key);
}

}  // namespace comb::store
