// SPDX-License-Identifier: GPL-3.0-or-later
#include "row_codec.h"

#include <cassert>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace comb::core {
// nlohmann finds these by argument-dependent lookup.
using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) { return v ? json(*v) : json(nullptr); }

void to_json(json& j, const Span& s) { j = json::array({s.start.value, s.end.value}); }
void from_json(const json& j, Span& s) { s = Span{CodePoint(j.at(0).get<std::int64_t>()), CodePoint(j.at(1).get<std::int64_t>())}; }

void to_json(json& j, const TagSet& t) { j = t.to_string(); }
void from_json(const json& j, TagSet& t) { t = TagSet::parse(j.get<std::string>()); }

void to_json(json& j, const Turn& t) {
    j = {{"span", t.span}, {"body", t.body}, {"speaker", t.speaker}, {"interviewer", t.is_interviewer},
         {"t0", opt(t.time_start)}, {"t1", opt(t.time_end)}};
}
void from_json(const json& j, Turn& t) {
    t.span = j.at("span").get<Span>();
    t.body = j.at("body").get<Span>();
    t.speaker = j.at("speaker").get<std::string>();
    t.is_interviewer = j.at("interviewer").get<bool>();
    if (!j.at("t0").is_null()) t.time_start = j.at("t0").get<double>();
    if (!j.at("t1").is_null()) t.time_end = j.at("t1").get<double>();
}

}  // namespace comb::core

namespace comb::store {
namespace {

using nlohmann::json;
using namespace comb::core;

template <class I>
json id_or_null(const std::optional<I>& id) { return id ? json(id->value) : json(nullptr); }
template <class I>
std::optional<I> opt_id(const json& j) { return j.is_null() ? std::nullopt : std::optional<I>(I(j.get<std::int64_t>())); }

// The position of T among Row's alternatives, which is its RowKind.
template <class T, std::size_t I = 0>
constexpr std::size_t row_index() {
    if constexpr (std::is_same_v<std::variant_alternative_t<I, Row>, T>) return I;
    else return row_index<T, I + 1>();
}

template <class T>
std::string kind_name(const T&) { return std::string(to_string(static_cast<RowKind>(row_index<T>()))); }

json encode_fields(const Row& row) {
    return std::visit([](const auto& r) -> json {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"name", r.name}, {"case", id_or_null(r.case_id)},
                    {"text", r.text_id.value}, {"chars", r.chars}, {"position", r.position},
                    {"paragraphs", r.paragraphs}, {"turns", r.turns}, {"metadata", r.metadata}, {"created", r.created}};
        } else if constexpr (std::is_same_v<T, Case>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"name", r.name}, {"description", r.description}};
        } else if constexpr (std::is_same_v<T, Attribute>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"name", r.name},
                    {"type", std::string(to_string(r.type))}, {"choices", r.choices}};
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            return {{"kind", kind_name(r)}, {"case", r.case_id.value}, {"attribute", r.attribute_id.value}, {"value", r.value}};
        } else if constexpr (std::is_same_v<T, Code>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"parent", id_or_null(r.parent)}, {"name", r.name},
                    {"colour", r.colour}, {"definition", r.definition}, {"inclusion", r.inclusion},
                    {"exclusion", r.exclusion}, {"example", r.example}, {"tags", r.tags}, {"position", r.position},
                    {"guid", r.guid}, {"inductive", r.inductive}, {"codable", r.codable}};
        } else if constexpr (std::is_same_v<T, Coding>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"document", r.document.value}, {"span", r.span},
                    {"code", r.code.value}, {"coder", r.coder}, {"created", r.created},
                    {"override", r.tag_override ? json(*r.tag_override) : json(nullptr)}, {"pinned", r.pinned}};
        } else if constexpr (std::is_same_v<T, Memo>) {
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"target", std::string(to_string(r.target))},
                    {"target_id", r.target_id}, {"title", r.title}, {"text", r.text}, {"author", r.author},
                    {"created", r.created}};
        } else {
            std::vector<std::int64_t> codes;
            for (auto c : r.codes) codes.push_back(c.value);
            return {{"kind", kind_name(r)}, {"id", r.id.value}, {"parent", id_or_null(r.parent)}, {"name", r.name},
                    {"description", r.description}, {"position", r.position}, {"codes", codes}};
        }
    }, row);
}

json encode(const Row& row) {
    json j = encode_fields(row);
    j["version"] = version_of(row);
    return j;
}

Row decode_fields(const json& j);

// History written before schema 3 has no versions: 0.
Row decode(const json& j) {
    Row r = decode_fields(j);
    set_version(r, j.value("version", std::int64_t{0}));
    return r;
}

Document decode_document(const json& j) {
    Document d;
    d.id = DocumentId(j.at("id").get<std::int64_t>());
    d.name = j.at("name").get<std::string>();
    d.case_id = opt_id<CaseId>(j.at("case"));
    d.text_id = TextId(j.at("text").get<std::int64_t>());
    d.chars = j.at("chars").get<std::int64_t>();
    d.position = j.at("position").get<std::int64_t>();
    d.paragraphs = j.at("paragraphs").get<std::vector<Span>>();
    d.turns = j.at("turns").get<std::vector<Turn>>();
    d.metadata = j.at("metadata").get<std::map<std::string, std::string>>();
    d.created = j.at("created").get<std::string>();
    return d;
}

