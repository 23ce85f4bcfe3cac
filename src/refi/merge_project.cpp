// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/merge_project.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/code_paths.h"
#include "core/commands/case_commands.h"
#include "core/utf8.h"
#include "import/sha256.h"
#include "refi/refi_rows.h"

namespace comb::refi {
namespace {

using namespace core;

std::string text_hash(std::string_view text) { return importers::sha256_hex(text); }

std::string short_text(const std::string& s) {
    std::string one = s;
    std::replace(one.begin(), one.end(), '\n', ' ');
    if (utf8::length(one) <= 80) return one;
    return std::string(utf8::slice(one, {CodePoint(0), CodePoint(77)})) + "...";
}

struct State {
    Repository& repo;
    const RefiProject& in;
    MergeReport& report;
    ChangeSet changes;
    CodeTree tree;
    std::string source;  // the other file's name, for memos
    std::map<std::string, CodeId> codes;
    std::map<std::string, CaseId> cases;
    std::map<std::string, DocumentId> documents;
    std::map<std::string, CodingId> codings;
    std::vector<Memo> memos;  // ours and those added by this merge

    void issue(std::string kind, std::string item, std::string ours, std::string theirs) {
        report.issues.push_back({std::move(kind), std::move(item), std::move(ours), std::move(theirs)});
    }
    // Adds a memo unless the same text is already on the target; true when added.
    bool add_memo(Memo m) {
        for (const auto& o : memos) {
            if (o.target == m.target && o.target_id == m.target_id && o.text == m.text) return false;
        }
        m.id = MemoId(repo.reserve_id(RowKind::memo));
        memos.push_back(m);
        changes.insert(m);
        return true;
    }
    void note_on_code(CodeId id, const std::string& title, const std::string& text) {
        Memo m;
        m.target = MemoTarget::code;
        m.target_id = id.value;
        m.title = title;
        m.text = text;
        m.author = "merge";
        if (add_memo(m)) ++report.memos_added;
    }
};

template <class T>
void unite(std::vector<T>& ours, const std::vector<T>& theirs) {
    for (const auto& v : theirs) if (std::find(ours.begin(), ours.end(), v) == ours.end()) ours.push_back(v);
}

// Our code and the file's: fill what ours lacks, unite tag lists, report the rest.
void reconcile_code(State& s, const Code& ours, const RefiCode& rc) {
    Code c = ours;
    const std::string path = s.tree.path(ours.id);
    if (ours.name != rc.name) {
        s.issue("code_renamed", path, ours.name, rc.name);
        s.note_on_code(ours.id, "Also named", "Named \"" + rc.name + "\" in " + s.source + " (same code, GUID " + rc.guid + ")");
    }
    for (auto [mine, theirs] : {std::pair{&c.definition, &rc.definition}, {&c.inclusion, &rc.inclusion},
                                {&c.exclusion, &rc.exclusion}, {&c.example, &rc.example}}) {
        if (mine->empty()) *mine = *theirs;
    }
    if (!rc.definition.empty() && !ours.definition.empty() && rc.definition != ours.definition) {
        s.issue("definition_differs", path, short_text(ours.definition), short_text(rc.definition));
        s.note_on_code(ours.id, "Definition in " + s.source, rc.definition);
    }
    unite(c.tags.comb, rc.tags.comb);
    unite(c.tags.tdf, rc.tags.tdf);
    if (!c.tags.level) c.tags.level = rc.tags.level;
    if (!c.tags.valence) c.tags.valence = rc.tags.valence;
    const bool single_differs = (rc.tags.level && c.tags.level != rc.tags.level) ||
                                (rc.tags.valence && c.tags.valence != rc.tags.valence);
    if (c.tags != ours.tags || single_differs) s.issue("tags_differ", path, ours.tags.to_string(), rc.tags.to_string());
    if (c != ours) {
        s.changes.update(ours, c);
        ++s.report.codes_updated;
    }
}

void merge_codes(State& s) {
    std::set<std::string> guids;
    for (const auto& c : s.tree.codes()) guids.insert(c.guid);
    for (const auto& rc : s.in.codes) {
        std::optional<CodeId> parent;
        if (rc.parent_guid) {
            if (const auto it = s.codes.find(*rc.parent_guid); it != s.codes.end()) parent = it->second;
        }
        const auto& all = s.tree.codes();
        auto ours = std::find_if(all.begin(), all.end(), [&](const Code& c) { return !rc.guid.empty() && c.guid == rc.guid; });
        std::optional<CodeId> match = ours != all.end() ? std::optional(ours->id) : s.tree.child_named(parent, rc.name);
        if (match) {
            s.codes[rc.guid] = *match;
            ++s.report.codes_matched;
            reconcile_code(s, s.tree.code(*match), rc);
            continue;
        }
        const CodeId id(s.repo.reserve_id(RowKind::code));
        const auto position = static_cast<std::int64_t>(s.tree.children(parent).size());
        const Code c = code_from_refi(rc, id, parent, rc.name, position,
                                      rc.guid.empty() || guids.count(rc.guid) ? new_guid() : rc.guid);
        guids.insert(c.guid);
        s.tree.add(c);
        s.codes[rc.guid] = c.id;
        s.changes.insert(c);
        ++s.report.codes_added;
    }
}

void merge_cases(State& s, std::map<std::string, CaseId>& case_of_source) {
    auto attributes = s.repo.attributes();
    for (const auto& v : s.in.variables) {
        if (std::any_of(attributes.begin(), attributes.end(), [&](auto& a) { return a.name == v.name; })) continue;
        Attribute a{AttributeId(s.repo.reserve_id(RowKind::attribute)), v.name, v.type, v.choices};
        attributes.push_back(a);
        s.changes.insert(a);
    }
    auto cases = s.repo.cases();
    const auto values = s.repo.attribute_values();
    for (const auto& rc : s.in.cases) {
        auto it = std::find_if(cases.begin(), cases.end(), [&](auto& c) { return c.name == rc.name; });
        CaseId id;
        if (it == cases.end()) {
            Case c{CaseId(s.repo.reserve_id(RowKind::case_)), rc.name, rc.description};
            cases.push_back(c);
            s.changes.insert(c);
            ++s.report.cases_added;
            id = c.id;
        } else {
            id = it->id;
        }
        s.cases[rc.guid] = id;
        // Only values we do not have: ours are never overwritten.
        std::vector<std::pair<std::string, std::string>> missing;
        for (const auto& [key, value] : rc.values) {
            const std::string& name = key;  // a structured binding cannot be captured (C++20, clang)
            const auto a = std::find_if(attributes.begin(), attributes.end(), [&](auto& x) { return x.name == name; });
            const bool have = a != attributes.end() && std::any_of(values.begin(), values.end(), [&](auto& v) {
                                  return v.case_id == id && v.attribute_id == a->id;
                              });
            if (!have) missing.emplace_back(name, value);
        }
        if (!missing.empty()) plan_attribute_values(s.repo, id, missing, attributes, {}, s.changes);
        for (const auto& src : rc.sources) case_of_source.emplace(src, id);
    }
}

void merge_documents(State& s, const std::map<std::string, CaseId>& case_of_source) {
    const auto ours = s.repo.documents();
    std::map<DocumentId, std::string> hashes;
    auto hash_of = [&](const Document& d) -> const std::string& {
        auto it = hashes.find(d.id);
        if (it == hashes.end()) it = hashes.emplace(d.id, text_hash(s.repo.text(d.text_id))).first;
        return it->second;
    };
    std::set<std::string> names;
    for (const auto& d : ours) names.insert(d.name);
    std::int64_t position = ours.empty() ? 0 : ours.back().position + 1;
    for (const auto& rd : s.in.documents) {
        const std::string hash = text_hash(rd.text);
        const auto by_name = std::find_if(ours.begin(), ours.end(), [&](auto& d) { return d.name == rd.name; });
        if (by_name != ours.end()) {
            if (hash_of(*by_name) == hash) {
                s.documents[rd.guid] = by_name->id;
                ++s.report.documents_matched;
            } else {
                s.issue("document_differs", rd.name, "text sha256 " + hash_of(*by_name).substr(0, 12) + ", " +
                        std::to_string(by_name->chars) + " characters",
                        "text sha256 " + hash.substr(0, 12) + ", " + std::to_string(utf8::length(rd.text)) + " characters");
                ++s.report.documents_skipped;
            }
            continue;
        }
        const auto by_hash = std::find_if(ours.begin(), ours.end(), [&](auto& d) { return hash_of(d) == hash; });
        if (by_hash != ours.end()) {
            s.documents[rd.guid] = by_hash->id;
            ++s.report.documents_matched;
            continue;
        }
        const DocumentId id(s.repo.reserve_id(RowKind::document));
        const auto c = case_of_source.find(rd.guid);
        const Document d = document_from_refi(rd, id, rd.name, s.repo.add_text(rd.text, hash), position++,
                                              c != case_of_source.end() ? std::optional(c->second) : std::nullopt);
        names.insert(d.name);
        s.documents[rd.guid] = d.id;
        s.changes.insert(d);
        ++s.report.documents_added;
    }
}

void merge_codings(State& s) {
    using Key = std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t, std::int64_t>;
    std::map<Key, CodingId> have;
    for (const auto& c : s.repo.codings()) have.emplace(Key{c.document.value, c.code.value, c.coder, c.span.start.value, c.span.end.value}, c.id);
    for (const auto& rc : s.in.codings) {
        const auto doc = s.documents.find(rc.document_guid);
        const auto code = s.codes.find(rc.code_guid);
        if (doc == s.documents.end() || code == s.codes.end()) {
            ++s.report.codings_skipped;
            continue;
        }
        const Key key{doc->second.value, code->second.value, rc.coder, rc.span.start.value, rc.span.end.value};
        if (const auto it = have.find(key); it != have.end()) {
            s.codings[rc.guid] = it->second;
            ++s.report.codings_present;
            continue;
        }
        const Coding c = coding_from_refi(rc, CodingId(s.repo.reserve_id(RowKind::coding)), doc->second, code->second);
        have.emplace(key, c.id);
        s.codings[rc.guid] = c.id;
        s.changes.insert(c);
        ++s.report.codings_added;
    }
}

// Themes by name: members united, a new theme added with its parent (by name).
void merge_themes(State& s, std::map<std::string, ThemeId>& themes) {
    auto existing = s.repo.themes();
    for (const auto& t : existing) themes.emplace(t.name, t.id);
    std::vector<Theme> fresh;
    for (const auto& rt : s.in.themes) {
        std::vector<CodeId> codes;
        for (const auto& g : rt.code_guids) {
            if (const auto it = s.codes.find(g); it != s.codes.end()) codes.push_back(it->second);
        }
        auto old = std::find_if(existing.begin(), existing.end(), [&](auto& t) { return t.name == rt.name; });
        auto f = std::find_if(fresh.begin(), fresh.end(), [&](auto& t) { return t.name == rt.name; });
        Theme* target = old != existing.end() ? &*old : f != fresh.end() ? &*f : nullptr;
        if (target) {
            const Theme before = *target;
            unite(target->codes, codes);
            if (old != existing.end()) {
                if (!rt.description.empty() && !before.description.empty() && rt.description != before.description) {
                    s.issue("theme_differs", rt.name, short_text(before.description), short_text(rt.description));
                }
                if (*target != before) {
                    s.changes.update(before, *target);
                    ++s.report.themes_updated;
                }
            }
            continue;
        }
        Theme t;
        t.id = ThemeId(s.repo.reserve_id(RowKind::theme));
        t.name = rt.name;
        t.description = rt.description;
        unite(t.codes, codes);
        themes.emplace(t.name, t.id);
        fresh.push_back(t);
    }
    std::map<std::optional<ThemeId>, std::int64_t> siblings;
    for (const auto& t : existing) siblings[t.parent] = std::max(siblings[t.parent], t.position + 1);
    for (auto& t : fresh) {
        const auto rt = std::find_if(s.in.themes.begin(), s.in.themes.end(), [&](auto& r) { return r.name == t.name; });
        if (rt->parent) {
            if (const auto it = themes.find(*rt->parent); it != themes.end() && it->second != t.id) t.parent = it->second;
        }
        t.position = siblings[t.parent]++;
        s.changes.insert(t);
        ++s.report.themes_added;
    }
}

void merge_memos(State& s, const std::map<std::string, ThemeId>& themes) {
    for (const auto& rm : s.in.memos) {
        const Memo m = memo_from_refi(rm, {s.documents, s.codes, s.codings, s.cases, themes});
        const auto other = std::find_if(s.memos.begin(), s.memos.end(), [&](const Memo& o) {
            return o.target == m.target && o.target_id == m.target_id && o.text != m.text &&
                   (m.target != MemoTarget::project || o.title == m.title);
        });
        const std::string other_text = other != s.memos.end() ? other->text : std::string();
        if (!s.add_memo(m)) {
            ++s.report.memos_present;
            continue;
        }
        ++s.report.memos_added;
        if (!other_text.empty()) {
            s.issue("memo_conflict", std::string(to_string(m.target)) + " " + std::to_string(m.target_id),
                    short_text(other_text), short_text(m.text));
        }
    }
}

}  // namespace

bool MergeReport::changes_nothing() const {
    return documents_added + codes_added + codes_updated + codings_added + memos_added + cases_added + themes_added +
               themes_updated == 0;
}

std::string report_text(const MergeReport& r) {
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string out = "Merged " + r.source + (r.changes_nothing() ? " (nothing new)" : "") + "\n" +
                      "  documents: " + n(r.documents_added) + " added, " + n(r.documents_matched) + " matched, " +
                      n(r.documents_skipped) + " not matched (text differs)\n" +
                      "  codes: " + n(r.codes_added) + " added, " + n(r.codes_matched) + " matched, " + n(r.codes_updated) + " updated\n" +
                      "  codings: " + n(r.codings_added) + " added, " + n(r.codings_present) + " already present, " +
                      n(r.codings_skipped) + " skipped (document or code not merged)\n" +
                      "  memos: " + n(r.memos_added) + " added, " + n(r.memos_present) + " already present\n" +
                      "  cases: " + n(r.cases_added) + " added; themes: " + n(r.themes_added) + " added, " + n(r.themes_updated) + " updated\n";
    if (!r.issues.empty()) out += "Conflicts (both sides kept):\n";
    for (const auto& i : r.issues) out += "  " + i.kind + ": " + i.item + ": ours \"" + i.ours + "\", theirs \"" + i.theirs + "\"\n";
    for (const auto& w : r.warnings) out += "warning: " + w + "\n";
    return out;
}

std::string MergeProject::label() const {
    return "Merge " + std::filesystem::path(other_.path.empty() ? other_.name : other_.path).filename().string();
}

core::ChangeSet MergeProject::plan(core::Repository& repo) const {
    report_ = MergeReport{};
    report_.source = other_.path;
    report_.warnings = other_.warnings;
    State s{repo, other_, report_, {}, CodeTree(repo.codes()),
            std::filesystem::path(other_.path).filename().string(), {}, {}, {}, {}, repo.memos()};
    std::map<std::string, CaseId> case_of_source;
    std::map<std::string, ThemeId> themes;
    merge_codes(s);
    merge_cases(s, case_of_source);
    merge_documents(s, case_of_source);
    merge_codings(s);
    merge_themes(s, themes);
    merge_memos(s, themes);
    return std::move(s.changes);
}

}  // namespace comb::refi
