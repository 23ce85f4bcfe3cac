// SPDX-License-Identifier: GPL-3.0-or-later
#include "change_set.h"

#include <algorithm>

namespace comb::core {

RowKind kind_of(const Row& row) {
    return static_cast<RowKind>(row.index());
}

ChangeSet ChangeSet::inverse() const {
    ChangeSet out;
    out.changes.reserve(changes.size());
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) out.changes.push_back({it->after, it->before});
    return out;
}

std::set<DocumentId> ChangeSet::documents_with_changed_codings() const {
    std::set<DocumentId> out;
    for (const auto& c : changes) {
        for (const auto* row : {c.before ? &*c.before : nullptr, c.after ? &*c.after : nullptr}) {
            if (!row) continue;
            if (const auto* coding = std::get_if<Coding>(row)) out.insert(coding->document);
        }
    }
    return out;
}

bool ChangeSet::touches(RowKind kind) const {
    return std::any_of(changes.begin(), changes.end(), [&](const Change& c) {
        return (c.before && kind_of(*c.before) == kind) || (c.after && kind_of(*c.after) == kind);
    });
}

}  // namespace comb::core
