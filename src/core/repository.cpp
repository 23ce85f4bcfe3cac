// SPDX-License-Identifier: GPL-3.0-or-later
#include "repository.h"

#include "error.h"

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

void Repository::scan_texts(const std::function<void(TextId, std::string_view, std::string_view)>&) const {
    throw StoreError("list texts", "this store cannot list its texts");
}

std::vector<std::pair<std::string, std::string>> Repository::settings() const {
    throw StoreError("list settings", "this store cannot list its settings");
}

}  // namespace comb::core
