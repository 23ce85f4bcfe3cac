// SPDX-License-Identifier: GPL-3.0-or-later
// The passage text files beside the Xapian shards: appending, reading back, checking.
#include "index/passage_texts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "core/error.h"

namespace comb::index {
namespace fs = std::filesystem;

namespace {

// Large enough that a build writes in big chunks, small enough not to matter in memory.
constexpr std::size_t kFlushBytes = 1 << 20;

std::uint32_t crc_of(std::string_view text) {
    return static_cast<std::uint32_t>(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace

fs::path text_file_path(const fs::path& folder, int file) { return folder / ("text" + std::to_string(file)); }

// --- TextAppender ---------------------------------------------------------------------

TextAppender::TextAppender(const fs::path& folder, int file) : path_(text_file_path(folder, file)), file_(file) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) throw core::IndexError("open " + path_.string(), std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const std::string why = std::strerror(errno);
        close_fd(fd_);
        throw core::IndexError("read the size of " + path_.string(), why);
    }
    size_ = static_cast<std::uint64_t>(st.st_size);
}

TextAppender::~TextAppender() { close_fd(fd_); }

TextAppender::TextAppender(TextAppender&& other) noexcept
    : path_(std::move(other.path_)), file_(other.file_), fd_(std::exchange(other.fd_, -1)), size_(other.size_),
      buffer_(std::move(other.buffer_)) {}

TextRef TextAppender::append(std::string_view text) {
    const TextRef ref{file_, size_, static_cast<std::uint32_t>(text.size()), crc_of(text)};
    buffer_ += text;
    size_ += text.size();
    if (buffer_.size() >= kFlushBytes) flush();
    return ref;
}

void TextAppender::flush() {
    std::string_view rest = buffer_;
    while (!rest.empty()) {
        const auto n = ::write(fd_, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw core::IndexError("write " + path_.string(), std::strerror(errno));
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    buffer_.clear();
}

// --- TextReader -----------------------------------------------------------------------

TextReader::~TextReader() { close(); }

TextReader::TextReader(TextReader&& other) noexcept
    : folder_(std::move(other.folder_)), fds_(std::exchange(other.fds_, {})) {}

TextReader& TextReader::operator=(TextReader&& other) noexcept {
    if (this != &other) {
        close();
        folder_ = std::move(other.folder_);
        fds_ = std::exchange(other.fds_, {});
    }
    return *this;
}

std::optional<std::string> TextReader::open(const fs::path& folder, const std::vector<std::uint64_t>& sizes) {
    close();
    folder_ = folder;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const fs::path path = text_file_path(folder, static_cast<int>(i));
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) { close(); return path.filename().string() + " is missing"; }
        fds_.push_back(fd);
        struct stat st {};
        // Longer is fine (texts appended by a commit that did not happen); shorter is not.
        if (::fstat(fd, &st) != 0 || static_cast<std::uint64_t>(st.st_size) < sizes[i]) {
            close();
            return path.filename().string() + " is cut short";
        }
    }
    return std::nullopt;
}

void TextReader::close() {
    for (auto& fd : fds_) close_fd(fd);
    fds_.clear();
}

std::string TextReader::read(const TextRef& ref) const {
    const std::string operation = "read passage text from " + text_file_path(folder_, ref.file).string();
    if (ref.file < 0 || static_cast<std::size_t>(ref.file) >= fds_.size()) {
        throw core::IndexError(operation, "no such text file");
    }
    std::string text(ref.length, '\0');
    for (std::size_t got = 0; got < text.size();) {
        const auto n = ::pread(fds_[static_cast<std::size_t>(ref.file)], text.data() + got, text.size() - got,
                               static_cast<off_t>(ref.offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw core::IndexError(operation, std::strerror(errno));
        if (n == 0) throw core::IndexError(operation, "the file is cut short");
        got += static_cast<std::size_t>(n);
    }
    if (crc_of(text) != ref.crc) throw core::IndexError(operation, "the text does not match its checksum");
    return text;
}

// --- sizes in metadata ----------------------------------------------------------------

std::string format_sizes(const std::vector<std::uint64_t>& sizes) {
    std::string out;
    for (const auto s : sizes) out += (out.empty() ? "" : " ") + std::to_string(s);
    return out;
}

std::optional<std::vector<std::uint64_t>> parse_sizes(const std::string& s) {
    std::vector<std::uint64_t> out;
    std::size_t at = 0;
    while (at < s.size()) {
        const auto space = std::min(s.find(' ', at), s.size());
        const std::string_view part = std::string_view(s).substr(at, space - at);
        if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
        out.push_back(std::stoull(std::string(part)));
        at = space + 1;
    }
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace comb::index
