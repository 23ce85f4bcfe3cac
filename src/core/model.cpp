// SPDX-License-Identifier: GPL-3.0-or-later
#include "model.h"

#include <algorithm>

namespace comb::core {

std::vector<std::int64_t> cut_points(const std::vector<const Coding*>& codings) {
    std::vector<std::int64_t> points;
    points.reserve(codings.size() * 2);
    for (const auto* c : codings) {
        points.push_back(c->span.start.value);
        points.push_back(c->span.end.value);
    }
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

bool inside_interviewer_turn(const std::vector<Turn>& turns, Span span) {
    auto it = std::upper_bound(turns.begin(), turns.end(), span.start.value,
                               [](std::int64_t s, const Turn& t) { return s < t.span.start.value; });
    if (it == turns.begin()) return false;
    --it;
    return it->is_interviewer && it->span.start <= span.start && span.end <= it->span.end;
}

std::string_view to_string(AttributeType t) {
    switch (t) {
        case AttributeType::text: return "text";
        case AttributeType::number: return "number";
        case AttributeType::date: return "date";
        case AttributeType::choice: return "choice";
    }
    return "text";
}

std::optional<AttributeType> parse_attribute_type(std::string_view s) {
    for (auto t : {AttributeType::text, AttributeType::number, AttributeType::date, AttributeType::choice}) {
        if (to_string(t) == s) return t;
    }
    return std::nullopt;
}

std::string_view to_string(MemoTarget t) {
    switch (t) {
        case MemoTarget::project: return "project";
        case MemoTarget::document: return "document";
        case MemoTarget::code: return "code";
        case MemoTarget::coding: return "coding";
        case MemoTarget::case_: return "case";
        case MemoTarget::theme: return "theme";
    }
    return "project";
}

std::optional<MemoTarget> parse_memo_target(std::string_view s) {
    for (auto t : {MemoTarget::project, MemoTarget::document, MemoTarget::code, MemoTarget::coding,
                   MemoTarget::case_, MemoTarget::theme}) {
        if (to_string(t) == s) return t;
    }
    return std::nullopt;
}

}  // namespace comb::core
