// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Search hits as the coder view shows them. The index knows which codes, themes and tags a
// passage carries, not whose codings gave them, so a search filtered by code, theme, COM-B,
// level or valence would find passages through codings the coder view hides (in blind mode,
// a colleague's). This drops those hits: a hit stays when the codings shown (coder view)
// that overlap it still carry a term of every coding filter, as the index's own query asks.
// Word-only and case/attribute/speaker-only searches do not depend on codings: kept as found.
#include <functional>
#include <string>
#include <vector>

#include "core/repository.h"
#include "index/passage_index.h"

namespace comb::gui {

// True when `filters` has a filter that depends on codings (codes, themes, COM-B, level, valence).
bool filters_on_codings(const index::Filters& filters);

std::vector<index::Hit> hits_shown(std::vector<index::Hit> hits, const index::Filters& filters, const core::Repository& repo,
                                   const std::function<bool(const std::string& coder)>& shows);

}  // namespace comb::gui
