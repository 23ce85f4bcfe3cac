// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Strong types for identifiers and text positions, so an offset is never a bare int.
#include <compare>
#include <cstdint>
#include <functional>

namespace comb::core {

template <class Tag>
struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    friend constexpr auto operator<=>(const Id&, const Id&) = default;
};

using DocumentId = Id<struct DocumentTag>;
using CaseId = Id<struct CaseTag>;
using AttributeId = Id<struct AttributeTag>;
using CodeId = Id<struct CodeTag>;
using CodingId = Id<struct CodingTag>;
using MemoId = Id<struct MemoTag>;
using ThemeId = Id<struct ThemeTag>;
using TextId = Id<struct TextTag>;

// A position in a document's text, counted in Unicode code points from 0.
struct CodePoint {
    std::int64_t value = 0;
    constexpr CodePoint() = default;
    constexpr explicit CodePoint(std::int64_t v) : value(v) {}
    friend constexpr auto operator<=>(const CodePoint&, const CodePoint&) = default;
};

// A range of code points; end is exclusive.
struct Span {
    CodePoint start;
    CodePoint end;
    constexpr std::int64_t length() const { return end.value - start.value; }
    constexpr bool empty() const { return end.value <= start.value; }
    constexpr bool overlaps(const Span& o) const {
        return start.value < o.end.value && o.start.value < end.value;
    }
    constexpr bool contains(const Span& o) const {
        return start.value <= o.start.value && o.end.value <= end.value;
    }
    friend constexpr auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace comb::core

template <class Tag>
struct std::hash<comb::core::Id<Tag>> {
    std::size_t operator()(const comb::core::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>()(id.value);
    }
};
