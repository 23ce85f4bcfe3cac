// SPDX-License-Identifier: GPL-3.0-or-later
#include "code_commands.h"

#include <algorithm>
#include <set>

#include "core/code_paths.h"
#include "core/error.h"

namespace comb::core {
namespace {

InputError bad(const std::string& reason) { return InputError::argument(reason); }

// Every memo about `id`, so deleting or merging codes keeps memos consistent.
std::vector<Memo> memos_of(Repository& repo, MemoTarget target, std::int64_t id) {
    std::vector<Memo> out;
    for (auto& m : repo.memos()) if (m.target == target && m.target_id == id) out.push_back(m);
    return out;
}

}  // namespace

ChangeSet DefineCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    ChangeSet changes;
    const CodeId id = ensure_code_path(repo, tree, path_, changes);
    // If just created, the insert is in `changes`: edit that row in place.
    Code* target = nullptr;
    for (auto& c : changes.changes) {
        if (auto* code = std::get_if<Code>(&*c.after); code && code->id == id) target = code;
    }
    Code before = tree.code(id);
    Code after = target ? *target : before;
    if (fields_.colour) after.colour = *fields_.colour;
    if (fields_.definition) after.definition = *fields_.definition;
    if (fields_.inclusion) after.inclusion = *fields_.inclusion;
    if (fields_.exclusion) after.exclusion = *fields_.exclusion;
    if (fields_.example) after.example = *fields_.example;
    if (fields_.inductive) after.inductive = *fields_.inductive;
    if (fields_.codable) after.codable = *fields_.codable;
    if (target) *target = after;
    else if (!(after == before)) changes.update(before, after);
    return changes;
}

ChangeSet RenameCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const Code before = tree.code(tree.path_id(path_));
    if (name_.find_first_not_of(" \t") == std::string::npos) throw bad("a code name may not be empty");
    if (before.name == name_) return {};
    if (tree.child_named(before.parent, name_)) throw bad("a code named \"" + name_ + "\" already exists there");
    Code after = before;
    after.name = name_;
    ChangeSet changes;
    changes.update(before, after);
    return changes;
}

ChangeSet MoveCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const Code before = tree.code(tree.path_id(path_));
    std::optional<CodeId> parent;
    if (parent_) {
        parent = tree.path_id(*parent_);
        const auto below = tree.descendants(before.id);
        if (*parent == before.id || std::find(below.begin(), below.end(), *parent) != below.end()) {
            throw bad("cannot move code \"" + path_ + "\" under itself");
        }
    }
    if (before.parent == parent) return {};
    if (tree.child_named(parent, before.name)) throw bad("a code named \"" + before.name + "\" already exists there");
    Code after = before;
    after.parent = parent;
    after.position = static_cast<std::int64_t>(tree.children(parent).size());
    ChangeSet changes;
    changes.update(before, after);
    return changes;
}

ChangeSet MergeCodes::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const Code source = tree.code(tree.path_id(source_));
    const CodeId target = tree.path_id(target_);
    if (source.id == target) throw bad("cannot merge a code into itself");
    const auto below = tree.descendants(source.id);
    if (std::find(below.begin(), below.end(), target) != below.end()) throw bad("cannot merge a code into its own child");
    ChangeSet changes;
    for (CodeId child : tree.children(source.id)) {  // children move up to the target
        Code before = tree.code(child), after = before;
        if (tree.child_named(target, before.name)) throw bad("both codes have a child named \"" + before.name + "\"");
        after.parent = target;
        changes.update(before, after);
    }
    std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> existing;
    const auto all = repo.codings();
    for (const auto& c : all) if (c.code == target) existing.insert({c.document.value, c.span.start.value, c.span.end.value});
    for (const auto& c : all) {
        if (c.code != source.id) continue;
        if (existing.count({c.document.value, c.span.start.value, c.span.end.value})) {
            for (const auto& m : memos_of(repo, MemoTarget::coding, c.id.value)) changes.erase(m);
            changes.erase(c);
            continue;
        }
        Coding after = c;
        after.code = target;
        changes.update(c, after);
    }
    for (const auto& t : repo.themes()) {
        if (std::find(t.codes.begin(), t.codes.end(), source.id) == t.codes.end()) continue;
        Theme after = t;
        after.codes.clear();
        for (CodeId id : t.codes) {
            const CodeId mapped = id == source.id ? target : id;
            if (std::find(after.codes.begin(), after.codes.end(), mapped) == after.codes.end()) after.codes.push_back(mapped);
        }
        changes.update(t, after);
    }
    for (const auto& m : memos_of(repo, MemoTarget::code, source.id.value)) {
        Memo after = m;
        after.target_id = target.value;
        changes.update(m, after);
    }
    changes.erase(source);
    return changes;
}

ChangeSet SplitCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const CodeId source = tree.path_id(path_);
    ChangeSet changes;
    const CodeId target = ensure_code_path(repo, tree, new_path_, changes);
    require_codable(tree, target);
    std::set<CodingId> wanted(codings_.begin(), codings_.end());
    for (const auto& c : repo.codings()) {
        if (!wanted.erase(c.id)) continue;
        if (c.code != source) throw bad("coding " + std::to_string(c.id.value) + " is not coded " + path_);
        Coding after = c;
        after.code = target;
        changes.update(c, after);
    }
    if (!wanted.empty()) throw bad("no coding with id " + std::to_string(wanted.begin()->value));
    return changes;
}

ChangeSet DeleteCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const CodeId root = tree.path_id(path_);
    auto doomed = tree.descendants(root);
    doomed.insert(doomed.begin(), root);
    const std::set<CodeId> gone(doomed.begin(), doomed.end());
    ChangeSet changes;
    for (const auto& t : repo.themes()) {
        Theme after = t;
        std::erase_if(after.codes, [&](CodeId id) { return gone.count(id) > 0; });
        if (after.codes != t.codes) changes.update(t, after);
    }
    for (const auto& c : repo.codings()) {
        if (!gone.count(c.code)) continue;
        for (const auto& m : memos_of(repo, MemoTarget::coding, c.id.value)) changes.erase(m);
        changes.erase(c);
    }
    // Children before parents, so foreign keys hold at every step.
    for (auto it = doomed.rbegin(); it != doomed.rend(); ++it) {
        for (const auto& m : memos_of(repo, MemoTarget::code, it->value)) changes.erase(m);
        changes.erase(tree.code(*it));
    }
    return changes;
}

TagSet TagPatch::applied_to(TagSet tags) const {
    if (comb) tags.comb = *comb;
    if (tdf) tags.tdf = *tdf;
    if (level) tags.level = *level;
    if (valence) tags.valence = *valence;
    tags.normalise();
    return tags;
}

ChangeSet TagCode::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    const Code before = tree.code(tree.path_id(path_));
    Code after = before;
    after.tags = patch_.applied_to(before.tags);
    ChangeSet changes;
    if (!(after == before)) changes.update(before, after);
    return changes;
}

}  // namespace comb::core
