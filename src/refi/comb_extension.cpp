// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/comb_extension.h"

#include <map>

#include "core/error.h"
#include "core/utf8.h"
#include "import/sha256.h"
#include "refi/comb_markers.h"

namespace comb::refi {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "Comb REFI-QDA extension";
constexpr int kVersion = 1;

json document_entry(const core::Document& d) {
    json j;
    j["paragraphs"] = json::array();
    for (const auto& p : d.paragraphs) j["paragraphs"].push_back({p.start.value, p.end.value});
    j["turns"] = json::array();
    for (const auto& t : d.turns) {
        json turn = {{"span", {t.span.start.value, t.span.end.value}},
                     {"body", {t.body.start.value, t.body.end.value}},
                     {"speaker", t.speaker},
                     {"interviewer", t.is_interviewer}};
        if (t.time_start) turn["start"] = *t.time_start;
        if (t.time_end) turn["end"] = *t.time_end;
        j["turns"].push_back(turn);
    }
    j["metadata"] = json::object();
    for (const auto& [k, v] : d.metadata) {
        if (k != "guid") j["metadata"][k] = v;
    }
    return j;
}

json code_entry(const core::Code& c) {
    json j = json::object();
    for (const auto& [key, value] : {std::pair{"definition", &c.definition}, {"inclusion", &c.inclusion},
                                     {"exclusion", &c.exclusion}, {"example", &c.example}}) {
        if (!value->empty()) j[key] = *value;
    }
    if (!c.tags.empty()) j["tags"] = c.tags.to_string();
    if (!c.inductive) j["inductive"] = false;
    return j;
}

json memo_entry(const Index& ix, const core::Memo& m) {
    const auto [target, id] = ix.target_of(m);
    std::string of;
    switch (target) {
        case core::MemoTarget::project: break;
        case core::MemoTarget::document:
            for (const auto& d : ix.documents) if (d.id.value == id) of = ix.doc_guid.at(d.id);
            break;
        case core::MemoTarget::code: of = ix.code_guid_of.at(core::CodeId(id)); break;
        case core::MemoTarget::coding: of = ix.coding_guid_of.at(core::CodingId(id)); break;
        case core::MemoTarget::case_: of = ix.case_guid_of.at(id); break;
        case core::MemoTarget::theme: of = ix.theme_name_of.at(id); break;
    }
    return {{"target", std::string(core::to_string(target))}, {"of", of},     {"title", m.title},
            {"text", m.text}, {"author", m.author}, {"created", m.created}};
}

core::Span span_of(const json& pair) {
    return {core::CodePoint(pair.at(0).get<std::int64_t>()), core::CodePoint(pair.at(1).get<std::int64_t>())};
}

void apply_document(const json& e, RefiDocument& d, const std::string& path) {
    const std::int64_t length = core::utf8::length(d.text);
    auto within = [&](const json& pair) {
        const core::Span s = span_of(pair);
        if (s.start.value < 0 || s.start.value > s.end.value || s.end.value > length) {
            throw core::InputError({path + "/" + std::string(kExtensionEntry)},
                                   "document \"" + d.name + "\": a paragraph or turn lies outside its text");
        }
        return s;
    };
    d.paragraphs.clear();
    for (const auto& p : e.at("paragraphs")) d.paragraphs.push_back(within(p));
    d.turns.clear();
    for (const auto& t : e.at("turns")) {
        core::Turn turn;
        turn.span = within(t.at("span"));
        turn.body = within(t.at("body"));
        turn.speaker = t.at("speaker").get<std::string>();
        turn.is_interviewer = t.at("interviewer").get<bool>();
        if (t.contains("start")) turn.time_start = t.at("start").get<double>();
        if (t.contains("end")) turn.time_end = t.at("end").get<double>();
        d.turns.push_back(turn);
    }
    d.metadata = e.at("metadata").get<std::map<std::string, std::string>>();
    d.metadata["guid"] = d.guid;
}

void apply_code(const json& e, RefiCode& c) {
    c.definition = e.value("definition", "");
    c.inclusion = e.value("inclusion", "");
    c.exclusion = e.value("exclusion", "");
    c.example = e.value("example", "");
    c.tags = core::TagSet::parse(e.value("tags", ""));
    c.inductive = e.value("inductive", true);
}

std::vector<RefiMemo> memos_of(const json& list) {
    std::vector<RefiMemo> out;
    for (const auto& e : list) {
        RefiMemo m;
        const auto target = core::parse_memo_target(e.at("target").get<std::string>());
        m.target = target.value_or(core::MemoTarget::project);
        m.target_guid = e.at("of").get<std::string>();
        m.title = e.at("title").get<std::string>();
        m.text = e.at("text").get<std::string>();
        m.author = e.at("author").get<std::string>();
        m.created = e.at("created").get<std::string>();
        out.push_back(std::move(m));
    }
    return out;
}

// The entry keyed `guid` in the object `section` of `ext`, or null.
const json* entry(const json& ext, const char* section, const std::string& guid) {
    const auto s = ext.find(section);
    if (s == ext.end() || !s->is_object()) return nullptr;
    const auto it = s->find(guid);
    return it == s->end() ? nullptr : &*it;
}

}  // namespace

