// SPDX-License-Identifier: GPL-3.0-or-later
// Reading entity rows of a PostgreSQL project: the SQLite store's queries (project_rows.cpp)
// and orders; names sort by bytes (COLLATE "C") as SQLite's do, so listings are identical.
#include <functional>
#include <unordered_map>

#include "core/error.h"
#include "pg_project.h"
#include "store/row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

// One result row, read by column as the SQLite Statement is.
struct Cells {
    const PgResult& r;
    int row;
    std::string text(int c) const { return r.text(row, c); }
    std::string_view text_view(int c) const { return r.text_view(row, c); }
    std::int64_t int64(int c) const { return r.int64(row, c); }
    double real(int c) const { return r.real(row, c); }
    bool is_null(int c) const { return r.is_null(row, c); }
};

TagSet read_tags(const Cells& st, int col) {  // comb, tdf, level, actor, valence
    std::string spec;
    if (!st.text(col).empty()) spec += "comb=" + st.text(col) + ";";
    if (!st.text(col + 1).empty()) spec += "tdf=" + st.text(col + 1) + ";";
    if (!st.is_null(col + 2)) {
        spec += "level=" + st.text(col + 2) + (st.text(col + 3).empty() ? "" : ":" + st.text(col + 3)) + ";";
    }
    if (!st.is_null(col + 4)) spec += "valence=" + st.text(col + 4) + ";";
    return TagSet::parse(spec);
}

Code read_code(const Cells& st) {
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

Coding read_coding(const Cells& st) {
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

Document read_document(const Cells& st) {
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

Turn read_turn(const Cells& st) {
    Turn t;
    t.span = {CodePoint(st.int64(1)), CodePoint(st.int64(2))};
    t.body = {CodePoint(st.int64(3)), CodePoint(st.int64(4))};
    t.speaker = st.text(5);
    t.is_interviewer = st.int64(6) != 0;
    if (!st.is_null(7)) t.time_start = st.real(7);
    if (!st.is_null(8)) t.time_end = st.real(8);
    return t;
}

constexpr const char* kCodingColumns =
    "SELECT c.id, c.document_id, c.start, c.\"end\", c.code_id, c.coder, c.created, c.tag_override, c.pinned, c.version FROM codings c ";
constexpr const char* kDocumentColumns =
    "SELECT id, name, case_id, text_id, chars, position, paragraphs, metadata, created, version FROM documents ";
constexpr const char* kTurnColumns =
    "SELECT document_id, start, \"end\", body_start, body_end, speaker, is_interviewer, time_start, time_end FROM turns ";

}  // namespace

std::vector<Turn> PgProject::turns_of(DocumentId id) const {
    auto r = db_->exec(std::string(kTurnColumns) + "WHERE document_id = ? ORDER BY seq", {id.value});
    std::vector<Turn> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_turn({r, i}));
    return out;
}

std::vector<Document> PgProject::documents() const {
    auto r = db_->exec(std::string(kDocumentColumns) + "ORDER BY position, id");
    std::vector<Document> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(read_document({r, i}));
        at[out.back().id.value] = out.size() - 1;
    }
    auto turns = db_->exec(std::string(kTurnColumns) + "ORDER BY document_id, seq");  // one round trip, not one per document
    for (int i = 0; i < turns.rows(); ++i) {
        if (auto it = at.find(turns.int64(i, 0)); it != at.end()) out[it->second].turns.push_back(read_turn({turns, i}));
    }
    return out;
}

std::optional<Document> PgProject::find_document(DocumentId id) const {
    auto r = db_->exec(std::string(kDocumentColumns) + "WHERE id = ?", {id.value});
    if (r.rows() == 0) return std::nullopt;
    Document d = read_document({r, 0});
    d.turns = turns_of(d.id);
    return d;
}

