// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/qdpx_writer.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <zip.h>

#include "core/error.h"
#include "core/utf8.h"
#include "refi/code_xml.h"
#include "refi/comb_markers.h"

namespace comb::refi {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kOrigin = "Comb 0.1";

bool is_datetime(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
    return std::regex_match(s, re);
}

std::string user_guid(const std::string& name) { return stable_guid("comb:user:" + name); }
std::string case_guid(const core::Case& c) { return stable_guid("comb:case:" + c.name); }
std::string memo_guid(const core::Memo& m) { return stable_guid("comb:memo:" + std::to_string(m.id.value)); }
std::string attribute_guid(const core::Attribute& a) { return stable_guid("comb:attribute:" + a.name); }
std::string coding_guid(const core::Coding& c, const std::string& doc_guid) {
    return stable_guid("comb:coding:" + doc_guid + ":" + std::to_string(c.id.value));
}

std::string xml_string(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

void ref(pugi::xml_node parent, const char* element, const std::string& guid) {
    parent.append_child(element).append_attribute("targetGUID") = guid.c_str();
}

void set_user(pugi::xml_node node, const char* attribute, const std::string& name) {
    if (!name.empty()) node.append_attribute(attribute) = user_guid(name).c_str();
}

void set_time(pugi::xml_node node, const std::string& time) {
    if (is_datetime(time)) node.append_attribute("creationDateTime") = time.c_str();
}

bool is_decimal(const std::string& s) {
    static const std::regex re(R"([+-]?(\d+(\.\d*)?|\.\d+))");
    return std::regex_match(s, re);
}

bool is_date(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(s, re);
}

// A value element the schema accepts for this attribute type; text when the value does not fit.
void variable_value(pugi::xml_node parent, const core::Attribute& a, const std::string& value) {
    auto vv = parent.append_child("VariableValue");
    ref(vv, "VariableRef", attribute_guid(a));
    const char* element = "TextValue";
    if (a.type == core::AttributeType::number && is_decimal(value)) element = "FloatValue";
    if (a.type == core::AttributeType::date && is_date(value)) element = "DateValue";
    vv.append_child(element).text() = value.c_str();
}

// Everything the writer looks up more than once.
struct Index {
    explicit Index(const core::Repository& repo)
        : documents(repo.documents()), cases(repo.cases()), attributes(repo.attributes()),
          values(repo.attribute_values()), codes(repo.codes()), codings(repo.codings()), memos(repo.memos()),
          themes(repo.themes()) {
        for (const auto& d : documents) doc_guid[d.id] = document_guid(d);
        for (const auto& c : codes) code_guid_of[c.id] = code_guid(c);
        for (const auto& c : codings) coding_guid_of[c.id] = coding_guid(c, doc_guid[c.document]);
        std::set<std::int64_t> docs, cds, cgs, css, ths;
        for (const auto& d : documents) docs.insert(d.id.value);
        for (const auto& c : codes) cds.insert(c.id.value);
        for (const auto& c : codings) cgs.insert(c.id.value);
        for (const auto& c : cases) css.insert(c.id.value);
        for (const auto& t : themes) ths.insert(t.id.value);
        for (const auto& m : memos) {
            const std::set<std::int64_t>* known = nullptr;
            switch (m.target) {
                case core::MemoTarget::project: break;
                case core::MemoTarget::document: known = &docs; break;
                case core::MemoTarget::code: known = &cds; break;
                case core::MemoTarget::coding: known = &cgs; break;
                case core::MemoTarget::case_: known = &css; break;
                case core::MemoTarget::theme: known = &ths; break;
            }
            const bool dangling = known && !known->count(m.target_id);
            memos_of[{dangling ? core::MemoTarget::project : m.target, dangling ? 0 : m.target_id}].push_back(memo_guid(m));
        }
    }
    std::vector<std::string> memo_refs(core::MemoTarget t, std::int64_t id) const {
        const auto it = memos_of.find({t, id});
        return it == memos_of.end() ? std::vector<std::string>{} : it->second;
    }

    std::vector<core::Document> documents;
    std::vector<core::Case> cases;
    std::vector<core::Attribute> attributes;
    std::vector<core::AttributeValue> values;
    std::vector<core::Code> codes;
    std::vector<core::Coding> codings;
    std::vector<core::Memo> memos;
    std::vector<core::Theme> themes;
    std::map<core::DocumentId, std::string> doc_guid;
    std::map<core::CodeId, std::string> code_guid_of;
    std::map<core::CodingId, std::string> coding_guid_of;
    std::map<std::pair<core::MemoTarget, std::int64_t>, std::vector<std::string>> memos_of;
};

void write_users(pugi::xml_node root, const Index& ix) {
    std::set<std::string> names;
    for (const auto& c : ix.codings) if (!c.coder.empty()) names.insert(c.coder);
    for (const auto& m : ix.memos) if (!m.author.empty()) names.insert(m.author);
    if (names.empty()) return;
    auto users = root.append_child("Users");
    for (const auto& n : names) {
        auto u = users.append_child("User");
        u.append_attribute("guid") = user_guid(n).c_str();
        u.append_attribute("name") = n.c_str();
    }
}

void write_variables_and_cases(pugi::xml_node root, const Index& ix) {
    if (!ix.attributes.empty()) {
        auto vars = root.append_child("Variables");
        for (const auto& a : ix.attributes) {
            auto v = vars.append_child("Variable");
            v.append_attribute("guid") = attribute_guid(a).c_str();
            v.append_attribute("name") = a.name.c_str();
            const char* type = a.type == core::AttributeType::number ? "Float"
                               : a.type == core::AttributeType::date ? "Date" : "Text";
            v.append_attribute("typeOfVariable") = type;
            if (a.type == core::AttributeType::choice) {
                v.append_child("Description").text() = join_marker("", kChoicesMarker, json(a.choices).dump()).c_str();
            }
        }
    }
    if (ix.cases.empty()) return;
    auto cases = root.append_child("Cases");
    for (const auto& c : ix.cases) {
        auto node = cases.append_child("Case");
        node.append_attribute("guid") = case_guid(c).c_str();
        node.append_attribute("name") = c.name.c_str();
        if (!c.description.empty()) node.append_child("Description").text() = c.description.c_str();
        for (const auto& a : ix.attributes) {
            for (const auto& v : ix.values) {
                if (v.case_id == c.id && v.attribute_id == a.id) variable_value(node, a, v.value);
            }
        }
        for (const auto& d : ix.documents) {
            if (d.case_id == c.id) ref(node, "SourceRef", ix.doc_guid.at(d.id));
        }
    }
}

std::string document_marker(const core::Document& d) {
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
        if (k != "guid" && k != "description") j["metadata"][k] = v;
    }
    const auto desc = d.metadata.find("description");
    return join_marker(desc == d.metadata.end() ? "" : desc->second, kDocumentMarker, j.dump());
}

// The value every coding of a selection shares, or "" when they differ: a selection's
// creatingUser and creationDateTime are the readers' fallback for codings without their own,
// so a value that is not shared must not be written there.
std::string shared_value(const std::vector<const core::Coding*>& group, std::string core::Coding::*field) {
    for (const auto* c : group) {
        if (c->*field != group.front()->*field) return {};
    }
    return group.front()->*field;
}

// The per-coding data REFI-QDA has no place for (tag override, pinned quote). A selection with
// one coding carries it as {"tags":…,"pinned":true}; one with several keys it by coding GUID,
// {"codings":{"GUID":{…}}}, so each coding gets back its own.
std::optional<json> coding_marker(const std::vector<const core::Coding*>& group, const Index& ix) {
    auto of = [](const core::Coding& c) {
        json j = json::object();
        if (c.tag_override) j["tags"] = c.tag_override->to_string();
        if (c.pinned) j["pinned"] = true;
        return j;
    };
    if (group.size() == 1) {
        json j = of(*group.front());
        return j.empty() ? std::nullopt : std::optional<json>(j);
    }
    json per = json::object();
    for (const auto* c : group) {
        if (json j = of(*c); !j.empty()) per[ix.coding_guid_of.at(c->id)] = j;
    }
    return per.empty() ? std::nullopt : std::optional<json>(json{{"codings", per}});
}

// One PlainTextSelection for the codings of one span, each a <Coding> in the project's order.
void write_selection(pugi::xml_node source, const std::vector<const core::Coding*>& group, const std::string& text,
                     const Index& ix) {
    const core::Coding& first = *group.front();
    auto sel = source.append_child("PlainTextSelection");
    sel.append_attribute("guid") = stable_guid("comb:selection:" + ix.coding_guid_of.at(first.id)).c_str();
    std::string quote(core::utf8::slice(text, first.span));
    if (core::utf8::length(quote) > 100) {
        quote = std::string(core::utf8::slice(quote, {core::CodePoint(0), core::CodePoint(100)})) + "…";
    }
    sel.append_attribute("name") = quote.c_str();
    sel.append_attribute("startPosition") = static_cast<long long>(first.span.start.value);
    sel.append_attribute("endPosition") = static_cast<long long>(first.span.end.value);
    set_user(sel, "creatingUser", shared_value(group, &core::Coding::coder));
    set_time(sel, shared_value(group, &core::Coding::created));
    if (const auto marker = coding_marker(group, ix)) {
        sel.append_child("Description").text() = join_marker("", kCodingMarker, marker->dump()).c_str();
    }
    for (const auto* c : group) {
        auto coding = sel.append_child("Coding");
        coding.append_attribute("guid") = ix.coding_guid_of.at(c->id).c_str();
        set_user(coding, "creatingUser", c->coder);
        set_time(coding, c->created);
        ref(coding, "CodeRef", ix.code_guid_of.at(c->code));
        for (const auto& n : ix.memo_refs(core::MemoTarget::coding, c->id.value)) ref(coding, "NoteRef", n);
    }
}

// Codings come ordered by document, start, end and id, so one span's codings are adjacent.
void write_selections(pugi::xml_node source, const core::Document& d, const std::string& text, const Index& ix) {
    std::vector<const core::Coding*> group;
    for (const auto& c : ix.codings) {
        if (c.document != d.id) continue;
        if (!group.empty() && !(group.front()->span == c.span)) {
            write_selection(source, group, text, ix);
            group.clear();
        }
        group.push_back(&c);
    }
    if (!group.empty()) write_selection(source, group, text, ix);
}

void write_sources(pugi::xml_node root, const core::Repository& repo, const Index& ix,
                   std::vector<std::pair<std::string, std::string>>* files) {
    if (ix.documents.empty()) return;
    auto sources = root.append_child("Sources");
    for (const auto& d : ix.documents) {
        const std::string guid = ix.doc_guid.at(d.id);
        auto node = sources.append_child("TextSource");
        node.append_attribute("guid") = guid.c_str();
        node.append_attribute("name") = d.name.c_str();
        node.append_attribute("plainTextPath") = ("internal://" + guid + ".txt").c_str();
        set_time(node, d.created);
        node.append_child("Description").text() = document_marker(d).c_str();
        const std::string text = repo.text(d.text_id);
        write_selections(node, d, text, ix);
        for (const auto& n : ix.memo_refs(core::MemoTarget::document, d.id.value)) ref(node, "NoteRef", n);
        for (const auto& a : ix.attributes) {
            const auto v = d.metadata.find("variable:" + a.name);
            if (v != d.metadata.end()) variable_value(node, a, v->second);
        }
        if (files) files->emplace_back("sources/" + guid + ".txt", text);
    }
}

void write_notes(pugi::xml_node root, const Index& ix) {
    if (ix.memos.empty()) return;
    std::map<std::int64_t, std::string> case_guids;
    for (const auto& c : ix.cases) case_guids[c.id.value] = case_guid(c);
    auto notes = root.append_child("Notes");
    for (const auto& m : ix.memos) {
        auto note = notes.append_child("Note");
        note.append_attribute("guid") = memo_guid(m).c_str();
        if (!m.title.empty()) note.append_attribute("name") = m.title.c_str();
        set_user(note, "creatingUser", m.author);
        set_time(note, m.created);
        if (m.target == core::MemoTarget::case_ && case_guids.count(m.target_id)) {
            note.append_child("Description").text() = join_marker("", kCaseMemoMarker, case_guids[m.target_id]).c_str();
        }
        note.append_child("PlainTextContent").text() = m.text.c_str();
    }
}

void write_sets(pugi::xml_node parent, const Index& ix, bool with_notes) {
    if (ix.themes.empty()) return;
    std::map<core::ThemeId, std::string> names;
    for (const auto& t : ix.themes) names[t.id] = t.name;
    auto sets = parent.append_child("Sets");
    for (const auto& t : ix.themes) {
        auto set = sets.append_child("Set");
        set.append_attribute("guid") = theme_guid(t).c_str();
        set.append_attribute("name") = t.name.c_str();
        json j = json::object();
        if (t.parent && names.count(*t.parent)) j["parent"] = names[*t.parent];
        set.append_child("Description").text() = join_marker(t.description, kThemeMarker, j.dump()).c_str();
        for (const auto& c : t.codes) {
            if (ix.code_guid_of.count(c)) ref(set, "MemberCode", ix.code_guid_of.at(c));
        }
        if (with_notes) {
            for (const auto& n : ix.memo_refs(core::MemoTarget::theme, t.id.value)) ref(set, "MemberNote", n);
        }
    }
}

// The XML declaration and the root element in its namespace.
pugi::xml_node start_document(pugi::xml_document& doc, const char* root_name, const char* xmlns) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    auto root = doc.append_child(root_name);
    root.append_attribute("xmlns") = xmlns;
    return root;
}