std::string extension_json(const Index& ix, std::string_view qde) {
    json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["project.qde sha256"] = importers::sha256_hex(qde);
    j["documents"] = json::object();
    for (const auto& d : ix.documents) j["documents"][ix.doc_guid.at(d.id)] = document_entry(d);
    j["codes"] = json::object();
    for (const auto& c : ix.codes) j["codes"][ix.code_guid_of.at(c.id)] = code_entry(c);
    j["attributes"] = json::object();
    for (const auto& a : ix.attributes) {
        if (a.type == core::AttributeType::choice) j["attributes"][attribute_guid(a)] = {{"choices", a.choices}};
    }
    j["cases"] = json::object();
    for (const auto& c : ix.cases) j["cases"][ix.case_guid_of.at(c.id.value)] = {{"description", c.description}};
    j["codings"] = json::object();
    for (const auto& c : ix.codings) {
        json e = json::object();
        if (c.tag_override) e["tags"] = c.tag_override->to_string();
        if (c.pinned) e["pinned"] = true;
        if (!e.empty()) j["codings"][ix.coding_guid_of.at(c.id)] = e;
    }
    j["themes"] = json::object();
    for (const auto& t : ix.themes) {
        json e = {{"name", t.name}, {"description", t.description}};
        if (t.parent && ix.theme_name_of.count(t.parent->value)) e["parent"] = ix.theme_name_of.at(t.parent->value);
        j["themes"][ix.theme_guid_of.at(t.id.value)] = e;
    }
    j["memos"] = json::array();
    for (const auto& m : ix.memos) j["memos"].push_back(memo_entry(ix, m));
    return j.dump() + "\n";
}

std::optional<json> parse_extension(std::string_view bytes, std::string_view qde, std::vector<std::string>& warnings) {
    const auto j = json::parse(bytes, nullptr, false);
    if (!j.is_object() || j.value("format", "") != kFormat) {
        warnings.push_back(std::string(kExtensionEntry) + " is not Comb's; ignored");
        return std::nullopt;
    }
    if (j.value("version", 0) != kVersion) {
        warnings.push_back(std::string(kExtensionEntry) + " has version " + j.value("version", json()).dump() +
                           ", this Comb reads version " + std::to_string(kVersion) + "; ignored");
        return std::nullopt;
    }
    if (j.value("project.qde sha256", "") != importers::sha256_hex(qde)) {
        warnings.push_back(std::string(kExtensionEntry) +
                           " belongs to another project.qde (the project was changed by another program); Comb's own "
                           "data in it (turns, tags, memo targets, ...) ignored");
        return std::nullopt;
    }
    return j;
}

std::set<std::string> extension_themes(const json& ext) {
    std::set<std::string> out;
    if (const auto t = ext.find("themes"); t != ext.end() && t->is_object()) {
        for (const auto& [guid, e] : t->items()) out.insert(guid);
    }
    return out;
}

void apply_extension(const json& ext, RefiProject& out) {
    for (auto& d : out.documents) {
        if (const json* e = entry(ext, "documents", d.guid)) apply_document(*e, d, out.path);
    }
    for (auto& c : out.codes) {
        if (const json* e = entry(ext, "codes", c.guid)) apply_code(*e, c);
    }
    for (auto& v : out.variables) {
        if (const json* e = entry(ext, "attributes", v.guid)) {
            v.type = core::AttributeType::choice;
            v.choices = e->at("choices").get<std::vector<std::string>>();
        }
    }
    for (auto& c : out.cases) {
        if (const json* e = entry(ext, "cases", c.guid)) c.description = e->at("description").get<std::string>();
    }
    for (auto& c : out.codings) {
        const json* e = entry(ext, "codings", c.guid);
        c.tag_override.reset();
        c.pinned = false;
        if (!e) continue;
        if (e->contains("tags")) c.tag_override = core::TagSet::parse(e->at("tags").get<std::string>());
        c.pinned = e->value("pinned", false);
    }
    for (auto& t : out.themes) {
        const json* e = entry(ext, "themes", t.guid);
        if (!e) continue;
        t.description = e->at("description").get<std::string>();
        t.parent.reset();
        if (e->contains("parent")) t.parent = e->at("parent").get<std::string>();
    }
    out.memos = memos_of(ext.at("memos"));
}

}  // namespace comb::refi
