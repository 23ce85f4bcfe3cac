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
#include <tuple>
#include <zip.h>

#include "core/error.h"
#include "core/utf8.h"
#include "refi/code_xml.h"
#include "refi/comb_extension.h"
#include "refi/comb_markers.h"
#include "refi/export_index.h"
#include "refi/readable.h"

namespace comb::refi {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kOrigin = "Comb 0.1";

bool is_datetime(const std::string& s) {
    static const std::regex re(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
    return std::regex_match(s, re);
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

// Output shared by the parts of one export: the Index, the files beside project.qde and the
// latest time the project knows (a Note without a creation time gets it as modifiedDateTime:
// QualCoder stops on a Note with neither).
struct Out {
    const Index& ix;
    std::vector<std::pair<std::string, std::string>>* files;  // null: XML only
    std::string latest_time;
};

std::string latest_time(const Index& ix) {
    std::string latest;
    auto see = [&](const std::string& t) { if (is_datetime(t) && t > latest) latest = t; };
    for (const auto& d : ix.documents) see(d.created);
    for (const auto& c : ix.codings) see(c.created);
    for (const auto& m : ix.memos) see(m.created);
    return latest;
}

void write_users(pugi::xml_node root, const Index& ix) {
    std::set<std::string> names;
    for (const auto& c : ix.codings) if (!c.coder.empty()) names.insert(c.coder);
    for (const auto& m : ix.memos) if (!m.author.empty()) names.insert(m.author);
    for (const auto& [id, who] : ix.document_creator) names.insert(who);
    if (!ix.project_creator.empty()) names.insert(ix.project_creator);
    if (names.empty()) return;
    auto users = root.append_child("Users");
    for (const auto& n : names) {
        auto u = users.append_child("User");
        u.append_attribute("guid") = user_guid(n).c_str();
        u.append_attribute("name") = n.c_str();
    }
}

void description(pugi::xml_node node, const std::string& text) {
    if (!text.empty()) node.append_child("Description").text() = text.c_str();
}

void write_variables(pugi::xml_node root, const Index& ix) {
    if (ix.attributes.empty()) return;
    auto vars = root.append_child("Variables");
    for (const auto& a : ix.attributes) {
        auto v = vars.append_child("Variable");
        v.append_attribute("guid") = attribute_guid(a).c_str();
        v.append_attribute("name") = a.name.c_str();
        const char* type = a.type == core::AttributeType::number ? "Float"
                           : a.type == core::AttributeType::date ? "Date" : "Text";
        v.append_attribute("typeOfVariable") = type;
        if (a.type == core::AttributeType::choice && !a.choices.empty()) {
            std::string choices;
            for (const auto& c : a.choices) choices += (choices.empty() ? "" : "; ") + c;
            description(v, "Choices: " + choices);
        }
    }
}

void write_cases(pugi::xml_node root, const Index& ix) {
    if (ix.cases.empty()) return;
    auto cases = root.append_child("Cases");
    for (const auto& c : ix.cases) {
        auto node = cases.append_child("Case");
        node.append_attribute("guid") = ix.case_guid_of.at(c.id.value).c_str();
        node.append_attribute("name") = c.name.c_str();
        description(node, with_memo(c.description, ix.description_memo(core::MemoTarget::case_, c.id.value)));
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

// A selection's Description: its codings' memos (the first of each). With several codings,
// each memo is labelled with its code, since readers give the text to every coding there.
std::string selection_description(const std::vector<const core::Coding*>& group, const Index& ix) {
    std::string out;
    for (const auto* c : group) {
        const core::Memo* m = ix.description_memo(core::MemoTarget::coding, c->id.value);
        if (!m) continue;
        const std::string text = group.size() == 1 ? memo_text(*m) : ix.tree.path(c->code) + ": " + memo_text(*m);
        out += (out.empty() ? "" : "\n\n") + text;
    }
    return out;
}

// One PlainTextSelection for the codings of one span by one coder at one time, each a <Coding>
// in the project's order; the selection carries their coder and time (QualCoder reads them
// from the selection only).
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
    set_user(sel, "creatingUser", first.coder);
    set_time(sel, first.created);
    description(sel, selection_description(group, ix));
    for (const auto* c : group) {
        auto coding = sel.append_child("Coding");
        coding.append_attribute("guid") = ix.coding_guid_of.at(c->id).c_str();
        set_user(coding, "creatingUser", c->coder);
        set_time(coding, c->created);
        ref(coding, "CodeRef", ix.code_guid_of.at(c->code));
        for (const auto* n : ix.note_memos(core::MemoTarget::coding, c->id.value)) ref(coding, "NoteRef", memo_guid(*n));
    }
}

// Codings come ordered by document, start, end and id; one selection per span, coder and time.
void write_selections(pugi::xml_node source, const core::Document& d, const std::string& text, const Index& ix) {
    std::map<std::tuple<std::int64_t, std::int64_t, std::string, std::string>, std::vector<const core::Coding*>> groups;
    std::vector<std::vector<const core::Coding*>*> order;
    for (const auto& c : ix.codings) {
        if (c.document != d.id) continue;
        auto& g = groups[{c.span.start.value, c.span.end.value, c.coder, c.created}];
        if (g.empty()) order.push_back(&g);
        g.push_back(&c);
    }
    for (const auto* g : order) write_selection(source, *g, text, ix);
}

void write_sources(pugi::xml_node root, const core::Repository& repo, const Out& out) {
    const Index& ix = out.ix;
    if (ix.documents.empty()) return;
    auto sources = root.append_child("Sources");
    for (const auto& d : ix.documents) {
        const std::string guid = ix.doc_guid.at(d.id);
        auto node = sources.append_child("TextSource");
        node.append_attribute("guid") = guid.c_str();
        node.append_attribute("name") = d.name.c_str();
        node.append_attribute("plainTextPath") = ("internal://" + guid + ".txt").c_str();
        if (const auto who = ix.document_creator.find(d.id); who != ix.document_creator.end()) {
            set_user(node, "creatingUser", who->second);
        }
        set_time(node, d.created);
        const auto desc = d.metadata.find("description");
        description(node, with_memo(desc == d.metadata.end() ? "" : desc->second,
                                    ix.description_memo(core::MemoTarget::document, d.id.value)));
        const std::string text = repo.text(d.text_id);
        write_selections(node, d, text, ix);
        for (const auto& a : ix.attributes) {
            const auto v = d.metadata.find("variable:" + a.name);
            if (v != d.metadata.end()) variable_value(node, a, v->second);
        }
        if (out.files) out.files->emplace_back("sources/" + guid + ".txt", text);
    }
}

// A Note as QualCoder and others read free memos: named, its text in sources/GUID.txt.
void write_note(pugi::xml_node notes, const Out& out, std::set<std::string>& names, const std::string& guid,
                std::string name, const std::string& author, const std::string& created, const std::string& text) {
    auto note = notes.append_child("Note");
    note.append_attribute("guid") = guid.c_str();
    const std::string base = name;
    for (int i = 2; names.count(name); ++i) name = base + " (" + std::to_string(i) + ")";
    names.insert(name);
    note.append_attribute("name") = name.c_str();
    note.append_attribute("plainTextPath") = ("internal://" + guid + ".txt").c_str();
    set_user(note, "creatingUser", author);
    set_time(note, created);
    if (!is_datetime(created) && !out.latest_time.empty()) {
        note.append_attribute("modifiedDateTime") = out.latest_time.c_str();
    }
    if (out.files) out.files->emplace_back("sources/" + guid + ".txt", text);
}

// Memos that are not in a Description, and one note per theme with a memo (for programs that
// drop sets of codes, such as QualCoder): "Theme NAME" with its codes, description and memo.
void write_notes(pugi::xml_node root, const Out& out) {
    const Index& ix = out.ix;
    std::vector<const core::Memo*> memos;
    for (const auto& m : ix.memos) {
        const auto [t, id] = ix.target_of(m);
        if (ix.description_memo(t, id) != &m) memos.push_back(&m);
    }
    std::vector<const core::Theme*> themes;
    for (const auto& t : ix.themes) if (ix.description_memo(core::MemoTarget::theme, t.id.value)) themes.push_back(&t);
    if (memos.empty() && themes.empty()) return;
    auto notes = root.append_child("Notes");
    std::set<std::string> names;
    for (const auto* m : memos) {
        const std::string name = m->title.empty() ? "Memo on " + ix.target_name(ix.target_of(*m)) : m->title;
        write_note(notes, out, names, memo_guid(*m), name, m->author, m->created, m->text);
    }
    for (const auto* t : themes) {
        const core::Memo* m = ix.description_memo(core::MemoTarget::theme, t->id.value);
        std::string codes;
        for (const auto c : t->codes) codes += (codes.empty() ? "" : "; ") + ix.tree.path(c);
        const std::string parent = t->parent ? "Part of theme: " + ix.theme_name_of.at(t->parent->value) : "";
        const std::string text = paragraphs({"Codes: " + codes, parent, with_memo(t->description, m)});
        write_note(notes, out, names, theme_note_guid(*t), "Theme " + t->name, m->author, m->created, text);
    }
}

void write_sets(pugi::xml_node parent, const Index& ix, bool with_notes) {
    if (ix.themes.empty()) return;
    auto sets = parent.append_child("Sets");
    for (const auto& t : ix.themes) {
        auto set = sets.append_child("Set");
        set.append_attribute("guid") = theme_guid(t).c_str();
        set.append_attribute("name") = t.name.c_str();
        const core::Memo* memo = with_notes ? ix.description_memo(core::MemoTarget::theme, t.id.value) : nullptr;
        if (with_notes) {
            description(set, with_memo(t.description, memo));
        } else {  // a codebook: no comb.json beside it, so the theme travels as a marker
            json j = json::object();
            if (t.parent && ix.theme_name_of.count(t.parent->value)) j["parent"] = ix.theme_name_of.at(t.parent->value);
            description(set, join_marker(t.description, kThemeMarker, j.dump()));
        }
        for (const auto& c : t.codes) {
            if (ix.code_guid_of.count(c)) ref(set, "MemberCode", ix.code_guid_of.at(c));
        }
        if (!with_notes) continue;
        if (memo) ref(set, "MemberNote", theme_note_guid(t));
        for (const auto* n : ix.note_memos(core::MemoTarget::theme, t.id.value)) ref(set, "MemberNote", memo_guid(*n));
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

std::string build_project(const core::Repository& repo, const Index& ix, const std::string& name,
                          std::vector<std::pair<std::string, std::string>>* files) {
    const Out out{ix, files, latest_time(ix)};
    pugi::xml_document doc;
    auto root = start_document(doc, "Project", "urn:QDA-XML:project:1.0");
    root.append_attribute("name") = name.c_str();
    root.append_attribute("origin") = kOrigin;
    set_user(root, "creatingUserGUID", ix.project_creator);
    set_time(root, ix.project_created);
    write_users(root, ix);
    if (!ix.codes.empty()) {
        write_codes(
            root.append_child("CodeBook").append_child("Codes"), ix.codes,
            [&](const core::Code& c) {
                std::vector<std::string> refs;
                for (const auto* m : ix.note_memos(core::MemoTarget::code, c.id.value)) refs.push_back(memo_guid(*m));
                return refs;
            },
            [&](const core::Code& c) {
                return with_memo(readable_code(c), ix.description_memo(core::MemoTarget::code, c.id.value));
            });
    }
    write_variables(root, ix);
    write_cases(root, ix);
    write_sources(root, repo, out);
    write_notes(root, out);
    write_sets(root, ix, true);
    if (const core::Memo* m = ix.description_memo(core::MemoTarget::project, 0)) description(root, memo_text(*m));
    for (const auto* m : ix.note_memos(core::MemoTarget::project, 0)) ref(root, "NoteRef", memo_guid(*m));
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
    return build_project(repo, Index(repo), project_name, nullptr);
}

std::string codebook_xml(const core::Repository& repo) {
    const Index ix(repo);
    if (ix.codes.empty()) throw core::InputError::argument("the project has no codes: a codebook needs at least one");
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
    const Index ix(repo);
    buffers.push_back(build_project(repo, ix, project_name, &files));
    buffers.push_back(extension_json(ix, buffers.front()));
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
    add(std::string(kExtensionEntry), buffers.back());
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