std::string build_project(const core::Repository& repo, const std::string& name,
                          std::vector<std::pair<std::string, std::string>>* files) {
    const Index ix(repo);
    pugi::xml_document doc;
    auto root = start_document(doc, "Project", "urn:QDA-XML:project:1.0");
    root.append_attribute("name") = name.c_str();
    root.append_attribute("origin") = kOrigin;
    write_users(root, ix);
    if (!ix.codes.empty()) {
        write_codes(root.append_child("CodeBook").append_child("Codes"), ix.codes, [&](const core::Code& c) {
            return ix.memo_refs(core::MemoTarget::code, c.id.value);
        });
    }
    write_variables_and_cases(root, ix);
    write_sources(root, repo, ix, files);
    write_notes(root, ix);
    write_sets(root, ix, true);
    for (const auto& n : ix.memo_refs(core::MemoTarget::project, 0)) ref(root, "NoteRef", n);
    return xml_string(doc);
}

fs::path temp_beside(const fs::path& out) {
    return out.parent_path() / ("." + out.filename().string() + ".tmp");
}

void write_file(const fs::path& out, const std::string& bytes) {
    const fs::path tmp = temp_beside(out);
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << bytes;
        if (!f.flush()) throw core::InputError({out.string()}, "cannot write the file");
    }
    std::error_code ec;
    fs::rename(tmp, out, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw core::InputError({out.string()}, "cannot write the file");
    }
}

}  // namespace

