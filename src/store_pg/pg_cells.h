// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A row description's cells (store/row_columns.h) as libpq text parameters.
#include <vector>

#include "pg_connection.h"
#include "store/row_columns.h"

namespace comb::store {

inline PgParam to_param(const Cell& cell) {
    return std::visit([](const auto& v) -> PgParam {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) return PgParam(std::nullopt);
        else return PgParam(v);
    }, cell);
}

inline std::vector<PgParam> to_params(const Cells& cells) {
    std::vector<PgParam> out;
    out.reserve(cells.size());
    for (const auto& c : cells) out.push_back(to_param(c));
    return out;
}

}  // namespace comb::store
