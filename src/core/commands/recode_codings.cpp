// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/commands/recode_codings.h"

#include <map>

#include "core/code_paths.h"
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
    std::map<CodingId, Coding> codings;
    for (const auto& c : repo.codings()) codings.emplace(c.id, c);
    ChangeSet changes;
    for (const CodingId id : ids_) {
        const auto it = codings.find(id);
        if (it == codings.end()) throw InputError({"<argument>"}, "no coding with id " + std::to_string(id.value));
        if (it->second.code == code) continue;
        Coding after = it->second;
        after.code = code;
        changes.update(it->second, after);
    }
    return changes;
}

}  // namespace comb::core
