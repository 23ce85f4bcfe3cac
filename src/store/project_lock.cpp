// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_lock.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "core/error.h"

namespace comb::store {
namespace {

constexpr off_t kOpenByte = 0;   // shared while open, exclusive when alone
constexpr off_t kWriteByte = 1;  // exclusive during a write transaction
constexpr off_t kCounterByte = 2;  // exclusive while the open counter is read and written
constexpr off_t kShmDeadManByte = 128;  // SQLite's UNIX_SHM_DMS: 120 + SQLITE_SHM_NLOCK (8)

// An OFD lock (owned by the open file description, not the process): closing another
// descriptor on the same file does not drop it, and converting shared <-> exclusive on the
// same description is atomic (a refused upgrade keeps the shared lock, unlike flock()).
bool try_ofd_lock(int fd, short type, off_t start) {
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = 1;
    fl.l_pid = 0;
    for (;;) {
        if (fcntl(fd, F_OFD_SETLK, &fl) == 0) return true;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EACCES) return false;
        throw core::StoreError("lock project", std::strerror(errno));
    }
}

// Polls until the lock is granted or `wait` passes; polling, not F_OFD_SETLKW, so a hung
// process makes us fail with a message instead of hanging too.
bool wait_ofd_lock(int fd, short type, off_t start, std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    auto pause = std::chrono::microseconds(200);
    while (!try_ofd_lock(fd, type, start)) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(10000));
    }
    return true;
}

// The lock file's content: how many processes opened the project and have not yet closed it
// cleanly, as decimal text. -1 when it cannot be read.
long read_counter(int fd) {
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n < 0) return -1;
    long v = 0;
    for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) v = v * 10 + (buf[i] - '0');
    return v;
}

bool write_counter(int fd, long v, bool durable) {
    const std::string text = std::to_string(v) + "\n";
    if (::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) return false;
    if (::ftruncate(fd, static_cast<off_t>(text.size())) != 0) return false;
    return !durable || ::fdatasync(fd) == 0;
}

// Whether `fd` was opened for reading only (a lock file this process cannot write).
bool opened_read_only(int fd) {
    const int mode = ::fcntl(fd, F_GETFL);
    return mode >= 0 && (mode & O_ACCMODE) == O_RDONLY;
}

// Counts this process in; true when the project was not closed cleanly last time (a process
// died with it open) or when that cannot be told. Alone, the counter says so exactly: every
// process counted in and not out died. With others open it is only counted in: the last
// process to close, or the next one to open alone, judges. Durable, so a power cut is seen.
// A lock file made just now holds no record of a clean close (a copied or restored project,
// or one last opened by an older Comb): unclean too.
bool count_in(int fd) {
    if (opened_read_only(fd)) {
        // A lock file this process cannot write (a read-only project) cannot count it in;
        // check the file when the last writers did not all close it cleanly.
        return read_counter(fd) != 0;
    }
    if (!wait_ofd_lock(fd, F_WRLCK, kCounterByte, std::chrono::seconds(5))) return true;
    long n = read_counter(fd);
    struct stat st {};
    const bool made_now = ::fstat(fd, &st) != 0 || st.st_size == 0;  // empty: just made, or an older Comb's
    bool unclean = n < 0 || made_now;
    if (n >= 0 && try_ofd_lock(fd, F_WRLCK, kOpenByte)) {
        unclean = unclean || n > 0;
        n = 0;
        try_ofd_lock(fd, F_RDLCK, kOpenByte);  // back to shared; never refused: we held it alone
    }
    // Durable when it becomes 1: above 1, another process's count is already on disk.
    const long now = std::max(n, 0L) + 1;
    if (!write_counter(fd, now, now == 1)) unclean = true;
    try_ofd_lock(fd, F_UNLCK, kCounterByte);
    return unclean;
}

// Counts this process out on a clean close (not durable: a lost decrement costs one check).
void count_out(int fd) {
    if (opened_read_only(fd)) return;  // never counted in (count_in)
    try {
        if (!wait_ofd_lock(fd, F_WRLCK, kCounterByte, std::chrono::seconds(5))) return;
        const long n = read_counter(fd);
        if (n > 0) write_counter(fd, n - 1, false);
        try_ofd_lock(fd, F_UNLCK, kCounterByte);
    } catch (const std::exception&) {
        // Left counted in: the next lone open checks the file once more.
    }
}

}  // namespace

struct ProjectLock::Shared {
    int fd = -1;      // NAME.comb-lock
    int shm_fd = -1;  // NAME.comb-shm, once hold_wal_index ran
    int refs = 0;     // ProjectLocks of this process on this project
    bool unclean = false;  // found on this process's first open; taken by the first to ask
    std::mutex m;     // guards shm_fd, refs (with the registry mutex) and upgrades
    std::timed_mutex writes;  // one write transaction at a time within the process
};

namespace {

std::mutex registry_mutex;
std::map<std::pair<dev_t, ino_t>, std::shared_ptr<ProjectLock::Shared>>& registry() {
    static std::map<std::pair<dev_t, ino_t>, std::shared_ptr<ProjectLock::Shared>> r;
    return r;
}

}  // namespace

