// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The baselines comb_bench compares against, over the very same passages: SQLite FTS5
// (porter stemming, bm25 rank, snippets) and a LIKE scan of a plain table, as several peer
// tools search. Facets are words in a second column ("xlorganisational") so filters work.
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace comb::bench {

struct BenchPassage {
    std::int64_t doc = 0, start = 0, end = 0;
    std::string body;
    std::string facets;  // space-separated facet words
};

// One SQLite database holding both baselines. Owns the handle.
class Baselines {
public:
    explicit Baselines(const std::filesystem::path& file);
    ~Baselines();
    Baselines(const Baselines&) = delete;
    Baselines& operator=(const Baselines&) = delete;

    void build_fts(const std::vector<BenchPassage>& passages);   // timed by the caller
    void build_plain(const std::vector<BenchPassage>& passages);
    // Each returns the number of rows; at most `limit`.
    int fts_search(const std::string& match, int limit);
    int like_search(const std::string& body_pattern, const std::string& facet_pattern, int limit);
    void fts_update_facets(std::int64_t rowid, const std::string& facets);

private:
    void exec(const char* sql);
    sqlite3* db_ = nullptr;
};

// A facet filter as an FTS5 word and as a LIKE pattern.
std::string facet_word(const std::string& prefix, const std::string& value);

}  // namespace comb::bench
