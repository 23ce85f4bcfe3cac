// SPDX-License-Identifier: GPL-3.0-or-later
// project_as_refi: another Comb project read as a RefiProject, so merging a .comb and a .qdpx
// is one planner (merge_project.cpp).
#include <map>

#include "core/code_paths.h"
#include "import/sha256.h"
#include "refi/merge_project.h"

namespace comb::refi {

namespace {

// The GUIDs the rows get in the RefiProject, by their ids in the project read.
struct Guids {
    std::map<core::CodeId, std::string> code;
    std::map<core::DocumentId, std::string> document;
    std::map<core::CaseId, std::string> case_;
    std::map<core::CodingId, std::string> coding;
    std::map<core::ThemeId, std::string> theme;  // themes by name, as REFI sets
    std::map<core::CaseId, std::vector<std::string>> sources;  // a case's documents
};

void add_codes(const core::Repository& repo, RefiProject& out, Guids& g) {
    const core::CodeTree tree(repo.codes());
    for (const auto& c : tree.codes()) {
        // A code without a GUID (never expected) is identified by its path.
        g.code[c.id] = c.guid.empty() ? "comb:code:" + tree.path(c.id) : c.guid;
        RefiCode rc{g.code[c.id], std::nullopt, c.name, c.colour, c.definition, c.inclusion, c.exclusion, c.example,
                    c.tags, c.inductive, c.codable};
        if (c.parent) rc.parent_guid = g.code[*c.parent];
        out.codes.push_back(rc);
    }
}

void add_documents(const core::Repository& repo, RefiProject& out, Guids& g) {
    for (const auto& d : repo.documents()) {
        RefiDocument rd;
        rd.text = repo.text(d.text_id);
        const auto guid = d.metadata.find("guid");
        rd.guid = guid != d.metadata.end() ? guid->second : "comb:document:" + importers::sha256_hex(rd.text);
        g.document[d.id] = rd.guid;
        rd.name = d.name;
        rd.paragraphs = d.paragraphs;
        rd.turns = d.turns;
        rd.metadata = d.metadata;
        rd.created = d.created;
        if (d.case_id) g.sources[*d.case_id].push_back(rd.guid);
        out.documents.push_back(std::move(rd));
    }
}

void add_cases(const core::Repository& repo, RefiProject& out, Guids& g) {
    std::map<core::AttributeId, std::string> attribute_name;
    for (const auto& a : repo.attributes()) {
        attribute_name[a.id] = a.name;
        out.variables.push_back({"comb:attribute:" + a.name, a.name, a.type, a.choices});
    }
    const auto values = repo.attribute_values();
    for (const auto& c : repo.cases()) {
        RefiCase rc{"comb:case:" + c.name, c.name, c.description, {}, g.sources[c.id]};
        for (const auto& v : values) if (v.case_id == c.id) rc.values.emplace_back(attribute_name[v.attribute_id], v.value);
        g.case_[c.id] = rc.guid;
        out.cases.push_back(std::move(rc));
    }
}

void add_codings(const core::Repository& repo, RefiProject& out, Guids& g) {
    for (const auto& c : repo.codings()) {
        RefiCoding rc;
        rc.guid = "comb:coding:" + std::to_string(c.id.value);
        g.coding[c.id] = rc.guid;
        rc.document_guid = g.document[c.document];
        rc.span = c.span;
        rc.code_guid = g.code[c.code];
        rc.coder = c.coder;
        rc.created = c.created;
        rc.tag_override = c.tag_override;
        rc.pinned = c.pinned;
        out.codings.push_back(std::move(rc));
    }
}

void add_themes(const core::Repository& repo, RefiProject& out, Guids& g) {
    const auto themes = repo.themes();
    for (const auto& t : themes) g.theme[t.id] = t.name;
    for (const auto& t : themes) {
        RefiTheme rt{"comb:theme:" + std::to_string(t.id.value), t.name, std::nullopt, t.description, {}};
        if (t.parent) rt.parent = g.theme[*t.parent];
        for (const auto id : t.codes) rt.code_guids.push_back(g.code[id]);
        out.themes.push_back(std::move(rt));
    }
}

template <class Id>
std::string guid_in(const std::map<Id, std::string>& guids, std::int64_t id) {
    const auto it = guids.find(Id(id));
    return it == guids.end() ? std::string() : it->second;
}

void add_memos(const core::Repository& repo, RefiProject& out, const Guids& g) {
    for (const auto& m : repo.memos()) {
        RefiMemo rm{m.target, "", m.title, m.text, m.author, m.created};
        switch (m.target) {
            case core::MemoTarget::project: break;
            case core::MemoTarget::document: rm.target_guid = guid_in(g.document, m.target_id); break;
            case core::MemoTarget::code: rm.target_guid = guid_in(g.code, m.target_id); break;
            case core::MemoTarget::coding: rm.target_guid = guid_in(g.coding, m.target_id); break;
            case core::MemoTarget::case_: rm.target_guid = guid_in(g.case_, m.target_id); break;
            case core::MemoTarget::theme: rm.target_guid = guid_in(g.theme, m.target_id); break;
        }
        out.memos.push_back(std::move(rm));
    }
}

}  // namespace

RefiProject project_as_refi(const core::Repository& repo, const std::string& path) {
    RefiProject out;
    out.path = path;
    out.name = path;
    out.origin = "Comb";
    Guids guids;
    add_codes(repo, out, guids);
    add_documents(repo, out, guids);
    add_cases(repo, out, guids);
    add_codings(repo, out, guids);
    add_themes(repo, out, guids);
    add_memos(repo, out, guids);
    return out;
}

}  // namespace comb::refi
