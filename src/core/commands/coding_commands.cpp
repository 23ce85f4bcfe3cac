// SPDX-License-Identifier: GPL-3.0-or-later
#include "coding_commands.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/code_paths.h"
#include "core/error.h"

namespace comb::core {

Coding require_coding(const Repository& repo, CodingId id) {
    if (auto c = repo.find_coding(id)) return std::move(*c);
    throw InputError::argument("no coding with id " + std::to_string(id.value));
}

std::string ApplyCodings::label() const {
    if (path_.empty()) return targets_.size() == 1 ? "Code passage" : "Code " + std::to_string(targets_.size()) + " passages";
    if (targets_.size() == 1) return "Code passage as " + path_;
    return "Code " + std::to_string(targets_.size()) + " passages as " + path_;
}

ChangeSet ApplyCodings::plan(Repository& repo) const {
    CodeTree tree(repo.codes());
    ChangeSet changes;
    if (code_ && !tree.find(*code_)) throw InputError::argument("no code with id " + std::to_string(code_->value));
    const CodeId code = code_ ? *code_ : ensure_code_path(repo, tree, path_, changes);
    if (code_) path_ = tree.path(code);
    require_codable(tree, code);
    std::map<DocumentId, std::int64_t> lengths;
    std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> existing;
    for (const auto& t : targets_) {
        if (lengths.count(t.document)) continue;
        const auto doc = repo.find_document(t.document);
        if (!doc) throw InputError::argument("no document with id " + std::to_string(t.document.value));
        lengths[t.document] = doc->chars;
        for (const auto& c : repo.codings_of_document(t.document)) {
            // Codings are a set keyed by (document, code, coder, span): another coder's
            // identical coding does not make mine a duplicate (double coding needs both).
            if (c.code == code && c.coder == coder_) existing.insert({c.document.value, c.span.start.value, c.span.end.value});
        }
    }
    for (const auto& t : targets_) {
        const auto len = lengths[t.document];
        if (t.span.start.value < 0 || t.span.end.value > len || t.span.empty()) {
            throw InputError::argument("span " + std::to_string(t.span.start.value) + "-" +
                                                 std::to_string(t.span.end.value) + " is not inside the document (0-" +
                                                 std::to_string(len) + ") or is empty");
        }
        if (!existing.insert({t.document.value, t.span.start.value, t.span.end.value}).second) continue;
        Coding c;
        c.id = CodingId(repo.reserve_id(RowKind::coding));
        c.document = t.document;
        c.span = t.span;
        c.code = code;
        c.coder = coder_;
        changes.insert(c);
        if (memo_) {
            Memo m;
            m.id = MemoId(repo.reserve_id(RowKind::memo));
            m.target = MemoTarget::coding;
            m.target_id = c.id.value;
            m.text = *memo_;
            m.author = coder_;
            changes.insert(m);
        }
    }
    return changes;
}

std::string RemoveCodings::label() const {
    return ids_.size() == 1 ? "Remove coding" : "Remove " + std::to_string(ids_.size()) + " codings";
}

ChangeSet RemoveCodings::plan(Repository& repo) const {
    ChangeSet changes;
    const auto memos = repo.memos();
    for (CodingId id : ids_) {
        const Coding c = require_coding(repo, id);
        for (const auto& m : memos) {
            if (m.target == MemoTarget::coding && m.target_id == id.value) changes.erase(m);
        }
        changes.erase(c);
    }
    return changes;
}

namespace {

// One coding changed by `edit`; empty when the edit changes nothing, so it leaves no undo step.
template <class Edit>
ChangeSet edit_coding(Repository& repo, CodingId id, Edit edit) {
    const Coding before = require_coding(repo, id);
    Coding after = before;
    edit(after);
    ChangeSet changes;
    if (!(after == before)) changes.update(before, after);
    return changes;
}

}  // namespace

ChangeSet TagCoding::plan(Repository& repo) const {
    return edit_coding(repo, id_, [&](Coding& c) { c.tag_override = tags_; });
}

ChangeSet PinCoding::plan(Repository& repo) const {
    return edit_coding(repo, id_, [&](Coding& c) { c.pinned = pinned_; });
}

}  // namespace comb::core
