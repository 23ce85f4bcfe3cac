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

std::optional<std::int64_t> id_of(const auto& opt) {
    return opt ? std::optional<std::int64_t>(opt->value) : std::nullopt;
}

std::string join_comb(const std::vector<ComB>& v) {
    std::string out;
    for (auto c : v) out += (out.empty() ? "" : ",") + std::string(to_string(c));
    return out;
}

std::string join_tdf(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
    return out;
}

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
    return c;
}

constexpr const char* kCodingColumns = "SELECT id, document_id, start, \"end\", code_id, coder, created, tag_override, pinned FROM codings ";

constexpr const char* kDocumentColumns =
    "SELECT id, name, case_id, text_id, chars, position, paragraphs, metadata, created FROM documents ";

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
    Statement st(db_, "SELECT id, name, description FROM cases ORDER BY name");
    std::vector<Case> out;
    while (st.step()) out.push_back({CaseId(st.int64(0)), st.text(1), st.text(2)});
    return out;
}

std::optional<Case> ProjectFile::find_case(CaseId id) const {
    Statement st(db_, "SELECT id, name, description FROM cases WHERE id = ?");
    st.bind(1, id.value);
    if (!st.step()) return std::nullopt;
    return Case{CaseId(st.int64(0)), st.text(1), st.text(2)};
}

std::vector<Attribute> ProjectFile::attributes() const {
    Statement st(db_, "SELECT id, name, type, choices FROM attributes ORDER BY id");
    std::vector<Attribute> out;
    while (st.step()) {
        out.push_back({AttributeId(st.int64(0)), st.text(1),
                       parse_attribute_type(st.text(2)).value_or(AttributeType::text),
                       [&] { std::vector<std::string> v; for (auto& [k, x] : decode_map(st.text(3))) v.push_back(x); return v; }()});
    }
    return out;
}

std::vector<AttributeValue> ProjectFile::attribute_values() const {
    Statement st(db_, "SELECT case_id, attribute_id, value FROM attribute_values ORDER BY case_id, attribute_id");
    std::vector<AttributeValue> out;
    while (st.step()) out.push_back({CaseId(st.int64(0)), AttributeId(st.int64(1)), st.text(2)});
    return out;
}