bool ProjectLock::legacy() {
    const char* v = std::getenv("COMB_LEGACY_LOCKING");
    return v && std::string(v) == "1";
}

std::filesystem::path ProjectLock::lock_path(const std::filesystem::path& project) {
    return project.string() + "-lock";
}

ProjectLock::ProjectLock(const std::filesystem::path& project, std::chrono::milliseconds wait) : project_(project) {
    if (legacy()) return;
    const auto path = lock_path(project);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOSPC || err == EDQUOT) throw core::InputError({path.string()}, "disk full (cannot create the lock file)");
        if (err == EACCES || err == EROFS || err == ENOENT || err == ENOTDIR) {
            throw core::InputError({path.string()}, "cannot be created: " + std::string(std::strerror(err)));
        }
        throw core::StoreError("open " + path.string(), std::strerror(err));
    }
    attach(fd, wait);
}

ProjectLock::ProjectLock(const std::filesystem::path& project, int fd, std::chrono::milliseconds wait) : project_(project) {
    if (fd >= 0) attach(fd, wait);
}

std::unique_ptr<ProjectLock> ProjectLock::for_reading(const std::filesystem::path& project) {
    if (legacy()) return std::make_unique<ProjectLock>(project);
    const auto path = lock_path(project);
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // a shared (read) lock needs only read access
    return std::unique_ptr<ProjectLock>(new ProjectLock(project, fd, std::chrono::seconds(30)));
}

void ProjectLock::attach(int fd, std::chrono::milliseconds wait) {
    struct stat st {};
    fstat(fd, &st);
    std::lock_guard reg(registry_mutex);
    auto& slot = registry()[{st.st_dev, st.st_ino}];
    if (slot) {
        ::close(fd);  // no lock of ours lives on this description
        shared_ = slot;
        ++shared_->refs;
        return;
    }
    auto s = std::make_shared<Shared>();
    s->fd = fd;
    if (!wait_ofd_lock(fd, F_RDLCK, kOpenByte, wait)) {
        ::close(fd);
        registry().erase({st.st_dev, st.st_ino});
        throw core::StoreError("open " + project_.string(), "another Comb process is checkpointing the project and did not finish");
    }
    s->unclean = count_in(fd);
    s->refs = 1;
    slot = s;
    shared_ = s;
}

ProjectLock::~ProjectLock() {
    if (!shared_) return;
    std::lock_guard reg(registry_mutex);
    if (--shared_->refs > 0) return;
    // Our last connection is closed, so closing these descriptors drops no SQLite lock.
    if (shared_->shm_fd >= 0) ::close(shared_->shm_fd);
    count_out(shared_->fd);
    struct stat st {};
    fstat(shared_->fd, &st);
    ::close(shared_->fd);
    registry().erase({st.st_dev, st.st_ino});
}

void ProjectLock::hold_wal_index() {
    if (!shared_) return;
    std::lock_guard lock(shared_->m);
    if (shared_->shm_fd >= 0) return;
    const std::string shm = project_.string() + "-shm";
    int fd = ::open(shm.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS)) fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw core::StoreError("open " + shm, std::strerror(errno));
    // Another process's SQLite holds this byte exclusively only for the instant it decides
    // whether it is first; wait that out.
    if (!wait_ofd_lock(fd, F_RDLCK, kShmDeadManByte, std::chrono::seconds(5))) {
        ::close(fd);
        throw core::StoreError("lock " + shm, "the wal-index stayed locked by another process");
    }
    shared_->shm_fd = fd;
}

bool ProjectLock::take_unclean_shutdown() {
    if (!shared_) return true;  // legacy: no counter, so every open checks
    std::lock_guard lock(shared_->m);
    return std::exchange(shared_->unclean, false);
}

bool ProjectLock::run_alone(const std::function<void()>& f) {
    if (!shared_) return false;
    std::lock_guard reg(registry_mutex);  // no connection of ours opens or closes meanwhile
    if (shared_->refs != 1) return false;
    if (!try_ofd_lock(shared_->fd, F_WRLCK, kOpenByte)) return false;
    struct Downgrade {
        int fd;
        ~Downgrade() { try_ofd_lock(fd, F_RDLCK, kOpenByte); }  // never refused: we held it alone
    } downgrade{shared_->fd};
    f();
    return true;
}

void ProjectLock::lock_writes(std::chrono::milliseconds wait) {
    if (!shared_) return;
    if (!shared_->writes.try_lock_for(wait)) {
        throw core::StoreError("write " + project_.string(), "another action of this program is still writing");
    }
    if (!wait_ofd_lock(shared_->fd, F_WRLCK, kWriteByte, wait)) {
        shared_->writes.unlock();
        throw core::StoreError("write " + project_.string(),
                               "another Comb process has been writing for " + std::to_string(wait.count() / 1000) + " s");
    }
}

void ProjectLock::unlock_writes() {
    if (!shared_) return;
    try_ofd_lock(shared_->fd, F_UNLCK, kWriteByte);
    shared_->writes.unlock();
}

}  // namespace comb::store
