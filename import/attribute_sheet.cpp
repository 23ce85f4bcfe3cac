// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/attribute_sheet.h"

#include <map>
#include <set>

#include "core/error.h"

namespace comb::importers {

// Sheet rows to one SetCaseAttributes command; types inferred per column for new attributes,
// values checked against the types of existing ones.
core::SetCaseAttributes attributes_from_sheet(const Sheet& sheet, const std::vector<core::Attribute>& existing,
                                              const std::string& path) {
    if (sheet.header.size() < 2) throw core::InputError({path, 1}, "the sheet needs a case column and at least one attribute column");
    std::set<std::string> seen;
    for (std::size_t c = 1; c < sheet.header.size(); ++c) {
        const auto& name = sheet.header[c];
        if (name.empty()) throw core::InputError({path, 1, static_cast<std::int64_t>(c + 1)}, "empty column name");
        if (!seen.insert(name).second) throw core::InputError({path, 1, static_cast<std::int64_t>(c + 1)}, "column \"" + name + "\" appears twice");
    }
    std::map<std::string, core::AttributeType> types;
    for (const auto& a : existing) types[a.name] = a.type;
    std::map<std::string, core::AttributeType> new_types;
    for (std::size_t c = 1; c < sheet.header.size(); ++c) {
        if (types.count(sheet.header[c])) continue;
        std::vector<std::string> column;
        for (const auto& r : sheet.rows) if (c < r.cells.size()) column.push_back(r.cells[c]);
        new_types[sheet.header[c]] = core::infer_attribute_type(column);
    }
    std::vector<core::CaseAttributeRow> rows;
    for (const auto& r : sheet.rows) {
        if (r.cells.empty() || r.cells[0].empty()) throw core::InputError({path, r.line, 1}, "empty case name");
        core::CaseAttributeRow row{r.cells[0], {}};
        for (std::size_t c = 1; c < sheet.header.size(); ++c) {
            const std::string value = c < r.cells.size() ? r.cells[c] : "";
            const auto t = types.count(sheet.header[c]) ? types[sheet.header[c]] : new_types[sheet.header[c]];
            if (t == core::AttributeType::number && !value.empty() &&
                core::infer_attribute_type({value}) != core::AttributeType::number) {
                throw core::InputError({path, r.line, static_cast<std::int64_t>(c + 1)},
                                       "\"" + value + "\" is not a number (column \"" + sheet.header[c] + "\")");
            }
            row.values.emplace_back(sheet.header[c], value);
        }
        rows.push_back(std::move(row));
    }
    return core::SetCaseAttributes(std::move(rows), std::move(new_types));
}

}  // namespace comb::importers