Code decode_code(const json& j) {
    Code c;
    c.id = CodeId(j.at("id").get<std::int64_t>());
    c.parent = opt_id<CodeId>(j.at("parent"));
    c.name = j.at("name").get<std::string>();
    c.colour = j.at("colour").get<std::string>();
    c.definition = j.at("definition").get<std::string>();
    c.inclusion = j.at("inclusion").get<std::string>();
    c.exclusion = j.at("exclusion").get<std::string>();
    c.example = j.at("example").get<std::string>();
    c.tags = j.at("tags").get<TagSet>();
    c.position = j.at("position").get<std::int64_t>();
    c.guid = j.at("guid").get<std::string>();
    c.inductive = j.at("inductive").get<bool>();
    c.codable = j.value("codable", true);  // history written before schema 2 has none
    return c;
}

Coding decode_coding(const json& j) {
    Coding c;
    c.id = CodingId(j.at("id").get<std::int64_t>());
    c.document = DocumentId(j.at("document").get<std::int64_t>());
    c.span = j.at("span").get<Span>();
    c.code = CodeId(j.at("code").get<std::int64_t>());
    c.coder = j.at("coder").get<std::string>();
    c.created = j.at("created").get<std::string>();
    if (!j.at("override").is_null()) c.tag_override = j.at("override").get<TagSet>();
    c.pinned = j.at("pinned").get<bool>();
    return c;
}

Memo decode_memo(const json& j) {
    Memo m;
    m.id = MemoId(j.at("id").get<std::int64_t>());
    m.target = parse_memo_target(j.at("target").get<std::string>()).value_or(MemoTarget::project);
    m.target_id = j.at("target_id").get<std::int64_t>();
    m.title = j.at("title").get<std::string>();
    m.text = j.at("text").get<std::string>();
    m.author = j.at("author").get<std::string>();
    m.created = j.at("created").get<std::string>();
    return m;
}

Theme decode_theme(const json& j) {
    Theme t;
    t.id = ThemeId(j.at("id").get<std::int64_t>());
    t.parent = opt_id<ThemeId>(j.at("parent"));
    t.name = j.at("name").get<std::string>();
    t.description = j.at("description").get<std::string>();
    t.position = j.at("position").get<std::int64_t>();
    for (auto id : j.at("codes").get<std::vector<std::int64_t>>()) t.codes.push_back(CodeId(id));
    return t;
}

Row decode_fields(const json& j) {
    const std::string name = j.at("kind").get<std::string>();
    const auto kind = parse_row_kind(name);
    if (!kind) throw StoreError("read history", "unknown row kind " + name);
    if (kind == RowKind::document) return decode_document(j);
    if (kind == RowKind::case_) return Case{CaseId(j.at("id").get<std::int64_t>()), j.at("name").get<std::string>(), j.at("description").get<std::string>()};
    if (kind == RowKind::attribute) {
        return Attribute{AttributeId(j.at("id").get<std::int64_t>()), j.at("name").get<std::string>(),
                         parse_attribute_type(j.at("type").get<std::string>()).value_or(AttributeType::text),
                         j.at("choices").get<std::vector<std::string>>()};
    }
    if (kind == RowKind::attribute_value) {
        return AttributeValue{CaseId(j.at("case").get<std::int64_t>()), AttributeId(j.at("attribute").get<std::int64_t>()), j.at("value").get<std::string>()};
    }
    if (kind == RowKind::code) return decode_code(j);
    if (kind == RowKind::coding) return decode_coding(j);
    if (kind == RowKind::memo) return decode_memo(j);
    if (kind == RowKind::theme) return decode_theme(j);
    throw StoreError("read history", "unknown row kind " + name);
}

}  // namespace

std::string encode_changes(const ChangeSet& changes) {
    json arr = json::array();
    for (const auto& c : changes.changes) {
        arr.push_back({{"before", c.before ? encode(*c.before) : json(nullptr)},
                       {"after", c.after ? encode(*c.after) : json(nullptr)}});
    }
    return arr.dump();
}

ChangeSet decode_changes(const std::string& text) {
    try {
        ChangeSet out;
        for (const auto& c : json::parse(text)) {
            Change ch;
            if (!c.at("before").is_null()) ch.before = decode(c.at("before"));
            if (!c.at("after").is_null()) ch.after = decode(c.at("after"));
            out.changes.push_back(std::move(ch));
        }
        return out;
    } catch (const json::exception& e) {
        throw StoreError("read history", e.what());
    } catch (const std::invalid_argument& e) {
        throw StoreError("read history", e.what());
    }
}

std::string encode_spans(const std::vector<Span>& spans) { return json(spans).dump(); }
std::vector<Span> decode_spans(const std::string& text) { return json::parse(text).get<std::vector<Span>>(); }
std::string encode_map(const std::map<std::string, std::string>& m) { return json(m).dump(); }
std::map<std::string, std::string> decode_map(const std::string& text) {
    return json::parse(text).get<std::map<std::string, std::string>>();
}

}  // namespace comb::store
