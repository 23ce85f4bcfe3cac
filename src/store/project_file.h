// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ProjectFile: a project in one SQLite file (*.comb), WAL mode, foreign keys on.
// Implements core::Repository (its rows through SqlRepository). Not thread-safe: one ProjectFile per thread.
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "connection.h"
#include "core/repository.h"
#include "sql_repository.h"
#include "presence.h"
#include "project_lock.h"

namespace comb::store {

struct OpenOptions {
    // Never write: listings work, every change is refused (InputError). A project that cannot
    // be written (no permission, a read-only medium) is opened read-only without being asked.
    bool read_only = false;
};

class ProjectFile final : public SqlRepository, public PresenceBoard {
public:
    // Creates a new project file. Throws InputError if the file already exists, or when the
    // path cannot be used (no such folder, not writable, a folder, a device, a full disk);
    // nothing is left behind then.
    static std::unique_ptr<ProjectFile> create(const std::filesystem::path& path);
    // Opens an existing project, migrating an older schema (after a backup, see backup.h).
    // Throws InputError for a missing file, a folder or device, a file that is not a Comb
    // project, a newer schema, and DamagedError for a damaged file.
    static std::unique_ptr<ProjectFile> open(const std::filesystem::path& path, OpenOptions options = {});

    // Why this project is open read-only ("opened read-only", "no write permission", "on a
    // read-only file system"); empty when it can be written.
    const std::string& read_only_reason() const { return read_only_; }
    bool read_only() const { return !read_only_.empty(); }

    // Closes the connection; when this is the only Comb process with the project open, lets
    // SQLite checkpoint and remove the -wal and -shm files as it would by default.
    ~ProjectFile() override;

    const std::filesystem::path& path() const { return path_; }
    // Copies the WAL into the file and empties it, only when no other Comb process has the
    // project open (docs/concurrency.md); for idle moments. Returns whether it ran.
    bool checkpoint_if_alone();

    // Records that this process has the project open as `coder` in `program` ("comb-gui"),
    // until the ProjectFile closes or the process dies (see presence.h). Throws StoreError.
    void announce(const std::string& coder, const std::string& program) override;
    // Everyone who has the project open now (this process included, marked `self`).
    std::vector<Presence> presence() const override { return list_presence(path_); }
    // Runs SQLite's full integrity check; returns "ok" or the problems found.
    std::string integrity_check();
    // PRAGMA quick_check (every page read, no index cross-check): "ok" or the problems, "; "
    // between them. open() runs it only after an unclean shutdown; comb check and the GUI's
    // background check on open run it always.
    std::string quick_check();

    // Rows, history reads, texts by id and settings are SqlRepository's; these are SQLite's
    // own (the count table, one-statement summaries, transactions, id counters, appending).
    std::optional<core::TextId> find_text_by_hash(std::string_view hash) const override;
    std::optional<core::Document> find_document_by_name(std::string_view name) const override;
    std::vector<core::DocumentSummary> document_summaries() const override;
    // From the count table (coding_counts.h): one row per group, not per coding.
    void scan_coding_counts(const std::function<void(const core::CodingCount&)>& visit) const override;

    std::unique_ptr<core::Transaction> begin(std::string_view operation) override;
    core::TextId add_text(std::string_view text, std::string_view hash) override;
    std::int64_t reserve_id(core::RowKind kind) override;

    std::int64_t append_history(const core::HistoryEntry& entry) override;
    void rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                       const std::optional<std::set<core::TextId>>& only = std::nullopt) override;
    void rewrite_history(const std::function<void(core::HistoryEntry&)>& fn) override;

    // After a pseudonymisation (outside a transaction): VACUUM under the write lock, then a
    // truncating WAL checkpoint when this process is alone, so no freed page, no old WAL frame
    // and no page past the end keeps a deleted original (secure_delete is always on). Throws
    // StoreError when another process has the project open (the checkpoint must wait for it).
    void compact_securely();
    // PRAGMA data_version: changes only when another connection committed.
    std::int64_t data_version() const override;

    void bump_change_counter() override;
    void set_setting(std::string_view key, std::string_view value) override;
    void scan_texts(const std::function<void(core::TextId, std::string_view, std::string_view)>& visit) const override;
    std::vector<std::pair<std::string, std::string>> settings() const override;

    Connection& connection() { return db_; }

private:
    ProjectFile(std::filesystem::path path, std::unique_ptr<ProjectLock> lock, Connection db);
    void configure();
    // SqlRepository's statements on SQLite (project_rows.cpp, project_writes.cpp).
    void query(std::string_view sql, const Cells& params, const VisitRow& visit) const override;
    void execute(std::string_view sql, const Cells& params) override;
    void insert_rows(const TableColumns& table, const std::vector<Cells>& rows) override;
    bool is_dangling_reference(const core::StoreError& e) const override;
    bool in_transaction() const override { return in_transaction_; }
    void write_document(const core::Document& d) override;

    static std::unique_ptr<ProjectFile> open_read_only(const std::filesystem::path& path, const std::string& reason);
    void check_project(bool whole);
    void refuse_if_read_only(std::string_view action) const;

    std::filesystem::path path_;
    std::string read_only_;  // why writing is refused; empty when it is not
    std::unique_ptr<ProjectLock> lock_;  // before db_: released after the connection closes
    std::unique_ptr<PresenceRecord> presence_;
    mutable Connection db_;
    bool in_transaction_ = false;
    int wal_frames_ = 0;  // frames in the WAL after our last commit (sqlite3_wal_hook)
    friend class FileTransaction;
};

// A warning when `path` is in a cloud-synced or network folder, where SQLite files are known
// to be damaged by sync clients; empty otherwise.
std::string location_warning(const std::filesystem::path& path);

}  // namespace comb::store
