// SPDX-License-Identifier: GPL-3.0-or-later
// project_as_refi: another Comb project read as a RefiProject, so merging a .comb and a .qdpx
// is one planner (merge_project.cpp).
#include <map>

#include "core/code_paths.h"
#include "import/sha256.h"
#include "refi/merge_project.h"

namespace comb::refi {

RefiProject project_as_refi(const core::Repository& repo, const std::string& path) {
    RefiProject out;
    out.path = path;
    out.name = path;
    out.origin = "Comb";
    const core::CodeTree tree(repo.codes());
    std::map<core::CodeId, std::string> code_guid;
    for (const auto& c : tree.codes()) {
        // A code without a GUID (never expected) is identified by its path.
        code_guid[c.id] = c.guid.empty() ? "comb:code:" + tree.path(c.id) : c.guid;
        RefiCode rc{code_guid[c.id], std::nullopt, c.name, c.colour, c.definition, c.inclusion, c.exclusion, c.example,
                    c.tags, c.inductive, c.codable};
        if (c.parent) rc.parent_guid = code_guid[*c.parent];
        out.codes.push_back(rc);
    }
    std::map<core::DocumentId, std::string> doc_guid;
    std::map<core::CaseId, std::vector<std::string>> sources;
    for (const auto& d : repo.documents()) {
        RefiDocument rd;
        rd.text = repo.text(d.text_id);
        const auto g = d.metadata.find("guid");
        rd.guid = g != d.metadata.end() ? g->second : "comb:document:" + importers::sha256_hex(rd.text);
        doc_guid[d.id] = rd.guid;
        rd.name = d.name;
        rd.paragraphs = d.paragraphs;
        rd.turns = d.turns;
        rd.metadata = d.metadata;
        rd.created = d.created;
        if (d.case_id) sources[*d.case_id].push_back(rd.guid);
        out.documents.push_back(std::move(rd));
    }
    std::map<core::AttributeId, std::string> attribute_name;
    for (const auto& a : repo.attributes()) {
        attribute_name[a.id] = a.name;
        out.variables.push_back({"comb:attribute:" + a.name, a.name, a.type, a.choices});
    }
    std::map<core::CaseId, std::string> case_guid;
    const auto values = repo.attribute_values();
    for (const auto& c : repo.cases()) {
        RefiCase rc{"comb:case:" + c.name, c.name, c.description, {}, sources[c.id]};
        for (const auto& v : values) if (v.case_id == c.id) rc.values.emplace_back(attribute_name[v.attribute_id], v.value);
        case_guid[c.id] = rc.guid;
        out.cases.push_back(std::move(rc));
    }
    std::map<core::CodingId, std::string> coding_guid;
    for (const auto& c : repo.codings()) {
        RefiCoding rc;
        rc.guid = "comb:coding:" + std::to_string(c.id.value);
        coding_guid[c.id] = rc.guid;
        rc.document_guid = doc_guid[c.document];
        rc.span = c.span;
        rc.code_guid = code_guid[c.code];
        rc.coder = c.coder;
        rc.created = c.created;
        rc.tag_override = c.tag_override;
        rc.pinned = c.pinned;
        out.codings.push_back(std::move(rc));
    }
    std::map<core::ThemeId, std::string> theme_name;
    const auto themes = repo.themes();
    for (const auto& t : themes) theme_name[t.id] = t.name;
    for (const auto& t : themes) {
        RefiTheme rt{"comb:theme:" + std::to_string(t.id.value), t.name, std::nullopt, t.description, {}};
        if (t.parent) rt.parent = theme_name[*t.parent];
        for (const auto id : t.codes) rt.code_guids.push_back(code_guid[id]);
        out.themes.push_back(std::move(rt));
    }
    for (const auto& m : repo.memos()) {
        RefiMemo rm{m.target, "", m.title, m.text, m.author, m.created};
        auto id_of = [&](const auto& map, auto id) {
            const auto it = map.find(id);
            return it == map.end() ? std::string() : it->second;
        };
        switch (m.target) {
            case core::MemoTarget::project: break;
            case core::MemoTarget::document: rm.target_guid = id_of(doc_guid, core::DocumentId(m.target_id)); break;
            case core::MemoTarget::code: rm.target_guid = id_of(code_guid, core::CodeId(m.target_id)); break;
            case core::MemoTarget::coding: rm.target_guid = id_of(coding_guid, core::CodingId(m.target_id)); break;
            case core::MemoTarget::case_: rm.target_guid = id_of(case_guid, core::CaseId(m.target_id)); break;
            case core::MemoTarget::theme: rm.target_guid = id_of(theme_name, core::ThemeId(m.target_id)); break;
        }
        out.memos.push_back(std::move(rm));
    }
    return out;
}

}  // namespace comb::refi