std::vector<Case> PgProject::cases() const {
    auto r = db_->exec("SELECT id, name, description, version FROM cases ORDER BY name COLLATE \"C\"");
    std::vector<Case> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({CaseId(r.int64(i, 0)), r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
    return out;
}

std::optional<Case> PgProject::find_case(CaseId id) const {
    auto r = db_->exec("SELECT id, name, description, version FROM cases WHERE id = ?", {id.value});
    if (r.rows() == 0) return std::nullopt;
    return Case{CaseId(r.int64(0, 0)), r.text(0, 1), r.text(0, 2), r.int64(0, 3)};
}

std::vector<Attribute> PgProject::attributes() const {
    auto r = db_->exec("SELECT id, name, type, choices, version FROM attributes ORDER BY id");
    std::vector<Attribute> out;
    for (int i = 0; i < r.rows(); ++i) {
        std::vector<std::string> choices;
        for (auto& [k, x] : decode_map(r.text(i, 3))) choices.push_back(x);
        out.push_back({AttributeId(r.int64(i, 0)), r.text(i, 1),
                       parse_attribute_type(r.text(i, 2)).value_or(AttributeType::text), std::move(choices), r.int64(i, 4)});
    }
    return out;
}

std::vector<AttributeValue> PgProject::attribute_values() const {
    auto r = db_->exec("SELECT case_id, attribute_id, value, version FROM attribute_values ORDER BY case_id, attribute_id");
    std::vector<AttributeValue> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({CaseId(r.int64(i, 0)), AttributeId(r.int64(i, 1)), r.text(i, 2), r.int64(i, 3)});
    }
    return out;
}

std::vector<Code> PgProject::codes() const {
    auto r = db_->exec("SELECT id, parent_id, name, colour, definition, inclusion, exclusion, example, "
                       "comb, tdf, level, actor, valence, position, guid, inductive, codable, version FROM codes ORDER BY position, id");
    std::vector<Code> all;
    for (int i = 0; i < r.rows(); ++i) all.push_back(read_code({r, i}));
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

std::vector<Coding> PgProject::query_codings(const std::string& where, std::optional<std::int64_t> arg) const {
    auto r = arg ? db_->exec(std::string(kCodingColumns) + where, {*arg}) : db_->exec(std::string(kCodingColumns) + where);
    std::vector<Coding> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_coding({r, i}));
    return out;
}

std::vector<Coding> PgProject::codings() const {
    return query_codings("JOIN documents d ON d.id = c.document_id ORDER BY d.position, c.start, c.\"end\", c.id", std::nullopt);
}

std::vector<Coding> PgProject::codings_of_document(DocumentId id) const {
    return query_codings("WHERE c.document_id = ? ORDER BY c.start, c.\"end\", c.id", id.value);
}

std::optional<Coding> PgProject::find_coding(CodingId id) const {
    auto found = query_codings("WHERE c.id = ?", id.value);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t PgProject::coding_count() const { return db_->exec("SELECT count(*) FROM codings").int64(0, 0); }

void PgProject::scan_codings(const std::function<void(const StoredCoding&)>& visit) const {
    auto r = db_->exec("SELECT id, document_id, start, \"end\", code_id, tag_override, pinned, coder FROM codings");
    for (int i = 0; i < r.rows(); ++i) {
        StoredCoding c{CodingId(r.int64(i, 0)), DocumentId(r.int64(i, 1)),
                       Span{CodePoint(r.int64(i, 2)), CodePoint(r.int64(i, 3))}, CodeId(r.int64(i, 4)),
                       r.text_view(i, 7), std::nullopt, r.int64(i, 6) != 0};
        if (!r.is_null(i, 5)) c.tag_override = r.text_view(i, 5);
        visit(c);
    }
}

std::vector<Memo> PgProject::memos() const {
    auto r = db_->exec("SELECT id, target, target_id, title, text, author, created, version FROM memos ORDER BY id");
    std::vector<Memo> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({MemoId(r.int64(i, 0)), parse_memo_target(r.text(i, 1)).value_or(MemoTarget::project), r.int64(i, 2),
                       r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6), r.int64(i, 7)});
    }
    return out;
}

std::vector<Theme> PgProject::themes() const {
    auto r = db_->exec("SELECT id, parent_id, name, description, position, version FROM themes ORDER BY position, id");
    std::vector<Theme> all;
    for (int i = 0; i < r.rows(); ++i) {
        Theme t;
        t.id = ThemeId(r.int64(i, 0));
        if (!r.is_null(i, 1)) t.parent = ThemeId(r.int64(i, 1));
        t.name = r.text(i, 2);
        t.description = r.text(i, 3);
        t.position = r.int64(i, 4);
        t.version = r.int64(i, 5);
        all.push_back(std::move(t));
    }
    auto members = db_->exec("SELECT theme_id, code_id FROM theme_codes ORDER BY theme_id, position");
    std::unordered_map<std::int64_t, std::vector<CodeId>> codes;
    for (int i = 0; i < members.rows(); ++i) codes[members.int64(i, 0)].push_back(CodeId(members.int64(i, 1)));
    for (auto& t : all) t.codes = codes[t.id.value];
    std::vector<Theme> out;
    std::function<void(std::optional<ThemeId>)> walk = [&](std::optional<ThemeId> parent) {
        for (const auto& t : all) if (t.parent == parent) { out.push_back(t); walk(t.id); }
    };
    walk(std::nullopt);
    return out;
}

std::optional<Row> PgProject::find_row(const Row& key) const {
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
            const auto c = find_coding(k.id);
            return c ? std::optional<Row>(*c) : std::nullopt;
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
