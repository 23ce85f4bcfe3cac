// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve_disagreement.h"

#include "core/code_paths.h"
#include "core/error.h"

namespace comb::core {

std::string_view to_string(Resolution r) {
    switch (r) {
        case Resolution::keep: return "keep";
        case Resolution::drop: return "drop";
        case Resolution::agree: return "agree";
    }
    return "agree";
}

std::optional<Resolution> parse_resolution(std::string_view s) {
    for (auto r : {Resolution::keep, Resolution::drop, Resolution::agree}) if (to_string(r) == s) return r;
    return std::nullopt;
}

std::string ResolveDisagreement::label() const {
    return "Resolve disagreement (" + std::string(to_string(r_)) + ")";
}

namespace {

void drop_span(Repository& repo, const Disputed& d, ChangeSet& changes) {
    const auto memos = repo.memos();
    for (const auto& c : repo.codings_of_document(d.document)) {
        if (c.code != d.code || c.coder != d.lone_coder || !c.span.overlaps(d.span)) continue;
        std::vector<Span> rest;
        if (c.span.start < d.span.start) rest.push_back({c.span.start, d.span.start});
        if (d.span.end < c.span.end) rest.push_back({d.span.end, c.span.end});
        std::optional<CodingId> kept;
        for (const auto& s : rest) {
            Coding part = c;
            part.id = CodingId(repo.reserve_id(RowKind::coding));
            part.span = s;
            changes.insert(part);
            if (!kept) kept = part.id;
        }
        for (const auto& m : memos) {
            if (m.target != MemoTarget::coding || m.target_id != c.id.value) continue;
            if (kept) {
                Memo moved = m;
                moved.target_id = kept->value;
                changes.update(m, moved);
            } else {
                changes.erase(m);
            }
        }
        changes.erase(c);
    }
}

}  // namespace

ChangeSet ResolveDisagreement::plan(Repository& repo) const {
    const auto doc = repo.find_document(d_.document);
    if (!doc) throw InputError::argument("no document with id " + std::to_string(d_.document.value));
    const CodeTree tree(repo.codes());
    const std::string path = tree.path(tree.code(d_.code).id);
    if (d_.span.empty() || d_.span.start.value < 0 || d_.span.end.value > doc->chars) {
        throw InputError::argument("span " + std::to_string(d_.span.start.value) + "-" +
                                             std::to_string(d_.span.end.value) + " is not inside " + doc->name);
    }
    ChangeSet changes;
    if (r_ == Resolution::keep) {
        bool present = false;
        for (const auto& c : repo.codings_of_document(d_.document)) {
            present = present || (c.code == d_.code && c.coder == d_.other_coder && c.span == d_.span);
        }
        if (!present) {
            Coding c;
            c.id = CodingId(repo.reserve_id(RowKind::coding));
            c.document = d_.document;
            c.span = d_.span;
            c.code = d_.code;
            c.coder = d_.other_coder;
            c.created = time_;
            changes.insert(c);
        }
    } else if (r_ == Resolution::drop) {
        drop_span(repo, d_, changes);
    }
    Memo m;
    m.id = MemoId(repo.reserve_id(RowKind::memo));
    m.target = MemoTarget::document;
    m.target_id = d_.document.value;
    m.title = "Disagreement resolved";
    m.text = path + " " + std::to_string(d_.span.start.value) + "-" + std::to_string(d_.span.end.value) + ", coded by " +
             d_.lone_coder + " and not " + d_.other_coder + ": " + std::string(to_string(r_)) + " (decided by " + by_ + ")";
    m.author = by_;
    m.created = time_;
    changes.insert(m);
    return changes;
}

}  // namespace comb::core
