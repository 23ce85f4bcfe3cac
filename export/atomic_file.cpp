// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <utility>

#include "core/error.h"

namespace comb::exporters {
namespace {

// A hidden name beside the target; random so two exports of the same file do not collide.
std::filesystem::path temp_name(const std::filesystem::path& target, unsigned attempt) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".%u.%08llx.tmp", attempt,
                  static_cast<unsigned long long>(rng() & 0xffffffffULL));
    auto name = "." + target.filename().string() + suffix;
    return target.parent_path() / name;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    if (target_.filename().empty()) fail("not a file name", EISDIR);
    for (unsigned attempt = 0; attempt < 100; ++attempt) {
        temp_ = temp_name(target_, attempt);
        // 0666 and the process umask give the file the mode any new file would have.
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ >= 0) return;
        if (errno != EEXIST) break;
    }
    const int err = errno;
    temp_.clear();
    fail("cannot create a file in its folder", err);
}

AtomicFile::~AtomicFile() { discard(); }

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::exchange(other.temp_, {})),
      fd_(std::exchange(other.fd_, -1)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        target_ = std::move(other.target_);
        temp_ = std::exchange(other.temp_, {});
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

void AtomicFile::write(std::string_view bytes) {
    // Test hook for a full disk where no small file system can be mounted (store/connection.cpp).
    static const bool full_disk = [] {
        const char* v = std::getenv("COMB_TEST_FULL_DISK");
        return v && std::string(v) == "1";
    }();
    if (full_disk && !bytes.empty()) fail("cannot write", ENOSPC);
    while (!bytes.empty()) {
        const auto n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFile::commit() {
    // Flush through a fresh descriptor: a library writing by name may have replaced the inode
    // our descriptor points at.
    ::close(std::exchange(fd_, -1));
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot reopen the temporary file", errno);
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!synced) fail("cannot flush to disk", err);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("cannot replace the file", errno);
    temp_.clear();
}

void AtomicFile::fail(const std::string& what, int err) const {
    core::SourcePos pos;
    pos.path = target_.string();
    // A full disk says so first: the one fault a user can fix by making room.
    if (err == ENOSPC || err == EDQUOT) throw core::InputError(pos, "disk full: " + what + " (" + std::strerror(err) + "); nothing was written");
    throw core::InputError(pos, what + ": " + std::strerror(err));
}

void AtomicFile::discard() noexcept {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (!temp_.empty()) {
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
        temp_.clear();
    }
}

}  // namespace comb::exporters
