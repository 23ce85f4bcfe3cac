// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/commands/recode_codings.h"

#include "core/code_paths.h"
#include "core/commands/coding_commands.h"
#include "core/error.h"

namespace comb::core {

std::string RecodeCodings::label() const {
    if (ids_.size() == 1) return "Recode passage as " + path_;
    return "Recode " + std::to_string(ids_.size()) + " passages as " + path_;
}

ChangeSet RecodeCodings::plan(Repository& repo) const {
    const CodeTree tree(repo.codes());
    const CodeId code = tree.path_id(path_);
    require_codable(tree, code);
    ChangeSet changes;
    for (const CodingId id : ids_) {
        const Coding before = require_coding(repo, id);  // by key: no scan of every coding
        if (before.code == code) continue;
        Coding after = before;
        after.code = code;
        changes.update(before, after);
    }
    return changes;
}

}  // namespace comb::core