std::string document_guid(const core::Document& doc) {
    const auto g = doc.metadata.find("guid");
    if (g != doc.metadata.end()) {
        if (auto n = normalise_guid(g->second)) return *n;
    }
    return stable_guid("comb:document:" + std::to_string(doc.id.value) + ":" + doc.name);
}

std::string project_xml(const core::Repository& repo, const std::string& project_name) {
    return build_project(repo, project_name, nullptr);
}

std::string codebook_xml(const core::Repository& repo) {
    const Index ix(repo);
    if (ix.codes.empty()) throw core::InputError({"<argument>"}, "the project has no codes: a codebook needs at least one");
    pugi::xml_document doc;
    auto root = start_document(doc, "CodeBook", "urn:QDA-XML:codebook:1.0");
    root.append_attribute("origin") = kOrigin;
    write_codes(root.append_child("Codes"), ix.codes, {});
    write_sets(root, ix, false);
    return xml_string(doc);
}

void export_qdc(const core::Repository& repo, const fs::path& out) { write_file(out, codebook_xml(repo)); }

void export_qdpx(const core::Repository& repo, const fs::path& out, const std::string& project_name) {
    std::vector<std::pair<std::string, std::string>> files;
    std::deque<std::string> buffers;  // must outlive zip_close; a deque never moves its elements
    buffers.push_back(build_project(repo, project_name, &files));
    const fs::path tmp = temp_beside(out);
    std::error_code ec;
    fs::remove(tmp, ec);
    int error = 0;
    zip_t* archive = zip_open(tmp.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw core::InputError({out.string()}, "cannot create the file");
    auto add = [&](const std::string& name, const std::string& bytes) {
        zip_source_t* src = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t idx = src ? zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (src) zip_source_free(src);
            zip_discard(archive);
            throw core::InputError({out.string()}, "cannot add " + name + " to the archive");
        }
        zip_file_set_mtime(archive, static_cast<zip_uint64_t>(idx), 946684800, 0);  // fixed: reproducible
    };
    add("project.qde", buffers.front());
    for (const auto& [name, text] : files) {
        buffers.push_back(text);
        add(name, buffers.back());
    }
    if (zip_close(archive) != 0) {
        const std::string detail = zip_strerror(archive);
        zip_discard(archive);
        fs::remove(tmp, ec);
        throw core::InputError({out.string()}, "cannot write the archive (" + detail + ")");
    }
    fs::rename(tmp, out, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw core::InputError({out.string()}, "cannot write the file (" + ec.message() + ")");
    }
}

}  // namespace comb::refi
