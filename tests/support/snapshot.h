// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything a project holds, as one comparable value: "undo equals before" is snapshot equality.
#include "core/repository.h"

namespace comb::test {

struct Snapshot {
    std::vector<core::Document> documents;
    std::vector<core::Case> cases;
    std::vector<core::Attribute> attributes;
    std::vector<core::AttributeValue> values;
    std::vector<core::Code> codes;
    std::vector<core::Coding> codings;
    std::vector<core::Memo> memos;
    std::vector<core::Theme> themes;
    friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// Versions aside: undo restores content, while a row's version only ever grows.
inline Snapshot snapshot(const core::Repository& r) {
    Snapshot s{r.documents(), r.cases(), r.attributes(), r.attribute_values(), r.codes(), r.codings(), r.memos(), r.themes()};
    auto clear = [](auto& rows) { for (auto& row : rows) row.version = 0; };
    clear(s.documents); clear(s.cases); clear(s.attributes); clear(s.values);
    clear(s.codes); clear(s.codings); clear(s.memos); clear(s.themes);
    return s;
}

}  // namespace comb::test
