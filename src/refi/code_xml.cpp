// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/code_xml.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/code_paths.h"
#include "refi/comb_markers.h"
#include "refi/xml_util.h"

namespace comb::refi {
namespace {

bool valid_colour(std::string_view c) {
    if (c.size() != 7 && c.size() != 4) return false;
    if (c[0] != '#') return false;
    return std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

std::string upper_colour(std::string c) {
    if (c.size() == 4) c = {'#', c[1], c[1], c[2], c[2], c[3], c[3]};
    for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return c;
}

void read_code(const pugi::xml_node& node, const std::optional<std::string>& parent, const std::string& parent_path,
               RefiProject& out, std::vector<NoteRef>& note_refs) {
    RefiCode code;
    code.name = node.attribute("name").as_string();
    const std::string path = parent_path.empty() ? core::escape_code_name(code.name)
                                                 : parent_path + "/" + core::escape_code_name(code.name);
    if (code.name.empty()) {
        out.warnings.push_back("a code without a name was named \"(unnamed)\"");
        code.name = "(unnamed)";
    }
    const auto guid = normalise_guid(node.attribute("guid").as_string());
    if (!guid) out.warnings.push_back("code \"" + path + "\" has no valid GUID; one was made from its path");
    code.guid = guid ? *guid : stable_guid("comb:code:" + path);
    code.parent_guid = parent;
    code.codable = node.attribute("isCodable").as_bool(true);  // xsd:boolean: true, false, 1, 0
    const std::string colour = node.attribute("color").as_string();
    if (valid_colour(colour)) code.colour = upper_colour(colour);
    if (auto w = parse_code_description(kid_text(node, "Description"), code)) out.warnings.push_back(*w);
    for (const auto& ref : kids(node, "NoteRef")) {
        if (auto g = normalise_guid(ref.attribute("targetGUID").as_string())) {
            note_refs.push_back({*g, core::MemoTarget::code, code.guid});
        }
    }
    out.codes.push_back(code);
    ++out.counts.codes;
    for (const auto& child : kids(node, "Code")) read_code(child, code.guid, path, out, note_refs);
}

void write_code(pugi::xml_node parent, const core::Code& code, const std::vector<core::Code>& all,
                const std::function<std::vector<std::string>(const core::Code&)>& note_refs, const CodeText& describe) {
    auto node = parent.append_child("Code");
    node.append_attribute("guid") = code_guid(code).c_str();
    node.append_attribute("name") = code.name.c_str();
    node.append_attribute("isCodable") = code.codable ? "true" : "false";
    if (valid_colour(code.colour)) node.append_attribute("color") = code.colour.c_str();
    const std::string description = describe ? describe(code) : code_description(code);
    if (!description.empty()) node.append_child("Description").text() = description.c_str();
    if (note_refs) {
        for (const auto& g : note_refs(code)) node.append_child("NoteRef").append_attribute("targetGUID") = g.c_str();
    }
    std::vector<const core::Code*> children;
    for (const auto& c : all) if (c.parent == code.id) children.push_back(&c);
    std::stable_sort(children.begin(), children.end(), [](auto* a, auto* b) { return a->position < b->position; });
    for (const auto* c : children) write_code(node, *c, all, note_refs, describe);
}

}  // namespace

void read_codes(const pugi::xml_node& codes, RefiProject& out, std::vector<NoteRef>& note_refs) {
    for (const auto& node : kids(codes, "Code")) read_code(node, std::nullopt, "", out, note_refs);
}

void read_sets(const pugi::xml_node& sets, RefiProject& out, std::vector<NoteRef>& note_refs,
               const std::set<std::string>& themes) {
    for (const auto& set : kids(sets, "Set")) {
        ++out.counts.sets;
        const std::string name = set.attribute("name").as_string();
        const Marked marked = split_marker(kid_text(set, "Description"), kThemeMarker);
        const auto codes = kids(set, "MemberCode");
        const auto sources = kids(set, "MemberSource");
        const auto notes = kids(set, "MemberNote");
        const std::string guid = normalise_guid(set.attribute("guid").as_string()).value_or("");
        if (!marked.json && codes.empty() && !themes.count(guid)) {
            out.warnings.push_back("set \"" + name + "\" (" + std::to_string(sources.size()) + " sources, " +
                                   std::to_string(notes.size()) +
                                   " notes) not imported: Comb groups codes (as themes), not documents");
            continue;
        }
        RefiTheme theme;
        theme.guid = guid;
        theme.name = name.empty() ? "(unnamed set)" : name;
        theme.description = marked.text;
        if (marked.json) {
            const auto j = nlohmann::json::parse(*marked.json, nullptr, false);
            if (j.is_object() && j.contains("parent") && j["parent"].is_string()) {
                theme.parent = j["parent"].get<std::string>();
            }
        }
        for (const auto& m : codes) {
            if (auto g = normalise_guid(m.attribute("targetGUID").as_string())) theme.code_guids.push_back(*g);
        }
        if (!sources.empty()) {
            out.warnings.push_back("set \"" + name + "\": " + std::to_string(sources.size()) +
                                   " member sources not kept (a theme holds codes only)");
        }
        for (const auto& n : notes) {
            if (auto g = normalise_guid(n.attribute("targetGUID").as_string())) {
                note_refs.push_back({*g, core::MemoTarget::theme, theme.name});
            }
        }
        out.themes.push_back(std::move(theme));
    }
}

void write_codes(pugi::xml_node codes, const std::vector<core::Code>& all,
                 const std::function<std::vector<std::string>(const core::Code&)>& note_refs, const CodeText& describe) {
    std::vector<const core::Code*> roots;
    for (const auto& c : all) if (!c.parent) roots.push_back(&c);
    std::stable_sort(roots.begin(), roots.end(), [](auto* a, auto* b) { return a->position < b->position; });
    for (const auto* c : roots) write_code(codes, *c, all, note_refs, describe);
}

std::string code_guid(const core::Code& code) {
    return normalise_guid(code.guid).value_or(stable_guid("comb:code-id:" + std::to_string(code.id.value)));
}

std::string theme_guid(const core::Theme& theme) { return stable_guid("comb:theme:" + theme.name); }

}  // namespace comb::refi
