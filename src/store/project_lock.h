// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ProjectLock: what keeps a project safe when SQLite's POSIX locks are lost (a process drops
// all its fcntl locks on a file when it closes *any* descriptor on it, as GTK's file chooser
// does). The reasoning and evidence are in docs/concurrency.md. In short, every Comb process
// with a project open holds open-file-description (OFD) locks, which a close of another
// descriptor does not drop:
//   NAME.comb-lock byte 0   shared while open; exclusive only when this process is provably
//                           the only one (then, and only then, the WAL is checkpointed);
//   NAME.comb-lock byte 1   exclusive for the length of each write transaction, so writers
//                           are serialised even when SQLite's WAL write lock was lost;
//   NAME.comb-shm byte 128  shared (SQLite's "dead man switch" byte), so a newcomer never
//                           re-initialises the wal-index under a live process.
// One set per process and project (refcounted across connections: the GUI's worker has its
// own). Every ProjectFile takes one, so every Comb process (GUI, CLI, tests) follows the rule.
// COMB_LEGACY_LOCKING=1 turns it all off, for the test that shows the loss without it.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

namespace comb::store {

class ProjectLock {
public:
    // Takes the shared "open" lock, waiting while another process checkpoints.
    // Throws StoreError when the lock file cannot be made or the wait exceeds `wait`.
    explicit ProjectLock(const std::filesystem::path& project,
                         std::chrono::milliseconds wait = std::chrono::seconds(30));
    // For a project opened read-only: the lock file is opened read-only when it cannot be
    // written, and left out (no locks: nobody can write the project) when it cannot be opened
    // at all, e.g. on a read-only medium without one.
    static std::unique_ptr<ProjectLock> for_reading(const std::filesystem::path& project);
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;
    ~ProjectLock();

    // Holds the -shm dead-man-switch byte; call once SQLite has mapped the wal-index (after
    // the connection's first read). Idempotent per process. Throws StoreError.
    void hold_wal_index();

    // Runs `f` while this process is the only Comb process with the project open and this
    // is its only connection; returns false, without running `f`, otherwise.
    bool run_alone(const std::function<void()>& f);

    // Serialises write transactions across processes (and threads). Throws StoreError after
    // waiting `wait` for another writer.
    void lock_writes(std::chrono::milliseconds wait = std::chrono::seconds(30));
    void unlock_writes();

    // The sidecar lock file of a project: NAME.comb-lock.
    static std::filesystem::path lock_path(const std::filesystem::path& project);
    // True when COMB_LEGACY_LOCKING=1 (tests only): no OFD locks, SQLite's defaults.
    static bool legacy();

    struct Shared;

private:
    ProjectLock(const std::filesystem::path& project, int fd, std::chrono::milliseconds wait);
    void attach(int fd, std::chrono::milliseconds wait);
    std::shared_ptr<Shared> shared_;
    std::filesystem::path project_;
};

}  // namespace comb::store
