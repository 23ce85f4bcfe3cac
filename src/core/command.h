// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One class per user action. A command computes the ChangeSet of its action against the
// current project; Project applies it in one transaction and records it for undo.
#include <string>
#include <vector>

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

    // Whether Project::execute may stamp the acting coder and the time on the new codings,
    // memos and documents this command leaves without. False for imports of other people's
    // work (a REFI-QDA file without creatingUser must not become the importer's coding).
    virtual bool stamps_new_rows() const { return true; }

    // The version of a row the user saw when asking for this edit (the GUI passes them;
    // the command line reads rows inside the transaction and passes none). Project::execute
    // refuses the command with ConflictError, naming who changed the row and when, if the
    // row's version has moved on or the row is gone. `key` is any row with the key (kind and
    // id; case and attribute for a value); version 0 says the user saw no such row (an empty
    // attribute, a coding without a memo): then a row someone has since added refuses it too.
    struct Seen {
        Row key;
        std::int64_t version;
    };
    void expect(RowKind kind, std::int64_t id, std::int64_t version) { seen_.push_back({key_row(kind, id), version}); }
    void expect(const Row& row) { seen_.push_back({row, version_of(row)}); }
    template <class R>
    void expect(const R& row) { expect(Row(row)); }
    // The user saw no row with this key.
    void expect_absent(const Row& key) { seen_.push_back({key, 0}); }
    const std::vector<Seen>& seen() const { return seen_; }

    // Runs in the same transaction after the change set is applied and recorded as history
    // entry `seq` (pseudonymisation scrubs the originals from the history here).
    virtual void after_recorded(Repository& /*repo*/, std::int64_t /*seq*/) const {}

private:
    std::vector<Seen> seen_;
};

}  // namespace comb::core
