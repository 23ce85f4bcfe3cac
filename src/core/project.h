// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A Project runs commands against a Repository on behalf of one coder: each command is one
// transaction that plans (reads) and writes inside it, and is recorded in the history kept
// in the file, stamped with the coder and the UTC time. This is the one place that stamps
// who and when, for every front end. Undo and redo are per person: they act on this coder's
// own last action and are refused when someone else has since changed the same rows.
// Observers hear of every applied change set (after commit).
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "command.h"
#include "pseudonyms.h"
#include "repository.h"
#include "signal.h"

namespace comb::core {

// What happened, for views and the index. `external`: another process (or window) made
// the change; `who` and `label` come from its history entry. `reload`: other writers changed
// the project in a way the history does not explain row by row (or too much at once), so
// `changes` is empty and every view reads everything again; touches() says so.
struct ProjectChanged {
    const ChangeSet& changes;
    enum class Cause { command, undo, redo, external, reload } cause;
    std::string who = {};
    std::string label = {};

    bool touches(RowKind kind) const { return cause == Cause::reload || changes.touches(kind); }
    bool touches_codings_of(DocumentId doc) const {
        return cause == Cause::reload || changes.documents_with_changed_codings().count(doc) > 0;
    }
};

class Project {
public:
    // `clock` returns the current time as ISO 8601 UTC; injectable for reproducible tests.
    // The coder is resolve_coder() (COMB_CODER, else the login name).
    explicit Project(Repository& repo, std::function<std::string()> clock = {});
    Project(Repository& repo, std::string coder, std::function<std::string()> clock = {});

    Repository& repo() { return repo_; }
    const Repository& repo() const { return repo_; }

    // Who this project acts for; stamped on new codings and memos and on history entries.
    const std::string& coder() const { return coder_; }
    void set_coder(std::string coder) { coder_ = std::move(coder); }

    // Plans, applies and records the command in one transaction. New codings and memos get
    // the coder and the time when the command left them empty; every new row gets version 1
    // and every updated row one more. Throws InputError (nothing changed) when the command is
    // not possible, ConflictError when a row the user saw (Command::expect) or a row being
    // inserted was changed or taken by someone else; StoreError when the file fails.
    ChangeSet execute(const Command& command);

    // This coder's own last action / last undone action (unattributed pre-schema-3 entries
    // count as everyone's).
    std::optional<std::string> undo_label() const;
    std::optional<std::string> redo_label() const;
    // Throw InputError when there is nothing to undo/redo, or when the step holds
    // pseudonymised names (core/pseudonyms.h) and no `key` is given; ConflictError naming who
    // changed what when another action has since changed the rows involved. Each adds a
    // history entry.
    ChangeSet undo(const NameMatcher* key = nullptr);
    ChangeSet redo(const NameMatcher* key = nullptr);
    // Whether this coder's next undo (redo) needs the pseudonymisation key.
    bool step_needs_key(bool undo) const;

    // Catching up with other writers: when another connection committed since the last
    // call, publishes each history entry it appended (Cause::external), or one
    // Cause::reload when the history does not account for the change or more than
    // kMaxCatchUp entries arrived. Returns the number of events published (0: nothing new;
    // a write that changed no project row, e.g. presence, publishes nothing). Throws
    // StoreError when the file cannot be read.
    std::size_t catch_up();
    static constexpr std::size_t kMaxCatchUp = 50;

    Signal<ProjectChanged>& changed() { return changed_; }
    std::string now() const { return clock_(); }

private:
    ChangeSet step(bool undo, const NameMatcher* key);
    void check_seen(const Command& command) const;
    // Inside the transaction of an own action, after its history entry and counter bump.
    void note_own_action(std::int64_t seq_before, std::int64_t seq);

    Repository& repo_;
    std::string coder_;
    std::function<std::string()> clock_;
    Signal<ProjectChanged> changed_;
    // What catch_up() has seen: the data version, the change counter (own actions count
    // themselves), the newest history entry, and own entries appended after others' unseen ones.
    std::int64_t seen_version_ = 0;
    std::int64_t seen_counter_ = 0;
    std::int64_t seen_seq_ = 0;
    std::set<std::int64_t> own_seqs_;
};

std::string utc_now_iso8601();

// The apply step shared by commands, undo and redo: writes `changes` in order, numbering
// versions (new rows 1, updated rows one more than stored). Throws ConflictError.
void apply_changes(Repository& repo, ChangeSet& changes);
// "WHO changed WHAT at WHEN (LABEL)" for the latest entry after `after_seq` touching `row`.
std::string who_changed(const Repository& repo, const Row& row, std::int64_t after_seq);

}  // namespace comb::core
