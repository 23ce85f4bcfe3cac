// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/import_project.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/code_paths.h"
#include "core/commands/case_commands.h"
#include "core/error.h"
#include "core/utf8.h"
#include "import/sha256.h"
#include "refi/refi_rows.h"

namespace comb::refi {
namespace {

using namespace core;

// The state of one plan: what the file's GUIDs became in the project.
struct Plan {
    Repository& repo;
    ChangeSet changes;
    std::map<std::string, CodeId> codes;
    std::map<std::string, CaseId> cases;
    std::map<std::string, DocumentId> documents;
    std::map<std::string, CodingId> codings;
    std::map<std::string, ThemeId> themes;  // by name
};

std::string unique(const std::set<std::string>& taken, const std::string& wanted) {
    if (!taken.count(wanted)) return wanted;
    for (int i = 2;; ++i) {
        const std::string candidate = wanted + " (" + std::to_string(i) + ")";
        if (!taken.count(candidate)) return candidate;
    }
}

void plan_codes(Plan& p, const std::vector<RefiCode>& codes) {
    CodeTree tree(p.repo.codes());
    for (const auto& c : tree.codes()) p.codes.emplace(c.guid, c.id);
    std::set<CodeId> created;
    for (const auto& rc : codes) {
        if (p.codes.count(rc.guid)) continue;
        std::optional<CodeId> parent;
        if (rc.parent_guid) {
            const auto it = p.codes.find(*rc.parent_guid);
            if (it != p.codes.end()) parent = it->second;
        }
        std::string name = rc.name;
        if (const auto existing = tree.child_named(parent, name)) {
            if (!created.count(*existing)) {  // already in the project: reuse it
                p.codes.emplace(rc.guid, *existing);
                continue;
            }
            std::set<std::string> taken;
            for (const auto id : tree.children(parent)) taken.insert(tree.code(id).name);
            name = unique(taken, name);
        }
        const CodeId id(p.repo.reserve_id(RowKind::code));
        const Code c = code_from_refi(rc, id, parent, name, static_cast<std::int64_t>(tree.children(parent).size()), rc.guid);
        tree.add(c);
        created.insert(c.id);
        p.codes.emplace(rc.guid, c.id);
        p.changes.insert(c);
    }
}

void plan_cases(Plan& p, const RefiProject& in, std::map<std::string, CaseId>& case_of_source) {
    auto attributes = p.repo.attributes();
    for (const auto& v : in.variables) {
        if (std::any_of(attributes.begin(), attributes.end(), [&](auto& a) { return a.name == v.name; })) continue;
        Attribute a{AttributeId(p.repo.reserve_id(RowKind::attribute)), v.name, v.type, v.choices};
        attributes.push_back(a);
        p.changes.insert(a);
    }
    auto cases = p.repo.cases();
    for (const auto& rc : in.cases) {
        auto it = std::find_if(cases.begin(), cases.end(), [&](auto& c) { return c.name == rc.name; });
        CaseId id;
        if (it == cases.end()) {
            Case c{CaseId(p.repo.reserve_id(RowKind::case_)), rc.name, rc.description};
            cases.push_back(c);
            p.changes.insert(c);
            id = c.id;
        } else {
            id = it->id;
        }
        p.cases.emplace(rc.guid, id);
        plan_attribute_values(p.repo, id, rc.values, attributes, {}, p.changes);
        for (const auto& s : rc.sources) case_of_source.emplace(s, id);
    }
}

void plan_documents(Plan& p, const RefiProject& in, const std::map<std::string, CaseId>& case_of_source) {
    auto existing = p.repo.documents();
    std::set<std::string> names;
    for (const auto& d : existing) {
        names.insert(d.name);
        const auto g = d.metadata.find("guid");
        if (g == d.metadata.end()) continue;
        for (const auto& rd : in.documents) {
            if (rd.guid == g->second) {
                throw InputError({in.path.empty() ? in.name : in.path}, "source \"" + rd.name + "\" was already imported as document \"" +
                                                d.name + "\" (same GUID " + rd.guid + ")");
            }
        }
    }
    std::int64_t position = existing.empty() ? 0 : existing.back().position + 1;
    for (const auto& rd : in.documents) {
        const DocumentId id(p.repo.reserve_id(RowKind::document));
        const auto c = case_of_source.find(rd.guid);
        const Document d = document_from_refi(rd, id, unique(names, rd.name), p.repo.add_text(rd.text, importers::sha256_hex(rd.text)),
                                              position++, c != case_of_source.end() ? std::optional(c->second) : std::nullopt);
        names.insert(d.name);
        p.documents.emplace(rd.guid, d.id);
        p.changes.insert(d);
    }
}

void plan_codings(Plan& p, const std::vector<RefiCoding>& codings) {
    for (const auto& rc : codings) {
        const auto doc = p.documents.find(rc.document_guid);
        const auto code = p.codes.find(rc.code_guid);
        if (doc == p.documents.end() || code == p.codes.end()) continue;  // reported by the reader
        const Coding c = coding_from_refi(rc, CodingId(p.repo.reserve_id(RowKind::coding)), doc->second, code->second);
        p.codings.emplace(rc.guid, c.id);
        p.changes.insert(c);
    }
}

void plan_themes(Plan& p, const std::vector<RefiTheme>& themes) {
    auto existing = p.repo.themes();
    for (const auto& t : existing) p.themes.emplace(t.name, t.id);
    std::vector<Theme> fresh;
    for (const auto& rt : themes) {
        std::vector<CodeId> codes;
        for (const auto& g : rt.code_guids) {
            const auto it = p.codes.find(g);
            if (it != p.codes.end() && std::find(codes.begin(), codes.end(), it->second) == codes.end()) {
                codes.push_back(it->second);
            }
        }
        auto old = std::find_if(existing.begin(), existing.end(), [&](auto& t) { return t.name == rt.name; });
        if (old != existing.end()) {
            Theme t = *old;
            for (const auto id : codes) {
                if (std::find(t.codes.begin(), t.codes.end(), id) == t.codes.end()) t.codes.push_back(id);
            }
            if (t != *old) p.changes.update(*old, t);
            continue;
        }
        auto f = std::find_if(fresh.begin(), fresh.end(), [&](auto& t) { return t.name == rt.name; });
        if (f != fresh.end()) {  // two sets of one name: one theme
            for (const auto id : codes) {
                if (std::find(f->codes.begin(), f->codes.end(), id) == f->codes.end()) f->codes.push_back(id);
            }
            continue;
        }
        Theme t;
        t.id = ThemeId(p.repo.reserve_id(RowKind::theme));
        t.name = rt.name;
        t.description = rt.description;
        t.codes = codes;
        p.themes.emplace(t.name, t.id);
        fresh.push_back(t);
    }
    // Parents may be named before or after their subthemes; resolve once all exist.
    std::map<std::optional<ThemeId>, std::int64_t> siblings;
    for (const auto& t : existing) siblings[t.parent] = std::max(siblings[t.parent], t.position + 1);
    for (auto& t : fresh) {
        const auto rt = std::find_if(themes.begin(), themes.end(), [&](auto& r) { return r.name == t.name; });
        if (rt->parent) {
            const auto it = p.themes.find(*rt->parent);
            if (it != p.themes.end() && it->second != t.id) t.parent = it->second;
        }
        t.position = siblings[t.parent]++;
        p.changes.insert(t);
    }
}

void plan_memos(Plan& p, const std::vector<RefiMemo>& memos) {
    for (const auto& rm : memos) {
        Memo m = memo_from_refi(rm, {p.documents, p.codes, p.codings, p.cases, p.themes});
        m.id = MemoId(p.repo.reserve_id(RowKind::memo));
        p.changes.insert(m);
    }
}

}  // namespace

core::ChangeSet ImportProject::plan(core::Repository& repo) const {
    Plan p{repo, {}, {}, {}, {}, {}, {}};
    std::map<std::string, CaseId> case_of_source;
    plan_codes(p, project_.codes);
    plan_cases(p, project_, case_of_source);
    plan_documents(p, project_, case_of_source);
    plan_codings(p, project_.codings);
    plan_themes(p, project_.themes);
    plan_memos(p, project_.memos);
    return std::move(p.changes);
}

}  // namespace comb::refi
