// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_file.h"

#include <sqlite3.h>
#include <unistd.h>

#include "core/error.h"
#include "core/project.h"
#include "core/sha256.h"
#include "row_codec.h"
#include "schema.h"
#include "store/backup.h"
#include "store/damage.h"
#include "store/project_paths.h"

namespace comb::store {
namespace fs = std::filesystem;
using core::InputError;

// SQLite's default wal_autocheckpoint threshold, in pages.
constexpr int kAutoCheckpointFrames = 1000;

class FileTransaction final : public core::Transaction {
public:
    FileTransaction(ProjectFile& file, std::string_view operation) : file_(file), operation_(operation) {
        if (file_.in_transaction_) throw core::StoreError(operation_, "a transaction is already open");
        // Our own cross-process write lock first: SQLite's may have been lost (ProjectLock).
        file_.lock_->lock_writes();
        // IMMEDIATE takes the write lock now, so a concurrent writer waits instead of failing later.
        try {
            file_.db_.exec("BEGIN IMMEDIATE");
        } catch (...) {
            file_.lock_->unlock_writes();
            throw;
        }
        file_.in_transaction_ = true;
    }
    ~FileTransaction() override {
        if (!done_) {
            sqlite3_exec(file_.db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            file_.lock_->unlock_writes();
            file_.in_transaction_ = false;
            }
    }
    void commit() override {
        file_.db_.exec("COMMIT");
        file_.lock_->unlock_writes();
        done_ = true;
        file_.in_transaction_ = false;
        try {
            if (file_.wal_frames_ >= kAutoCheckpointFrames && file_.checkpoint_if_alone()) file_.wal_frames_ = 0;
        } catch (const std::exception&) {
            // Committed already; the checkpoint is only housekeeping and is tried again later.
        }
    }

private:
    ProjectFile& file_;
    std::string operation_;
    bool done_ = false;
};

ProjectFile::ProjectFile(fs::path path, std::unique_ptr<ProjectLock> lock, Connection db)
    : path_(std::move(path)), lock_(std::move(lock)), db_(std::move(db)) {
    if (!ProjectLock::legacy()) {
        db_.keep_wal_on_close(true);
        db_.disable_auto_checkpoint();
        // SQLite's automatic checkpoint, but only when this process is alone (after commit).
        sqlite3_wal_hook(db_.handle(), [](void* self, sqlite3*, const char*, int frames) {
            static_cast<ProjectFile*>(self)->wal_frames_ = frames;
            return SQLITE_OK;
        }, this);
    }
}

ProjectFile::~ProjectFile() {
    if (read_only()) return;  // a read-only connection never checkpoints; it just closes
    try {
        lock_->run_alone([this] {
            db_.keep_wal_on_close(false);  // alone: SQLite may checkpoint and delete the WAL
            db_.close();
        });
    } catch (const std::exception&) {
        // The connection closes below without a checkpoint; the next lone open does it.
    }
}

void ProjectFile::announce(const std::string& coder, const std::string& program) {
    if (read_only()) return;  // presence records are files beside the project, which cannot be written
    presence_ = std::make_unique<PresenceRecord>(path_, coder, program, core::utc_now_iso8601());
}

bool ProjectFile::checkpoint_if_alone() {
    if (in_transaction_ || read_only()) return false;
    return lock_->run_alone([this] { db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"); });
}

// Runs `f` (a schema write) under the cross-process write lock.
template <class F>
void with_write_lock(ProjectLock& lock, F&& f) {
    lock.lock_writes();
    try {
        f();
    } catch (...) {
        lock.unlock_writes();
        throw;
    }
    lock.unlock_writes();
}

void ProjectFile::configure() {
    db_.exec("PRAGMA foreign_keys = ON");
    with_write_lock(*lock_, [&] { db_.exec("PRAGMA journal_mode = WAL"); });
    // FULL: a committed action survives power loss, not only a crash of Comb.
    db_.exec("PRAGMA synchronous = FULL");
    // Deleted and overwritten content is zeroed, not left in free pages: pseudonymisation
    // must leave no original in the file (docs/privacy.md).
    db_.exec("PRAGMA secure_delete = ON");
}

std::unique_ptr<ProjectFile> ProjectFile::create(const fs::path& path) {
    check_new_project_path(path);
    std::unique_ptr<ProjectLock> lock;
    try {
        lock = std::make_unique<ProjectLock>(path);
    } catch (const InputError& e) {
        throw InputError({path.string()}, "cannot be made there (" + std::string(e.what()) + ")");
    }
    try {
        Connection db(path.string(), true);
        std::unique_ptr<ProjectFile> file(new ProjectFile(path, std::move(lock), std::move(db)));
        file->configure();
        with_write_lock(*file->lock_, [&] { create_schema(file->db_); });
        file->lock_->hold_wal_index();
        return file;
    } catch (...) {
        // Nothing half-made is left behind (a full disk, a vanished folder).
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal", "-lock"}) fs::remove(path.string() + suffix, ec);
        throw;
    }
}

// Is it a Comb project, and is it whole? Throws InputError / DamagedError.
// The whole-file check reads every page (O(file size)), so it runs only when `whole` (a process
// died with the project open or the power went: ProjectLock counts opens and clean closes), and
// on request: comb check, the GUI's background check.
void ProjectFile::check_project(bool whole) {
    try {
        Statement app(db_, "PRAGMA application_id");
        const auto id = app.step() ? app.int64(0) : 0;
        if (id != kApplicationId) throw InputError({path_.string()}, "not a Comb project");
        if (whole) {
            if (const auto problems = quick_check(); problems != "ok") throw DamagedError(path_.string(), problems);
        }
    } catch (const DamagedError& e) {
        // SQLite says "file is not a database" for anything that is not one, and for a
        // project whose first page is damaged: say both.
        if (e.detail().find("not a database") != std::string::npos) {
            throw InputError({path_.string()}, "not a Comb project, or a project whose first page is damaged (" + e.detail() + ")");
        }
        throw;
    } catch (const core::StoreError& e) {
        throw InputError({path_.string()}, "not a Comb project or damaged (" + std::string(e.what()) + ")");
    }
}

std::unique_ptr<ProjectFile> ProjectFile::open(const fs::path& path, OpenOptions options) {
    check_project_path(path);
    if (options.read_only) return open_read_only(path, "opened read-only");
    if (const auto reason = store::read_only_reason(path)) return open_read_only(path, *reason);
    auto lock = std::make_unique<ProjectLock>(path);
    check_wal_present(path);
    Connection db(path.string(), false);
    std::unique_ptr<ProjectFile> file(new ProjectFile(path, std::move(lock), std::move(db)));
    file->check_project(file->lock_->take_unclean_shutdown());
    file->configure();
    Statement(file->db_, "SELECT COUNT(*) FROM sqlite_master").step();  // maps the -shm of a file just made WAL
    file->lock_->hold_wal_index();
    const int version = schema_version(file->db_);
    if (version >= 1 && version < kSchemaVersion) {
        // A consistent copy of the old file first: a migration cannot be undone.
        backup_project(*file, "before-migration-v" + std::to_string(version), core::utc_now_iso8601());
    }
    with_write_lock(*file->lock_, [&] { migrate(file->db_, path.string()); });
    file->checkpoint_if_alone();
    return file;
}

std::string ProjectFile::quick_check() {
    Statement check(db_, "PRAGMA quick_check");
    std::string out;
    while (check.step()) out += (out.empty() ? "" : "; ") + check.text(0);
    return out.empty() ? "no answer" : out;
}

std::unique_ptr<ProjectFile> ProjectFile::open_read_only(const fs::path& path, const std::string& reason) {
    auto lock = ProjectLock::for_reading(path);
    check_wal_present(path);
    // Without -wal and -shm in a folder that cannot be written, SQLite could not make the
    // wal-index: read the file as immutable (nobody can change a read-only medium either).
    std::error_code ec;
    const bool has_wal = fs::exists(path.string() + "-wal", ec) || fs::exists(path.string() + "-shm", ec);
    const bool folder_writable = ::access((path.parent_path().empty() ? fs::path(".") : path.parent_path()).c_str(), W_OK) == 0;
    const bool immutable = !has_wal && !folder_writable;
    std::unique_ptr<ProjectFile> file(new ProjectFile(path, std::move(lock), Connection::read_only(path.string(), immutable)));
    file->read_only_ = reason;
    file->db_.keep_wal_on_close(true);
    file->check_project(file->lock_->take_unclean_shutdown());
    file->db_.exec("PRAGMA foreign_keys = ON");
    if (!immutable) {
        try {
            file->lock_->hold_wal_index();
        } catch (const core::StoreError&) {
            // A -shm we may not even read: SQLite then keeps the wal-index in memory.
        }
    }
    const int version = schema_version(file->db_);
    if (version > kSchemaVersion) migrate(file->db_, path.string());  // throws: newer schema
    if (version < kSchemaVersion) {
        throw InputError({path.string()}, "written by an older Comb (schema " + std::to_string(version) +
                                              "): open it once where it can be written, to bring it up to date (" + reason + ")");
    }
    return file;
}

void ProjectFile::refuse_if_read_only(std::string_view action) const {
    if (read_only()) {
        throw InputError({path_.string()}, "the project is open read-only (" + read_only_ + "): " + std::string(action) +
                                               " refused, nothing was changed");
    }
}

std::string ProjectFile::integrity_check() {
    Statement st(db_, "PRAGMA integrity_check");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
    return out;
}

std::unique_ptr<core::Transaction> ProjectFile::begin(std::string_view operation) {
    refuse_if_read_only(operation);
    return std::make_unique<FileTransaction>(*this, operation);
}

core::TextId ProjectFile::add_text(std::string_view text, std::string_view hash) {
    Statement st(db_, "INSERT INTO texts(hash, content) VALUES(?, ?)");
    st.bind(1, hash).bind(2, text).run();
    return core::TextId(db_.last_insert_id());
}

std::optional<core::TextId> ProjectFile::find_text_by_hash(std::string_view hash) const {
    Statement st(db_, "SELECT id FROM texts WHERE hash = ? LIMIT 1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return core::TextId(st.int64(0));
}

void ProjectFile::rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>& fn,
                                const std::optional<std::set<core::TextId>>& only) {
    std::vector<std::pair<std::int64_t, std::string>> changed;
    {
        Statement st(db_, "SELECT id, content FROM texts ORDER BY id");
        while (st.step()) {
            if (only && !only->count(core::TextId(st.int64(0)))) continue;
            if (auto content = fn(st.text(1))) changed.emplace_back(st.int64(0), std::move(*content));
        }
    }
    for (const auto& [id, content] : changed) {
        Statement up(db_, "UPDATE texts SET content = ?, hash = ? WHERE id = ?");
        up.bind(1, content).bind(2, core::sha256_hex(content)).bind(3, id).run();
    }
}

void ProjectFile::rewrite_history(const std::function<void(core::HistoryEntry&)>& fn) {
    // Labels and row images only: who, when, kind and the rows touched (history_rows) stay.
    for (auto& e : history(std::nullopt, true)) {
        fn(e);
        Statement up(db_, "UPDATE history SET label = ?, changes = ? WHERE seq = ?");
        up.bind(1, e.label).bind(2, encode_changes(e.changes)).bind(3, e.seq).run();
    }
}

void ProjectFile::compact_securely() {
    refuse_if_read_only("compact");
    if (in_transaction_) throw core::StoreError("compact", "a transaction is open");
    with_write_lock(*lock_, [&] { db_.exec("VACUUM"); });
    bool truncated = false;
    const bool alone = lock_->run_alone([&] {
        Statement st(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
        truncated = st.step() && st.int64(0) == 0;
    });
    if (!alone || !truncated) {
        throw core::StoreError("compact", "another process has the project open, so old pages stay in its "
                                          "write-ahead log until every other window or command has closed it");
    }
}

void ProjectFile::bump_change_counter() {
    db_.exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'");
}

void ProjectFile::set_setting(std::string_view key, std::string_view value) {
    refuse_if_read_only("a setting");
    Statement st(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).run();
}

void ProjectFile::scan_texts(const std::function<void(core::TextId, std::string_view, std::string_view)>& visit) const {
    Statement st(db_, "SELECT id, hash, content FROM texts ORDER BY id");
    while (st.step()) visit(core::TextId(st.int64(0)), st.text_view(1), st.text_view(2));
}

std::vector<std::pair<std::string, std::string>> ProjectFile::settings() const {
    Statement st(db_, "SELECT key, value FROM meta ORDER BY key");
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step()) out.emplace_back(st.text(0), st.text(1));
    return out;
}

}  // namespace comb::store
