// SPDX-License-Identifier: GPL-3.0-or-later
// Writing entity rows of the project file. Every write checks first, inside the write
// transaction, that it replaces exactly what its caller saw: an insert finds no row with its
// key, an update or delete finds the version it was given. Otherwise ConflictError, so no
// process ever writes over a row it has not seen (docs/concurrency.md).
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

// The table and key condition of a row, for version checks and deletes.
std::pair<std::string, std::vector<std::int64_t>> table_and_key(const Row& row) {
    const std::string table = row_kind_info(kind_of(row)).table;
    if (const auto* v = std::get_if<AttributeValue>(&row)) return {table, {v->case_id.value, v->attribute_id.value}};
    return std::visit([&](const auto& r) -> std::pair<std::string, std::vector<std::int64_t>> {
        if constexpr (requires { r.id.value; }) return {table, {r.id.value}};
        else return {table, {}};
    }, row);
}

std::string key_condition(const std::vector<std::int64_t>& key) {
    return key.size() == 2 ? " WHERE case_id = ? AND attribute_id = ?" : " WHERE id = ?";
}

}  // namespace

std::optional<std::int64_t> ProjectFile::stored_version(const Row& row) const {
    const auto [table, key] = table_and_key(row);
    Statement st(db_, "SELECT version FROM " + table + key_condition(key));
    for (std::size_t i = 0; i < key.size(); ++i) st.bind(static_cast<int>(i + 1), key[i]);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

void ProjectFile::require_version(const Row& row, const char* action) const {
    const auto stored = stored_version(row);
    if (stored && *stored == version_of(row)) return;
    throw ConflictError(std::string("cannot ") + action + " " + describe(row) + ": " +
                        (stored ? "it was changed by another writer (version " + std::to_string(*stored) +
                                      ", expected " + std::to_string(version_of(row)) + ")"
                                : "it no longer exists"));
}

// SQLite refuses a row whose references dangle (foreign keys are on): when another writer
// deleted what a row refers to, or added rows referring to one being deleted.
template <class F>
void refusing_dangling(const Row& row, const char* action, F&& f) {
    try {
        f();
    } catch (const StoreError& e) {
        if (std::string(e.what()).find("FOREIGN KEY") == std::string::npos) throw;
        throw ConflictError(std::string("cannot ") + action + " " + describe(row) +
                            (std::string(action) == "delete" ? ": other rows now refer to it" : ": a row it refers to no longer exists"));
    }
}

void ProjectFile::insert(const Row& row) {
    if (stored_version(row)) {
        throw ConflictError("cannot add " + describe(row) + ": a row with its id exists (another writer took it); nothing was changed");
    }
    refusing_dangling(row, "add", [&] { write(row); });
}

void ProjectFile::update(const Row& before, const Row& after) {
    require_version(before, "change");
    refusing_dangling(after, "change", [&] { write(after); });
}

void ProjectFile::erase(const Row& row) {
    require_version(row, "delete");
    refusing_dangling(row, "delete", [&] { remove(row); });
}

void ProjectFile::write(const Row& row) {
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
            Statement st(db_, "INSERT INTO documents(id, name, case_id, text_id, chars, position, paragraphs, metadata, created, version) "
                              "VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, version=excluded.version, "
                              "case_id=excluded.case_id, text_id=excluded.text_id, chars=excluded.chars, "
                              "position=excluded.position, paragraphs=excluded.paragraphs, metadata=excluded.metadata, "
                              "created=excluded.created");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, id_of(r.case_id)).bind(4, r.text_id.value)
                .bind(5, r.chars).bind(6, r.position).bind(7, encode_spans(r.paragraphs))
                .bind(8, encode_map(r.metadata)).bind(9, r.created).bind(10, r.version).run();
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
            Statement st(db_, "INSERT INTO cases(id, name, description, version) VALUES(?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "name=excluded.name, description=excluded.description, version=excluded.version");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, r.description).bind(4, r.version).run();
        } else if constexpr (std::is_same_v<T, Attribute>) {
            std::map<std::string, std::string> choices;
            for (std::size_t i = 0; i < r.choices.size(); ++i) choices[std::to_string(1000 + i)] = r.choices[i];
            Statement st(db_, "INSERT INTO attributes(id, name, type, choices, version) VALUES(?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "name=excluded.name, type=excluded.type, choices=excluded.choices, version=excluded.version");
            st.bind(1, r.id.value).bind(2, r.name).bind(3, to_string(r.type)).bind(4, encode_map(choices)).bind(5, r.version).run();
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            Statement st(db_, "INSERT INTO attribute_values(case_id, attribute_id, value, version) VALUES(?,?,?,?) "
                              "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value=excluded.value, version=excluded.version");
            st.bind(1, r.case_id.value).bind(2, r.attribute_id.value).bind(3, r.value).bind(4, r.version).run();
        } else if constexpr (std::is_same_v<T, Code>) {
            Statement st(db_, "INSERT INTO codes(id, parent_id, name, colour, definition, inclusion, exclusion, example, "
                              "comb, tdf, level, actor, valence, position, guid, inductive, codable, version) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, "
                              "colour=excluded.colour, definition=excluded.definition, inclusion=excluded.inclusion, "
                              "exclusion=excluded.exclusion, example=excluded.example, comb=excluded.comb, tdf=excluded.tdf, "
                              "level=excluded.level, actor=excluded.actor, valence=excluded.valence, "
                              "position=excluded.position, guid=excluded.guid, inductive=excluded.inductive, codable=excluded.codable, version=excluded.version");
            st.bind(1, r.id.value).bind(2, id_of(r.parent)).bind(3, r.name).bind(4, r.colour).bind(5, r.definition)
                .bind(6, r.inclusion).bind(7, r.exclusion).bind(8, r.example).bind(9, join_comb(r.tags.comb))
                .bind(10, join_tdf(r.tags.tdf));
            if (r.tags.level) st.bind(11, to_string(r.tags.level->level)).bind(12, r.tags.level->actor);
            else st.bind(11, std::nullopt).bind(12, "");
            if (r.tags.valence) st.bind(13, to_string(*r.tags.valence)); else st.bind(13, std::nullopt);
            st.bind(14, r.position).bind(15, r.guid).bind(16, std::int64_t{r.inductive})
                .bind(17, std::int64_t{r.codable}).bind(18, r.version).run();
        } else if constexpr (std::is_same_v<T, Coding>) {
            Statement st(db_, "INSERT INTO codings(id, document_id, start, \"end\", code_id, coder, created, tag_override, pinned, version) "
                              "VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET document_id=excluded.document_id, version=excluded.version, "
                              "start=excluded.start, \"end\"=excluded.\"end\", code_id=excluded.code_id, coder=excluded.coder, "
                              "created=excluded.created, tag_override=excluded.tag_override, pinned=excluded.pinned");
            st.bind(1, r.id.value).bind(2, r.document.value).bind(3, r.span.start.value).bind(4, r.span.end.value)
                .bind(5, r.code.value).bind(6, r.coder).bind(7, r.created);
            if (r.tag_override) st.bind(8, r.tag_override->to_string()); else st.bind(8, std::nullopt);
            st.bind(9, std::int64_t{r.pinned}).bind(10, r.version).run();
        } else if constexpr (std::is_same_v<T, Memo>) {
            Statement st(db_, "INSERT INTO memos(id, target, target_id, title, text, author, created, version) VALUES(?,?,?,?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET version=excluded.version, target=excluded.target, target_id=excluded.target_id, "
                              "title=excluded.title, text=excluded.text, author=excluded.author, created=excluded.created");
            st.bind(1, r.id.value).bind(2, to_string(r.target)).bind(3, r.target_id).bind(4, r.title).bind(5, r.text)
                .bind(6, r.author).bind(7, r.created).bind(8, r.version).run();
        } else {
            Statement st(db_, "INSERT INTO themes(id, parent_id, name, description, position, version) VALUES(?,?,?,?,?,?) "
                              "ON CONFLICT(id) DO UPDATE SET version=excluded.version, parent_id=excluded.parent_id, name=excluded.name, "
                              "description=excluded.description, position=excluded.position");
            st.bind(1, r.id.value).bind(2, id_of(r.parent)).bind(3, r.name).bind(4, r.description).bind(5, r.position).bind(6, r.version).run();
            Statement del(db_, "DELETE FROM theme_codes WHERE theme_id = ?");
            del.bind(1, r.id.value).run();
            Statement ins(db_, "INSERT INTO theme_codes(theme_id, code_id, position) VALUES(?,?,?)");
            std::int64_t pos = 0;
            for (CodeId c : r.codes) ins.bind(1, r.id.value).bind(2, c.value).bind(3, pos++).run();
        }
    }, row);
}

void ProjectFile::remove(const Row& row) {
    const auto [table, key] = table_and_key(row);
    Statement st(db_, "DELETE FROM " + table + key_condition(key));
    for (std::size_t i = 0; i < key.size(); ++i) st.bind(static_cast<int>(i + 1), key[i]);
    st.run();
}

}  // namespace comb::store
