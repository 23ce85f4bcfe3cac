// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/history_csv.h"

#include <map>

#include "export/atomic_file.h"
#include "export/text_format.h"

namespace comb::exporters {
namespace {

const char* kind_name(core::RowKind k) {
    switch (k) {
        case core::RowKind::document: return "document";
        case core::RowKind::case_: return "case";
        case core::RowKind::attribute: return "attribute";
        case core::RowKind::attribute_value: return "attribute value";
        case core::RowKind::code: return "code";
        case core::RowKind::coding: return "coding";
        case core::RowKind::memo: return "memo";
        case core::RowKind::theme: return "theme";
    }
    return "row";
}

std::string key_of(const core::Row& row) {
    return std::visit([](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, core::AttributeValue>) {
            return std::to_string(r.case_id.value) + "/" + std::to_string(r.attribute_id.value);
        } else {
            return std::to_string(r.id.value);
        }
    }, row);
}

}  // namespace

std::string describe_changes(const core::ChangeSet& changes) {
    std::vector<std::string> order;
    std::map<std::string, std::string> ids;
    for (const auto& c : changes.changes) {
        const auto& row = c.after ? *c.after : *c.before;
        const std::string op = !c.before ? "insert" : !c.after ? "delete" : "update";
        const std::string group = op + " " + kind_name(core::kind_of(row));
        if (!ids.count(group)) order.push_back(group);
        auto& list = ids[group];
        list += (list.empty() ? "" : ",") + key_of(row);
    }
    std::string out;
    for (const auto& g : order) out += (out.empty() ? "" : "; ") + g + " " + ids[g];
    return out;
}

AuditRow audit_row(const core::HistoryEntry& entry) {
    return {entry.seq, entry.time, entry.who, entry.label, std::string(core::to_string(entry.kind)),
            describe_changes(entry.changes)};
}

std::string history_csv(const std::vector<AuditRow>& rows) {
    std::string out;
    text::append_csv_record(out, {"seq", "time", "who", "action", "kind", "rows"});
    for (const auto& r : rows) text::append_csv_record(out, {std::to_string(r.seq), r.time, r.who, r.action, r.kind, r.rows});
    return out;
}

void write_history_csv(const std::vector<AuditRow>& rows, const std::filesystem::path& path) {
    AtomicFile file(path);
    file.write(history_csv(rows));
    file.commit();
}

}  // namespace comb::exporters
