// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// AtomicFile: writes a file all or nothing. Bytes go to a temporary file in the target's folder
// (same file system, so the final rename is atomic); commit() flushes it to disk and renames it
// over the target. If commit() never runs (a writer threw), the destructor removes the
// temporary and the target is untouched. Owns the temporary file; movable, not copyable.
// Throws core::InputError naming the target when the folder or file cannot be written.
#include <filesystem>
#include <string_view>

namespace comb::exporters {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Appends bytes to the temporary file.
    void write(std::string_view bytes);
    // For libraries that insist on writing a file by name (libxlsxwriter): they may replace
    // the temporary's contents; commit() still renames whatever is there.
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    // Flushes and renames into place. After it the object owns nothing.
    void commit();

private:
    [[noreturn]] void fail(const std::string& what, int err) const;
    void discard() noexcept;

    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
};

}  // namespace comb::exporters
