// SPDX-License-Identifier: GPL-3.0-or-later
#include "pseudonymise.h"

#include "core/error.h"

namespace comb::core {
namespace {

// The row with every original replaced; `changed` says whether anything was.
template <class T>
T replaced(const T& row, const NameMatcher& key, bool& changed) {
    Row r = row;
    for_each_text(r, [&](std::string& s) {
        std::string n = key.replace(s, false);
        if (n != s) { s = std::move(n); changed = true; }
    });
    return std::get<T>(r);
}

template <class T>
void plan_rows(const std::vector<T>& rows, const NameMatcher& key, ChangeSet& changes) {
    for (const auto& row : rows) {
        bool changed = false;
        T after = replaced(row, key, changed);
        if (changed) changes.update(row, std::move(after));
    }
}

}  // namespace

ChangeSet Pseudonymise::plan(Repository& repo) const {
    ChangeSet changes;
    // Names first, then documents: a document may move to a renamed case in the same step.
    plan_rows(repo.cases(), key_, changes);
    plan_rows(repo.attributes(), key_, changes);
    plan_rows(repo.attribute_values(), key_, changes);
    plan_rows(repo.codes(), key_, changes);
    plan_rows(repo.themes(), key_, changes);
    for (const auto& doc : repo.documents()) {
        const auto edits = key_.edits(repo.text(doc.text_id), false);
        bool changed = false;
        Document renamed = replaced(doc, key_, changed);
        if (edits.empty()) {
            if (changed) changes.update(doc, renamed);
            continue;
        }
        const auto first = changes.changes.size();
        plan_text_edits(repo, doc, edits, changes);
        // The document row plan_text_edits planned, with the names replaced too.
        auto& after = std::get<Document>(*changes.changes.at(first).after);
        const std::string hash = after.metadata["hash"];  // of the new text
        after.name = renamed.name;
        after.metadata = renamed.metadata;
        after.metadata["hash"] = hash;
        for (auto& t : after.turns) t.speaker = key_.replace(t.speaker, false);
    }
    plan_rows(repo.memos(), key_, changes);
    if (changes.empty()) throw InputError::argument("no original of the key occurs in the project; nothing changed");
    return changes;
}

void Pseudonymise::after_recorded(Repository& repo, std::int64_t seq) const {
    repo.set_setting(pseudonymisation_mark(seq), keep_ ? "kept" : "scrubbed");
    if (!keep_) scrub_originals(repo, key_);
}

}  // namespace comb::core
