// SPDX-License-Identifier: GPL-3.0-or-later
#include "repository.h"

namespace comb::core {

std::int64_t Repository::coding_count() const { return static_cast<std::int64_t>(codings().size()); }

void Repository::scan_codings(const std::function<void(const StoredCoding&)>& visit) const {
    for (const auto& c : codings()) {
        const std::string override_text = c.tag_override ? c.tag_override->to_string() : std::string();
        StoredCoding row{c.id, c.document, c.span, c.code, c.coder, std::nullopt, c.pinned};
        if (c.tag_override) row.tag_override = override_text;
        visit(row);
    }
}

}  // namespace comb::core
