// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Read-only access to a zip container held in memory (DOCX, ODT). Owns the zip_t and discards
// it: nothing is ever written back. Hostile archives are refused, not half-read:
//   - any entry whose name escapes the archive ("../", absolute, drive letters) refuses the
//     whole archive when it is opened, whether or not that entry is ever read;
//   - an entry larger than its cap, or with a compression ratio only a zip bomb has, is refused
//     from its declared sizes before a byte is inflated, and reading never goes past the cap.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace comb::importers {

class ZipReader {
public:
    // XML parts of real documents are a few MB; 64 MiB leaves room and bounds memory.
    static constexpr std::uint64_t kMaxEntryBytes = 64ull << 20;
    // Deflated XML rarely beats 30:1; bombs sit near deflate's limit (1032:1) or far beyond (bzip2).
    static constexpr std::uint64_t kMaxRatio = 200;
    // Below this size no ratio can hurt, and tiny parts compress oddly.
    static constexpr std::uint64_t kRatioCheckFrom = 1ull << 20;

    // `bytes` must outlive the reader. `path` names the file in errors.
    // Throws core::InputError: "not a zip archive", "truncated or corrupt zip archive (...)",
    // "unsafe path in zip entry: NAME".
    ZipReader(std::string_view bytes, std::string path);
    ~ZipReader();
    ZipReader(ZipReader&& other) noexcept;
    ZipReader& operator=(ZipReader&& other) noexcept;
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    std::vector<std::string> names() const;
    bool contains(std::string_view name) const;

    // The entry's bytes. Throws core::InputError: "missing zip entry NAME", "zip entry NAME is
    // too large (N bytes)", "zip entry NAME has a compression ratio of N:1 (zip bomb?)",
    // "corrupt zip entry NAME (...)".
    std::string read(std::string_view name, std::uint64_t max_bytes = kMaxEntryBytes) const;
    // Like read, but nullopt when the entry does not exist.
    std::optional<std::string> read_optional(std::string_view name,
                                             std::uint64_t max_bytes = kMaxEntryBytes) const;

private:
    struct Discard {
        void operator()(zip* archive) const;
    };
    std::unique_ptr<zip, Discard> archive_;
    std::string path_;
};

}  // namespace comb::importers
