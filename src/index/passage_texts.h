// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to comb_index: the passages' text, kept beside the Xapian shards in plain files
// ("text0", "text1", ...) rather than in Xapian's document data, which Xapian compresses with
// zlib: that compression cost about 14 % of the index build's CPU. Each passage's document
// data holds a TextRef to its bytes. The files only grow (a re-indexed passage appends its
// text again); a rebuild writes them afresh. Their sizes at each commit are in the shards'
// metadata, so a file cut short shows up on open; a checksum per passage catches a
// damaged byte before it can become a wrong snippet. Throws core::IndexError.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace comb::index {

// Where one passage's text lies: which file, at which byte, how long, and its CRC-32.
struct TextRef {
    int file = 0;
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t crc = 0;
};

std::filesystem::path text_file_path(const std::filesystem::path& folder, int file);

// Appends passage texts to one file, buffered; flush() before the Xapian commit that refers
// to them. Owns its file descriptor.
class TextAppender {
public:
    // Opens (creating if need be) file number `file` in `folder` for appending.
    TextAppender(const std::filesystem::path& folder, int file);
    ~TextAppender();
    TextAppender(TextAppender&& other) noexcept;
    TextAppender& operator=(TextAppender&&) = delete;
    TextAppender(const TextAppender&) = delete;
    TextAppender& operator=(const TextAppender&) = delete;

    TextRef append(std::string_view text);
    void flush();
    std::uint64_t size() const { return size_; }  // including what is still buffered

private:
    std::filesystem::path path_;
    int file_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::string buffer_;
};

// Reads passage texts back, with pread, so texts appended after opening are readable too.
// Owns its file descriptors.
class TextReader {
public:
    TextReader() = default;
    ~TextReader();
    TextReader(TextReader&& other) noexcept;
    TextReader& operator=(TextReader&& other) noexcept;
    TextReader(const TextReader&) = delete;
    TextReader& operator=(const TextReader&) = delete;

    // Opens text0 .. text{sizes.size() - 1} in `folder`; returns why they cannot serve an
    // index whose metadata records `sizes` ("text1 is missing", "text0 is cut short"), or
    // nullopt.
    std::optional<std::string> open(const std::filesystem::path& folder, const std::vector<std::uint64_t>& sizes);
    void close();

    // Throws core::IndexError when the bytes are not there or not what was written.
    std::string read(const TextRef& ref) const;

private:
    std::filesystem::path folder_;
    std::vector<int> fds_;
};

// "4096 1200" <-> {4096, 1200}: the files' sizes as the shards' metadata records them.
std::string format_sizes(const std::vector<std::uint64_t>& sizes);
std::optional<std::vector<std::uint64_t>> parse_sizes(const std::string& s);

}  // namespace comb::index
