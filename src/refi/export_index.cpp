// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/export_index.h"

#include <set>

#include "refi/code_xml.h"
#include "refi/comb_markers.h"
#include "refi/qdpx_writer.h"

namespace comb::refi {

std::string user_guid(const std::string& name) { return stable_guid("comb:user:" + name); }
std::string case_guid(const core::Case& c) { return stable_guid("comb:case:" + c.name); }
std::string memo_guid(const core::Memo& m) { return stable_guid("comb:memo:" + std::to_string(m.id.value)); }
std::string attribute_guid(const core::Attribute& a) { return stable_guid("comb:attribute:" + a.name); }
std::string coding_guid(const core::Coding& c, const std::string& doc_guid) {
    return stable_guid("comb:coding:" + doc_guid + ":" + std::to_string(c.id.value));
}
std::string theme_note_guid(const core::Theme& t) { return stable_guid("comb:theme-note:" + t.name); }

Index::Index(const core::Repository& repo)
    : documents(repo.documents()), cases(repo.cases()), attributes(repo.attributes()),
      values(repo.attribute_values()), codes(repo.codes()), codings(repo.codings()), memos(repo.memos()),
      themes(repo.themes()), tree(codes) {
    for (const auto& d : documents) doc_guid[d.id] = document_guid(d);
    for (const auto& c : codes) code_guid_of[c.id] = code_guid(c);
    for (const auto& c : codings) coding_guid_of[c.id] = coding_guid(c, doc_guid[c.document]);
    for (const auto& c : cases) case_guid_of[c.id.value] = case_guid(c);
    for (const auto& t : themes) theme_guid_of[t.id.value] = theme_guid(t), theme_name_of[t.id.value] = t.name;
    read_history(repo);
    std::set<std::int64_t> docs, cds, cgs;
    for (const auto& d : documents) docs.insert(d.id.value);
    for (const auto& c : codes) cds.insert(c.id.value);
    for (const auto& c : codings) cgs.insert(c.id.value);
    for (const auto& m : memos) {
        bool known = true;
        switch (m.target) {
            case core::MemoTarget::project: break;
            case core::MemoTarget::document: known = docs.count(m.target_id) > 0; break;
            case core::MemoTarget::code: known = cds.count(m.target_id) > 0; break;
            case core::MemoTarget::coding: known = cgs.count(m.target_id) > 0; break;
            case core::MemoTarget::case_: known = case_guid_of.count(m.target_id) > 0; break;
            case core::MemoTarget::theme: known = theme_guid_of.count(m.target_id) > 0; break;
        }
        const MemoKey key = known && m.target != core::MemoTarget::project ? MemoKey{m.target, m.target_id}
                                                                            : MemoKey{core::MemoTarget::project, 0};
        memos_of_[key].push_back(&m);
        target_of_[m.id.value] = key;
    }
}

void Index::read_history(const core::Repository& repo) {
    const auto entries = repo.history(std::nullopt, true);
    if (!entries.empty()) project_creator = entries.front().who, project_created = entries.front().time;
    for (const auto& e : entries) {
        if (e.kind != core::HistoryEntry::Kind::command || e.who.empty()) continue;
        for (const auto& c : e.changes.changes) {
            if (c.before || !c.after) continue;
            if (const auto* d = std::get_if<core::Document>(&*c.after)) document_creator.emplace(d->id, e.who);
        }
    }
}

const core::Memo* Index::description_memo(core::MemoTarget t, std::int64_t id) const {
    const auto it = memos_of_.find({t, id});
    return it == memos_of_.end() ? nullptr : it->second.front();
}

std::vector<const core::Memo*> Index::note_memos(core::MemoTarget t, std::int64_t id) const {
    const auto it = memos_of_.find({t, id});
    if (it == memos_of_.end()) return {};
    return {it->second.begin() + 1, it->second.end()};
}

MemoKey Index::target_of(const core::Memo& m) const { return target_of_.at(m.id.value); }

std::string Index::target_name(const MemoKey& key) const {
    const auto [t, id] = key;
    switch (t) {
        case core::MemoTarget::project: return "the project";
        case core::MemoTarget::document:
            for (const auto& d : documents) if (d.id.value == id) return "document " + d.name;
            break;
        case core::MemoTarget::code: return "code " + tree.path(core::CodeId(id));
        case core::MemoTarget::coding:
            for (const auto& c : codings) {
                if (c.id.value != id) continue;
                std::string doc;
                for (const auto& d : documents) if (d.id == c.document) doc = d.name;
                return "coding " + tree.path(c.code) + " in " + doc + " (" + std::to_string(c.span.start.value) + "-" +
                       std::to_string(c.span.end.value) + ")";
            }
            break;
        case core::MemoTarget::case_:
            for (const auto& c : cases) if (c.id.value == id) return "case " + c.name;
            break;
        case core::MemoTarget::theme: return "theme " + theme_name_of.at(id);
    }
    return "the project";
}

}  // namespace comb::refi
