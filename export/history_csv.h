// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The audit trail: the project's whole history (who, when, what) as CSV, so a paper's methods
// section or an ethics board can cite it (COREQ; docs/privacy.md).
#include <filesystem>
#include <string>
#include <vector>

#include "core/repository.h"

namespace comb::exporters {

// One history entry as the audit trail shows it.
struct AuditRow {
    std::int64_t seq = 0;
    std::string time;    // ISO 8601 UTC
    std::string who;     // the coder; empty for entries older than schema 3
    std::string action;  // the command's label ("Undo: ..." for an undo)
    std::string kind;    // "command", "undo" or "redo"
    std::string rows;    // what changed: "insert coding 12,13; update document 3"
};

// "insert coding 12,13; update document 3; delete memo 4", in first-seen order.
std::string describe_changes(const core::ChangeSet& changes);
AuditRow audit_row(const core::HistoryEntry& entry);

// RFC 4180, UTF-8, header "seq,time,who,action,kind,rows", CRLF records, written atomically.
// Throws core::InputError naming `path` when it cannot be written.
void write_history_csv(const std::vector<AuditRow>& rows, const std::filesystem::path& path);
std::string history_csv(const std::vector<AuditRow>& rows);

}  // namespace comb::exporters
