// SPDX-License-Identifier: GPL-3.0-or-later
// Each row kind's columns and its to_cells / *_from pair. A pair reads and writes the columns in
// the order its table lists them; tests/store/test_row_columns.cpp holds every kind to a round
// trip through cells and to one cell per column.
#include "row_columns.h"

#include <cassert>

#include "row_codec.h"

namespace comb::store {
using namespace comb::core;

namespace {

constexpr auto I = ColumnType::integer;
constexpr auto R = ColumnType::real;
constexpr auto T = ColumnType::text;

// In RowKind order, so row_kind_info indexes it.
const RowKindInfo kRowKinds[] = {
    {{"documents",
      {{"id", I}, {"name", T}, {"case_id", I}, {"text_id", I}, {"chars", I}, {"position", I}, {"paragraphs", T},
       {"metadata", T}, {"created", T}, {"version", I}},
      1},
     RowKind::document},
    {{"cases", {{"id", I}, {"name", T}, {"description", T}, {"version", I}}, 1}, RowKind::case_},
    {{"attributes", {{"id", I}, {"name", T}, {"type", T}, {"choices", T}, {"version", I}}, 1}, RowKind::attribute},
    {{"attribute_values", {{"case_id", I}, {"attribute_id", I}, {"value", T}, {"version", I}}, 2},
     RowKind::attribute_value},
    {{"codes",
      {{"id", I}, {"parent_id", I}, {"name", T}, {"colour", T}, {"definition", T}, {"inclusion", T},
       {"exclusion", T}, {"example", T}, {"comb", T}, {"tdf", T}, {"level", T}, {"actor", T}, {"valence", T},
       {"position", I}, {"guid", T}, {"inductive", I}, {"codable", I}, {"version", I}},
      1},
     RowKind::code},
    {{"codings",
      {{"id", I}, {"document_id", I}, {"start", I}, {"\"end\"", I}, {"code_id", I}, {"coder", T}, {"created", T},
       {"tag_override", T}, {"pinned", I}, {"version", I}},
      1},
     RowKind::coding},
    {{"memos",
      {{"id", I}, {"target", T}, {"target_id", I}, {"title", T}, {"text", T}, {"author", T}, {"created", T},
       {"version", I}},
      1},
     RowKind::memo},
    {{"themes", {{"id", I}, {"parent_id", I}, {"name", T}, {"description", T}, {"position", I}, {"version", I}}, 1},
     RowKind::theme},
};

const TableColumns kTurns{"turns",
                          {{"document_id", I}, {"seq", I}, {"start", I}, {"\"end\"", I}, {"body_start", I},
                           {"body_end", I}, {"speaker", T}, {"is_interviewer", I}, {"time_start", R}, {"time_end", R}},
                          2};
const TableColumns kThemeCodes{"theme_codes", {{"theme_id", I}, {"code_id", I}, {"position", I}}, 2};

Cell id_or_null(const auto& opt) { return opt ? Cell(opt->value) : Cell(); }
template <class V> Cell value_or_null(const std::optional<V>& v) { return v ? Cell(*v) : Cell(); }

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

// Stored as a JSON map keyed 1000, 1001, ... so the keys sort in choice order.
std::string encode_choices(const std::vector<std::string>& choices) {
    std::map<std::string, std::string> m;
    for (std::size_t i = 0; i < choices.size(); ++i) m[std::to_string(1000 + i)] = choices[i];
    return encode_map(m);
}

Cells cells_of(const Document& r) {
    return {r.id.value, r.name, id_or_null(r.case_id), r.text_id.value, r.chars, r.position,
            encode_spans(r.paragraphs), encode_map(r.metadata), r.created, r.version};
}
Cells cells_of(const Case& r) { return {r.id.value, r.name, r.description, r.version}; }
Cells cells_of(const Attribute& r) {
    return {r.id.value, r.name, std::string(to_string(r.type)), encode_choices(r.choices), r.version};
}
Cells cells_of(const AttributeValue& r) { return {r.case_id.value, r.attribute_id.value, r.value, r.version}; }

Cells cells_of(const Code& r) {
    const auto& level = r.tags.level;
    return {r.id.value, id_or_null(r.parent), r.name, r.colour, r.definition, r.inclusion, r.exclusion, r.example,
            join_comb(r.tags.comb), join_tdf(r.tags.tdf),
            level ? Cell(std::string(to_string(level->level))) : Cell(), level ? level->actor : std::string(),
            r.tags.valence ? Cell(std::string(to_string(*r.tags.valence))) : Cell(),
            r.position, r.guid, std::int64_t{r.inductive}, std::int64_t{r.codable}, r.version};
}

Cells cells_of(const Coding& r) {
    return {r.id.value, r.document.value, r.span.start.value, r.span.end.value, r.code.value, r.coder, r.created,
            r.tag_override ? Cell(r.tag_override->to_string()) : Cell(), std::int64_t{r.pinned}, r.version};
}

Cells cells_of(const Memo& r) {
    return {r.id.value, std::string(to_string(r.target)), r.target_id, r.title, r.text, r.author, r.created, r.version};
}
Cells cells_of(const Theme& r) { return {r.id.value, id_or_null(r.parent), r.name, r.description, r.position, r.version}; }

// The five tag columns (comb, tdf, level, actor, valence) from `col` on, as one TagSet.
TagSet tags_from(const RowCells& c, int col) {
    std::string spec;
    if (!c.text_view(col).empty()) spec += "comb=" + c.text(col) + ";";
    if (!c.text_view(col + 1).empty()) spec += "tdf=" + c.text(col + 1) + ";";
    if (!c.is_null(col + 2)) {
        spec += "level=" + c.text(col + 2) + (c.text_view(col + 3).empty() ? "" : ":" + c.text(col + 3)) + ";";
    }
    if (!c.is_null(col + 4)) spec += "valence=" + c.text(col + 4) + ";";
    return TagSet::parse(spec);
}

std::string names(const TableColumns& t, std::string_view alias) {
    std::string out;
    for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + std::string(alias) + (alias.empty() ? "" : ".") + c.name;
    return out;
}

}  // namespace

std::string TableColumns::select(std::string_view alias) const {
    return "SELECT " + names(*this, alias) + " FROM " + table + (alias.empty() ? "" : " " + std::string(alias)) + " ";
}

std::string TableColumns::insert() const {
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) marks += i ? ",?" : "?";
    return "INSERT INTO " + std::string(table) + "(" + names(*this, "") + ") VALUES(" + marks + ")";
}

