// SPDX-License-Identifier: GPL-3.0-or-later
// Writing entity rows of a PostgreSQL project, with the SQLite store's checks and messages
// (src/store/project_writes.cpp): an insert finds no row with its key, an update or delete
// finds the version it was given; a row whose references dangle is a ConflictError.
#include <algorithm>

#include "core/error.h"
#include "pg_project.h"
#include "store/row_codec.h"

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

std::vector<PgParam> key_params(const std::vector<std::int64_t>& key) {
    return std::vector<PgParam>(key.begin(), key.end());
}

}  // namespace

void PgProject::require_transaction(const char* what) const {
    if (!in_transaction_) throw StoreError(what, "no transaction is open");
}

std::optional<std::int64_t> PgProject::stored_version(const Row& row) const {
    const auto [table, key] = table_and_key(row);
    // FOR UPDATE: the row stays as read until this transaction ends (the advisory lock already
    // keeps other Comb writers out; this keeps out anyone editing by hand).
    auto r = db_->exec("SELECT version FROM " + table + key_condition(key) + (in_transaction_ ? " FOR UPDATE" : ""),
                       key_params(key));
    if (r.rows() == 0) return std::nullopt;
    return r.int64(0, 0);
}

void PgProject::require_version(const Row& row, const char* action) const {
    const auto stored = stored_version(row);
    if (stored && *stored == version_of(row)) return;
    throw ConflictError(std::string("cannot ") + action + " " + describe(row) + ": " +
                        (stored ? "it was changed by another writer (version " + std::to_string(*stored) +
                                      ", expected " + std::to_string(version_of(row)) + ")"
                                : "it no longer exists"));
}

template <class F>
void PgProject::refusing_dangling(const Row& row, const char* action, F&& f) {
    try {
        f();
    } catch (const PgError& e) {
        if (e.sqlstate() != "23503") throw;  // foreign_key_violation
        throw ConflictError(std::string("cannot ") + action + " " + describe(row) +
                            (std::string(action) == "delete" ? ": other rows now refer to it" : ": a row it refers to no longer exists"));
    }
}

void PgProject::insert(const Row& row) {
    require_transaction("write a row");
    if (stored_version(row)) {
        throw ConflictError("cannot add " + describe(row) + ": a row with its id exists (another writer took it); nothing was changed");
    }
    refusing_dangling(row, "add", [&] { write(row); });
}

void PgProject::update(const Row& before, const Row& after) {
    require_transaction("write a row");
    require_version(before, "change");
    refusing_dangling(after, "change", [&] { write(after); });
}

void PgProject::erase(const Row& row) {
    require_transaction("write a row");
    require_version(row, "delete");
    refusing_dangling(row, "delete", [&] { remove(row); });
}

void PgProject::write_document(const Document& r) {
    db_->exec("INSERT INTO documents(id, name, case_id, text_id, chars, position, paragraphs, metadata, created, version) "
              "VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, version=excluded.version, "
              "case_id=excluded.case_id, text_id=excluded.text_id, chars=excluded.chars, "
              "position=excluded.position, paragraphs=excluded.paragraphs, metadata=excluded.metadata, "
              "created=excluded.created",
              {r.id.value, r.name, id_of(r.case_id), r.text_id.value, r.chars, r.position, encode_spans(r.paragraphs),
               encode_map(r.metadata), r.created, r.version});
    db_->exec("DELETE FROM turns WHERE document_id = ?", {r.id.value});
    if (r.turns.empty()) return;
    // A few statements for all turns: a round trip per turn made importing long transcripts
    // slow. 1,000 turns a statement keeps under the protocol's 65,535 parameters.
    constexpr std::size_t kBatch = 1000;
    for (std::size_t from = 0; from < r.turns.size(); from += kBatch) {
        std::string sql = "INSERT INTO turns VALUES";
        std::vector<PgParam> params;
        for (std::size_t i = from; i < std::min(r.turns.size(), from + kBatch); ++i) {
            const auto& t = r.turns[i];
            sql += std::string(i > from ? "," : "") + "(?,?,?,?,?,?,?,?,?::float8,?::float8)";
            params.insert(params.end(), {r.id.value, static_cast<std::int64_t>(i), t.span.start.value, t.span.end.value,
                                         t.body.start.value, t.body.end.value, t.speaker, std::int64_t{t.is_interviewer}});
            params.push_back(t.time_start ? PgParam(*t.time_start) : PgParam(std::nullopt));
            params.push_back(t.time_end ? PgParam(*t.time_end) : PgParam(std::nullopt));
        }
        db_->exec(sql, params);
    }
}

