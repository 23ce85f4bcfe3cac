#pragma once
// A Project runs commands against a Repository: each command is one transaction, recorded
// in the history kept in the file, so undo and redo work across reopening. Observers hear
// of every applied change set (after commit).
#include <functional>
#include <optional>
#include <string>

#include "command.h"
#include "pseudonyms.h"
#include "repository.h"
#include "signal.h"

namespace comb::core {

// What happened, for views and the index.
struct ProjectChanged {
    const ChangeSet& changes;
    enum class Cause { command, undo, redo } cause;
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
    // Throw InputError when there is nothing to undo/redo, and when the step holds
    // pseudonymised originals (core/pseudonyms.h) and no `key` is given.
    ChangeSet undo(const NameMatcher* key = nullptr);
    ChangeSet redo(const NameMatcher* key = nullptr);

    Signal<ProjectChanged>& changed() { return changed_; }
    std::string now() const { return clock_(); }

private:
    void apply(const ChangeSet& changes);

    Repository& repo_;
    std::function<std::string()> clock_;
    Signal<ProjectChanged> changed_;
};

std::string utc_now_iso8601();

}  // namespace comb::core
