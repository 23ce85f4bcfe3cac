// SPDX-License-Identifier: GPL-3.0-or-later
// Per-person undo and redo over the append-only history.
#include <algorithm>

#include "error.h"
#include "project.h"

namespace comb::core {

std::string_view to_string(HistoryEntry::Kind kind) {
    switch (kind) {
        case HistoryEntry::Kind::undo: return "undo";
        case HistoryEntry::Kind::redo: return "redo";
        case HistoryEntry::Kind::command: break;
    }
    return "command";
}

namespace {

// One coder's undo and redo stacks, replayed from their history entries: a command is
// pushed on `done` (and empties `undone`), an undo moves its target to `undone`, a redo back.
struct Stacks {
    std::vector<HistoryEntry> done, undone;
};

void move_entry(std::vector<HistoryEntry>& from, std::vector<HistoryEntry>& to, std::optional<std::int64_t> seq) {
    const auto it = std::find_if(from.rbegin(), from.rend(), [&](const HistoryEntry& e) { return seq && e.seq == *seq; });
    if (it == from.rend()) return;
    to.push_back(*it);
    from.erase(std::next(it).base());
}

Stacks stacks_of(const Repository& repo, const std::string& coder) {
    Stacks s;
    for (auto& e : repo.history(coder, false)) {
        if (e.kind == HistoryEntry::Kind::undo) {
            move_entry(s.done, s.undone, e.target);
        } else if (e.kind == HistoryEntry::Kind::redo) {
            move_entry(s.undone, s.done, e.target);
        } else if (!e.applied) {
            // Undone under schema 1-2, where undone entries were always the newest: the
            // oldest of them is the next to redo.
            s.undone.insert(s.undone.begin(), e);
        } else {
            s.done.push_back(e);
            s.undone.clear();
        }
    }
    return s;
}

void write_step(Repository& repo, const std::optional<Row>& current, const std::optional<Row>& wanted, ChangeSet& out);

// Takes every row `entry` touched from the state it left (undo) or found (redo) to the other
// one, checking first that nobody has changed the row since; returns what it wrote.
ChangeSet transition(Repository& repo, const HistoryEntry& entry, bool undo) {
    ChangeSet out;
    const auto& all = entry.changes.changes;
    for (std::size_t k = 0; k < all.size(); ++k) {
        const Change& c = undo ? all[all.size() - 1 - k] : all[k];
        const auto& expected = undo ? c.after : c.before;
        const auto& wanted = undo ? c.before : c.after;
        const Row& key = expected ? *expected : *wanted;
        const auto current = repo.find_row(key);
        const bool as_left = expected ? current && same_content(*current, *expected) : !current;
        if (!as_left) {
            throw ConflictError(std::string("cannot ") + (undo ? "undo" : "redo") + " \"" + entry.label + "\": " +
                                who_changed(repo, current ? *current : key, entry.seq));
        }
        try {
            write_step(repo, current, wanted, out);
        } catch (const ConflictError& e) {
            throw ConflictError(std::string("cannot ") + (undo ? "undo" : "redo") + " \"" + entry.label + "\": " + e.reason());
        }
    }
    return out;
}

// Writes one row's step from `current` (as stored, absent if none) to `wanted` (absent:
// delete), numbering the version above any the row had, and records it in `out`.
void write_step(Repository& repo, const std::optional<Row>& current, const std::optional<Row>& wanted, ChangeSet& out) {
    if (wanted) {
        Row row = *wanted;
        set_version(row, (current ? version_of(*current) : version_of(row)) + 1);
        if (current) {
            repo.update(*current, row);
            out.update(*current, row);
        } else {
            repo.insert(row);
            out.insert(row);
        }
    } else if (current) {
        repo.erase(*current);
        out.erase(*current);
    }
}

// A step whose rows hold pseudonymised names (masks) is undone or redone only with the key,
// which gives the originals back first (docs/privacy.md).
void unmask_step(Repository& repo, HistoryEntry& entry, const NameMatcher* key, bool undo, bool rescrub) {
    const bool masked = needs_key(entry.changes, repo);
    if (!masked && !rescrub) return;
    if (!key) {
        throw InputError({}, std::string("this step holds pseudonymised names: ") + (undo ? "undo" : "redo") +
                                 " needs the pseudonymisation key (--key KEY.csv)");
    }
    if (masked) unmask_changes(repo, entry.changes, *key);
}

}  // namespace

std::optional<std::string> Project::undo_label() const {
    const auto s = stacks_of(repo_, coder_);
    return s.done.empty() ? std::nullopt : std::optional(s.done.back().label);
}

std::optional<std::string> Project::redo_label() const {
    const auto s = stacks_of(repo_, coder_);
    return s.undone.empty() ? std::nullopt : std::optional(s.undone.back().label);
}

ChangeSet Project::step(bool undo, const NameMatcher* key) {
    auto tx = repo_.begin(undo ? "undo" : "redo");
    const auto stacks = stacks_of(repo_, coder_);  // inside the transaction: no one moves it
    const auto& from = undo ? stacks.done : stacks.undone;
    if (from.empty()) throw InputError({}, undo ? "nothing to undo" : "nothing to redo");
    auto target = repo_.history_entry(from.back().seq);
    if (!target) throw StoreError("read history", "no entry " + std::to_string(from.back().seq));
    // A redone pseudonymisation scrubs the originals again, so it needs the key too.
    const bool rescrub = !undo && repo_.setting(pseudonymisation_mark(target->seq)) == "scrubbed";
    unmask_step(repo_, *target, key, undo, rescrub);
    const ChangeSet out = transition(repo_, *target, undo);
    HistoryEntry entry;
    entry.label = (undo ? "Undo: " : "Redo: ") + target->label;
    entry.time = clock_();
    entry.changes = out;
    entry.who = coder_;
    entry.kind = undo ? HistoryEntry::Kind::undo : HistoryEntry::Kind::redo;
    entry.target = target->seq;
    const auto seq_before = repo_.last_history_seq();
    const auto seq = repo_.append_history(entry);
    if (rescrub) scrub_originals(repo_, *key);
    repo_.bump_change_counter();
    note_own_action(seq_before, seq);
    tx->commit();
    changed_.publish({out, undo ? ProjectChanged::Cause::undo : ProjectChanged::Cause::redo, {}, {}});
    return out;
}

bool Project::step_needs_key(bool undo) const {
    const auto stacks = stacks_of(repo_, coder_);
    const auto& from = undo ? stacks.done : stacks.undone;
    if (from.empty()) return false;
    const auto target = repo_.history_entry(from.back().seq);
    if (!target) return false;
    if (!undo && repo_.setting(pseudonymisation_mark(target->seq)) == "scrubbed") return true;
    return needs_key(target->changes, repo_);
}

ChangeSet Project::undo(const NameMatcher* key) { return step(true, key); }
ChangeSet Project::redo(const NameMatcher* key) { return step(false, key); }

}  // namespace comb::core
