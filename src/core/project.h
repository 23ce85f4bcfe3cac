#pragma once
// A Project runs commands against a Repository: each command is one transaction, recorded
// in the history kept in the file, so undo and redo work across reopening. Observers hear
// of every applied change set (after commit).
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "command.h"
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
    explicit Project(Repository& repo, std::function<std::string()> clock = {});

    Repository& repo() { return repo_; }
    const Repository& repo() const { return repo_; }

    // Plans, applies and records the command in one transaction. Throws InputError (nothing
    // changed) when the command is not possible; StoreError when the file fails (rolled back).
    ChangeSet execute(const Command& command);

    std::optional<std::string> undo_label() const;
    std::optional<std::string> redo_label() const;
    // Throw InputError when there is nothing to undo/redo.
    ChangeSet undo();
    ChangeSet redo();

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
    void apply(const ChangeSet& changes);
    // Inside the transaction of an own action, after its history write and counter bump.
    void note_own_action(std::int64_t seq_before);

    Repository& repo_;
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

}  // namespace comb::core