void PgProject::write_code(const Code& r) {
    std::vector<PgParam> p{r.id.value, id_of(r.parent), r.name, r.colour, r.definition, r.inclusion, r.exclusion,
                           r.example, join_comb(r.tags.comb), join_tdf(r.tags.tdf)};
    if (r.tags.level) { p.emplace_back(std::string(to_string(r.tags.level->level))); p.emplace_back(r.tags.level->actor); }
    else { p.emplace_back(std::nullopt); p.emplace_back(""); }
    p.push_back(r.tags.valence ? PgParam(std::string(to_string(*r.tags.valence))) : PgParam(std::nullopt));
    p.insert(p.end(), {r.position, r.guid, std::int64_t{r.inductive}, std::int64_t{r.codable}, r.version});
    db_->exec("INSERT INTO codes(id, parent_id, name, colour, definition, inclusion, exclusion, example, "
              "comb, tdf, level, actor, valence, position, guid, inductive, codable, version) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, "
              "colour=excluded.colour, definition=excluded.definition, inclusion=excluded.inclusion, "
              "exclusion=excluded.exclusion, example=excluded.example, comb=excluded.comb, tdf=excluded.tdf, "
              "level=excluded.level, actor=excluded.actor, valence=excluded.valence, "
              "position=excluded.position, guid=excluded.guid, inductive=excluded.inductive, codable=excluded.codable, version=excluded.version",
              p);
}

void PgProject::write_theme(const Theme& r) {
    db_->exec("INSERT INTO themes(id, parent_id, name, description, position, version) VALUES(?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET version=excluded.version, parent_id=excluded.parent_id, name=excluded.name, "
              "description=excluded.description, position=excluded.position",
              {r.id.value, id_of(r.parent), r.name, r.description, r.position, r.version});
    db_->exec("DELETE FROM theme_codes WHERE theme_id = ?", {r.id.value});
    std::int64_t pos = 0;
    for (CodeId c : r.codes) db_->exec("INSERT INTO theme_codes(theme_id, code_id, position) VALUES(?,?,?)", {r.id.value, c.value, pos++});
}

void PgProject::write(const Row& row) {
    std::visit([this](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
            write_document(r);
        } else if constexpr (std::is_same_v<T, Case>) {
            db_->exec("INSERT INTO cases(id, name, description, version) VALUES(?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                      "name=excluded.name, description=excluded.description, version=excluded.version",
                      {r.id.value, r.name, r.description, r.version});
        } else if constexpr (std::is_same_v<T, Attribute>) {
            std::map<std::string, std::string> choices;
            for (std::size_t i = 0; i < r.choices.size(); ++i) choices[std::to_string(1000 + i)] = r.choices[i];
            db_->exec("INSERT INTO attributes(id, name, type, choices, version) VALUES(?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                      "name=excluded.name, type=excluded.type, choices=excluded.choices, version=excluded.version",
                      {r.id.value, r.name, std::string(to_string(r.type)), encode_map(choices), r.version});
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            db_->exec("INSERT INTO attribute_values(case_id, attribute_id, value, version) VALUES(?,?,?,?) "
                      "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value=excluded.value, version=excluded.version",
                      {r.case_id.value, r.attribute_id.value, r.value, r.version});
        } else if constexpr (std::is_same_v<T, Code>) {
            write_code(r);
        } else if constexpr (std::is_same_v<T, Coding>) {
            db_->exec("INSERT INTO codings(id, document_id, start, \"end\", code_id, coder, created, tag_override, pinned, version) "
                      "VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET document_id=excluded.document_id, version=excluded.version, "
                      "start=excluded.start, \"end\"=excluded.\"end\", code_id=excluded.code_id, coder=excluded.coder, "
                      "created=excluded.created, tag_override=excluded.tag_override, pinned=excluded.pinned",
                      {r.id.value, r.document.value, r.span.start.value, r.span.end.value, r.code.value, r.coder, r.created,
                       r.tag_override ? PgParam(r.tag_override->to_string()) : PgParam(std::nullopt), std::int64_t{r.pinned}, r.version});
        } else if constexpr (std::is_same_v<T, Memo>) {
            db_->exec("INSERT INTO memos(id, target, target_id, title, text, author, created, version) VALUES(?,?,?,?,?,?,?,?) "
                      "ON CONFLICT(id) DO UPDATE SET version=excluded.version, target=excluded.target, target_id=excluded.target_id, "
                      "title=excluded.title, text=excluded.text, author=excluded.author, created=excluded.created",
                      {r.id.value, std::string(to_string(r.target)), r.target_id, r.title, r.text, r.author, r.created, r.version});
        } else {
            write_theme(r);
        }
    }, row);
}

void PgProject::remove(const Row& row) {
    const auto [table, key] = table_and_key(row);
    db_->exec("DELETE FROM " + table + key_condition(key), key_params(key));
}

}  // namespace comb::store
