// SPDX-License-Identifier: GPL-3.0-or-later
#include "memo_commands.h"

#include "core/error.h"

namespace comb::core {
namespace {

Memo find_memo(Repository& repo, MemoId id) {
    for (const auto& m : repo.memos()) if (m.id == id) return m;
    throw InputError::argument("no memo with id " + std::to_string(id.value));
}

}  // namespace

ChangeSet AddMemo::plan(Repository& repo) const {
    Memo m = memo_;
    m.id = MemoId(repo.reserve_id(RowKind::memo));
    ChangeSet changes;
    changes.insert(m);
    return changes;
}

ChangeSet EditMemo::plan(Repository& repo) const {
    const Memo before = find_memo(repo, id_);
    Memo after = before;
    if (title_) after.title = *title_;
    if (text_) after.text = *text_;
    ChangeSet changes;
    if (!(after == before)) changes.update(before, after);
    return changes;
}

ChangeSet DeleteMemo::plan(Repository& repo) const {
    ChangeSet changes;
    changes.erase(find_memo(repo, id_));
    return changes;
}

}  // namespace comb::core