std::string TableColumns::upsert() const {
    std::string key, set;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string name = columns[i].name;
        if (i < key_size) key += (key.empty() ? "" : ", ") + name;
        else set += (set.empty() ? "" : ", ") + name + "=excluded." + name;
    }
    return insert() + " ON CONFLICT(" + key + ") DO UPDATE SET " + set;
}

std::string TableColumns::key_condition() const {
    std::string out;
    for (std::size_t i = 0; i < key_size; ++i) out += (i ? " AND " : " WHERE ") + std::string(columns[i].name) + " = ?";
    return out;
}

const RowKindInfo& row_kind_info(RowKind kind) {
    const auto& info = kRowKinds[static_cast<std::size_t>(kind)];
    assert(info.kind == kind);
    return info;
}

const TableColumns& turn_columns() { return kTurns; }
const TableColumns& theme_code_columns() { return kThemeCodes; }

Cells to_cells(const Row& row) {
    return std::visit([](const auto& r) { return cells_of(r); }, row);
}

Cells key_cells(const Row& row) {
    Cells all = to_cells(row);
    all.resize(row_kind_info(kind_of(row)).key_size);
    return all;
}

std::vector<Cells> turn_cells(const Document& d) {
    std::vector<Cells> out;
    out.reserve(d.turns.size());
    std::int64_t seq = 0;
    for (const auto& t : d.turns) {
        out.push_back({d.id.value, seq++, t.span.start.value, t.span.end.value, t.body.start.value, t.body.end.value,
                       t.speaker, std::int64_t{t.is_interviewer}, value_or_null(t.time_start), value_or_null(t.time_end)});
    }
    return out;
}