std::vector<Code> ProjectFile::codes() const {
    Statement st(db_, "SELECT id, parent_id, name, colour, definition, inclusion, exclusion, example, "
                      "comb, tdf, level, actor, valence, position, guid, inductive, codable FROM codes ORDER BY position, id");
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

std::vector<Memo> ProjectFile::memos() const {
    Statement st(db_, "SELECT id, target, target_id, title, text, author, created FROM memos ORDER BY id");
    std::vector<Memo> out;
    while (st.step()) {
        out.push_back({MemoId(st.int64(0)), parse_memo_target(st.text(1)).value_or(MemoTarget::project),
                       st.int64(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    }
    return out;
}

std::vector<Theme> ProjectFile::themes() const {
    Statement st(db_, "SELECT id, parent_id, name, description, position FROM themes ORDER BY position, id");
    std::vector<Theme> all;
    while (st.step()) {
        Theme t;
        t.id = ThemeId(st.int64(0));
        if (!st.is_null(1)) t.parent = ThemeId(st.int64(1));
        t.name = st.text(2);
        t.description = st.text(3);
        t.position = st.int64(4);
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

void ProjectFile::put(const Row& row) {
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
            Statement st(db_, "INSERT INTO documents(id, name, case_id, text_id, chars, position, paragraphs, metadata, created) "
                              "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                              "case_id=excluded.case_id, text_id=excluded.text_id, chars=excluded.chars, "
                              "position=excluded.position, paragraphs=excluded.paragraphs, metadata=excluded.metadata, "
                              "created=excluded.created");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, id_of(r.case_id)).bind(4, r.text_id.value)
                .bind(5, r.chars).bind(6, r.position).bind(7, encode_spans(r.paragraphs))
                .bind(8, encode_map(r.metadata)).bind(9, r.created).run();
            Statement del(db_, "DELETE FROM turns WHERE document_id = ?");
            del.bind(1, r.id.value).run();
            Statement ins(db_, "INSERT INTO turns VALUES(?,?,?,?,?,?,?,?,?,?)");
            std::int64_t seq = 0;
            for (const auto& t : r.turns) {
                ins.bind(1, r.id.value).bind(2, seq++).bind(3, t.span.start.value).bind(4, t.span.end.value)
                    .bind(5, t.body.start.value).bind(6, t.body.end.value).bind(7, t.speaker)
                    .bind(8, std::int64_t{t.is_interviewer});
                if (t.time_start) ins.bind(9, *t.time_start); else ins.bind(9, std::nullopt);
                if (t.time_end) ins.bind(10, *t.time_end); else ins.bind(10, std::nullopt);
                ins.run();
            }
        } else if constexpr (std::is_same_v<T, Case>) {
            Statement st(db_, "INSERT INTO cases(id, name, description) VALUES(?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "name=excluded.name, description=excluded.description");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, r.description).run();
        } else if constexpr (std::is_same_v<T, Attribute>) {
            std::map<std::string, std::string> choices;
            for (std::size_t i = 0; i < r.choices.size(); ++i) choices[std::to_string(1000 + i)] = r.choices[i];
            Statement st(db_, "INSERT INTO attributes(id, name, type, choices) VALUES(?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "name=excluded.name, type=excluded.type, choices=excluded.choices");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, to_string(r.type)).bind(4, encode_map(choices)).run();
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            Statement st(db_, "INSERT INTO attribute_values(case_id, attribute_id, value) VALUES(?,?,?) "
                              "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value=excluded.value");
            st.bind(1, r.case_id.value).bind(2, r.attribute_id.value).bind(3, r.value).run();
        } else if constexpr (std::is_same_v<T, Code>) {
            Statement st(db_, "INSERT INTO codes(id, parent_id, name, colour, definition, inclusion, exclusion, example, "
                              "comb, tdf, level, actor, valence, position, guid, inductive, codable) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, "
                              "colour=excluded.colour, definition=excluded.definition, inclusion=excluded.inclusion, "
                              "exclusion=excluded.exclusion, example=excluded.example, comb=excluded.comb, tdf=excluded.tdf, "
                              "level=excluded.level, actor=excluded.actor, valence=excluded.valence, "
                              "position=excluded.position, guid=excluded.guid, inductive=excluded.inductive, codable=excluded.codable");
            st.bind(1, r.id.value).bind(2, id_of(r.parent)).bind(3, r.name).bind(4, r.colour).bind(5, r.definition)
                .bind(6, r.inclusion).bind(7, r.exclusion).bind(8, r.example).bind(9, join_comb(r.tags.comb))
                .bind(10, join_tdf(r.tags.tdf));
            if (r.tags.level) st.bind(11, to_string(r.tags.level->level)).bind(12, r.tags.level->actor);
            else st.bind(11, std::nullopt).bind(12, "");
            if (r.tags.valence) st.bind(13, to_string(*r.tags.valence)); else st.bind(13, std::nullopt);
            st.bind(14, r.position).bind(15, r.guid).bind(16, std::int64_t{r.inductive})
                .bind(17, std::int64_t{r.codable}).run();
        } else if constexpr (std::is_same_v<T, Coding>) {
            Statement st(db_, "INSERT INTO codings(id, document_id, start, \"end\", code_id, coder, created, tag_override, pinned) "
                              "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET document_id=excluded.document_id, "
                              "start=excluded.start, \"end\"=excluded.\"end\", code_id=excluded.code_id, coder=excluded.coder, "
                              "created=excluded.created, tag_override=excluded.tag_override, pinned=excluded.pinned");
            st.bind(1, r.id.value).bind(2, r.document.value).bind(3, r.span.start.value).bind(4, r.span.end.value)
                .bind(5, r.code.value).bind(6, r.coder).bind(7, r.created);
            if (r.tag_override) st.bind(8, r.tag_override->to_string()); else st.bind(8, std::nullopt);
            st.bind(9, std::int64_t{r.pinned}).run();
        } else if constexpr (std::is_same_v<T, Memo>) {
            Statement st(db_, "INSERT INTO memos(id, target, target_id, title, text, author, created) VALUES(?,?,?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET target=excluded.target, target_id=excluded.target_id, "
                              "title=excluded.title, text=excluded.text, author=excluded.author, created=excluded.created");
            st.bind(1, r.id.value).bind(2, to_string(r.target)).bind(3, r.target_id).bind(4, r.title).bind(5, r.text)
                .bind(6, r.author).bind(7, r.created).run();
        } else {
            Statement st(db_, "INSERT INTO themes(id, parent_id, name, description, position) VALUES(?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, "
                              "description=excluded.description, position=excluded.position");
            st.bind(1, r.id.value).bind(2, id_of(r.parent)).bind(3, r.name).bind(4, r.description).bind(5, r.position).run();
            Statement del(db_, "DELETE FROM theme_codes WHERE theme_id = ?");
            del.bind(1, r.id.value).run();
            Statement ins(db_, "INSERT INTO theme_codes(theme_id, code_id, position) VALUES(?,?,?)");
            std::int64_t pos = 0;
            for (CodeId c : r.codes) ins.bind(1, r.id.value).bind(2, c.value).bind(3, pos++).run();
        }
    }, row);
}

void ProjectFile::erase(const Row& row) {
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, AttributeValue>) {
            Statement st(db_, "DELETE FROM attribute_values WHERE case_id = ? AND attribute_id = ?");
            st.bind(1, r.case_id.value).bind(2, r.attribute_id.value).run();
        } else {
            const char* table = std::is_same_v<T, Document> ? "documents"
                              : std::is_same_v<T, Case>     ? "cases"
                              : std::is_same_v<T, Attribute> ? "attributes"
                              : std::is_same_v<T, Code>     ? "codes"
                              : std::is_same_v<T, Coding>   ? "codings"
                              : std::is_same_v<T, Memo>     ? "memos"
                                                            : "themes";
            Statement st(db_, std::string("DELETE FROM ") + table + " WHERE id = ?");
            st.bind(1, r.id.value).run();
        }
    }, row);
}

}  // namespace comb::store
