#pragma once
// One class per user action. A command computes the ChangeSet of its action against the
// current project; Project applies it in one transaction and records it for undo.
#include <string>

#include "change_set.h"
#include "repository.h"

namespace comb::core {

class Command {
public:
    virtual ~Command() = default;
    // For the Undo menu: "Code 3 passages as Time".
    virtual std::string label() const = 0;
    // Throws InputError when the action is not possible (unknown code, bad span, ...);
    // then nothing has changed. May reserve ids from the repository.
    virtual ChangeSet plan(Repository& repo) const = 0;
    // Runs in the same transaction after the change set is applied and recorded as the last
    // history entry (pseudonymisation scrubs the originals from the history here).
    virtual void after_recorded(Repository& /*repo*/) const {}
};

}  // namespace comb::core
