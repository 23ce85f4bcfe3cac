// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A whole project from one store into another, empty one (comb copy): a file up to a team's
// server, or a snapshot of the server down to a file. Everything goes, with its ids, versions
// and times: texts, cases, attributes and values, documents with their turns, codes,
// codings, memos, themes with their codes, the history (who, when, kind, target, change
// sets) and the settings (id counters, the change counter, language, ...). One transaction
// on the target: a copy that fails leaves nothing there.
#include <cstdint>

#include "core/repository.h"

namespace comb::store {

struct CopyCounts {
    std::int64_t texts = 0, documents = 0, codes = 0, codings = 0, memos = 0, themes = 0, cases = 0, history = 0;
};

// Throws InputError when `to` holds a project already (not empty), StoreError when a store
// fails; `to` is unchanged then.
CopyCounts copy_project(const core::Repository& from, core::Repository& to);

}  // namespace comb::store
