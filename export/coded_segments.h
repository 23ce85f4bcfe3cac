// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The coded segments of one code as CSV (the workbench's retrieval view exports them):
// RFC 4180, UTF-8, one record per segment in the order given.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace comb::exporters {

struct CodedSegment {
    std::string code;
    std::string document;
    std::string case_name;
    std::string speaker;
    std::string coder;
    std::int64_t start = 0;  // code points, end exclusive
    std::int64_t end = 0;
    std::string text;
    std::string memo;
    bool pinned = false;
};

// Throws core::InputError naming `path` when it cannot be written (nothing is left behind).
void write_coded_segments_csv(const std::vector<CodedSegment>& segments, const std::filesystem::path& path);

}  // namespace comb::exporters