std::vector<Cells> theme_code_cells(const Theme& t) {
    std::vector<Cells> out;
    std::int64_t position = 0;
    for (CodeId c : t.codes) out.push_back({t.id.value, c.value, position++});
    return out;
}

Document document_from(const RowCells& c) {
    Document d;
    d.id = DocumentId(c.int64(0));
    d.name = c.text(1);
    if (!c.is_null(2)) d.case_id = CaseId(c.int64(2));
    d.text_id = TextId(c.int64(3));
    d.chars = c.int64(4);
    d.position = c.int64(5);
    d.paragraphs = decode_spans(c.text(6));
    d.metadata = decode_map(c.text(7));
    d.created = c.text(8);
    d.version = c.int64(9);
    return d;
}

Turn turn_from(const RowCells& c) {  // column 0 is the document, 1 the sequence
    Turn t;
    t.span = {CodePoint(c.int64(2)), CodePoint(c.int64(3))};
    t.body = {CodePoint(c.int64(4)), CodePoint(c.int64(5))};
    t.speaker = c.text(6);
    t.is_interviewer = c.int64(7) != 0;
    if (!c.is_null(8)) t.time_start = c.real(8);
    if (!c.is_null(9)) t.time_end = c.real(9);
    return t;
}

Case case_from(const RowCells& c) { return {CaseId(c.int64(0)), c.text(1), c.text(2), c.int64(3)}; }

Attribute attribute_from(const RowCells& c) {
    std::vector<std::string> choices;
    for (auto& [key, choice] : decode_map(c.text(3))) choices.push_back(choice);
    return {AttributeId(c.int64(0)), c.text(1), parse_attribute_type(c.text(2)).value_or(AttributeType::text),
            std::move(choices), c.int64(4)};
}

AttributeValue attribute_value_from(const RowCells& c) {
    return {CaseId(c.int64(0)), AttributeId(c.int64(1)), c.text(2), c.int64(3)};
}

Code code_from(const RowCells& c) {
    Code r;
    r.id = CodeId(c.int64(0));
    if (!c.is_null(1)) r.parent = CodeId(c.int64(1));
    r.name = c.text(2);
    r.colour = c.text(3);
    r.definition = c.text(4);
    r.inclusion = c.text(5);
    r.exclusion = c.text(6);
    r.example = c.text(7);
    r.tags = tags_from(c, 8);
    r.position = c.int64(13);
    r.guid = c.text(14);
    r.inductive = c.int64(15) != 0;
    r.codable = c.int64(16) != 0;
    r.version = c.int64(17);
    return r;
}

Coding coding_from(const RowCells& c) {
    Coding r;
    r.id = CodingId(c.int64(0));
    r.document = DocumentId(c.int64(1));
    r.span = Span{CodePoint(c.int64(2)), CodePoint(c.int64(3))};
    r.code = CodeId(c.int64(4));
    r.coder = c.text(5);
    r.created = c.text(6);
    if (!c.is_null(7)) r.tag_override = TagSet::parse(c.text(7));
    r.pinned = c.int64(8) != 0;
    r.version = c.int64(9);
    return r;
}

Memo memo_from(const RowCells& c) {
    return {MemoId(c.int64(0)), parse_memo_target(c.text(1)).value_or(MemoTarget::project), c.int64(2), c.text(3),
            c.text(4), c.text(5), c.text(6), c.int64(7)};
}

Theme theme_from(const RowCells& c) {
    Theme t;
    t.id = ThemeId(c.int64(0));
    if (!c.is_null(1)) t.parent = ThemeId(c.int64(1));
    t.name = c.text(2);
    t.description = c.text(3);
    t.position = c.int64(4);
    t.version = c.int64(5);
    return t;
}

}  // namespace comb::store
