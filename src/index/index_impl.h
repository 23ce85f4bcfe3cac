// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to comb_index: the Xapian side of PassageIndex, shared by its .cpp files.
#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/repository.h"
#include "index/facets.h"
#include "index/passage_index.h"
#include "index/passage_texts.h"
#include "index/passages.h"

namespace comb::index {

namespace meta {
inline constexpr const char* kStamp = "comb:stamp";          // the project's change counter
inline constexpr const char* kSeq = "comb:seq";              // the history seq read with the stamp (replay starts after it)
inline constexpr const char* kFormat = "comb:format";        // bumped when passages or terms change meaning
inline constexpr const char* kLanguage = "comb:language";    // stemmer language
inline constexpr const char* kAttributes = "comb:attributes";  // attribute names, one a line (query fields)
inline constexpr const char* kTexts = "comb:texts";          // sizes of the passage text files, "N0 N1"
// 2: passage text in the text files, not in the document data.
// 3: no unique "Q" term per passage (found by document term and order value); the passage's
//    data in its order value, no document data.
inline constexpr const char* kFormatVersion = "3";
}  // namespace meta

// Document position and start (8 bytes each, big-endian, for document order), then the
// passage's data (PassageData, as text).
inline constexpr Xapian::valueno kOrderSlot = 0;
inline constexpr std::size_t kOrderKeyBytes = 16;
inline constexpr int kShards = 2;                 // one writer per core when building

// The project's stemming language ("language" setting, default English).
std::string language_of(const core::Repository& repo);
// A stemmer for `language`, or none when Xapian does not know the language.
Xapian::Stem stemmer_for(const std::string& language);
Xapian::TermGenerator term_generator(const std::string& language);

// One document with what its passages need, read from the repository beforehand so that
// index threads never touch the (single-threaded) repository.
struct DocumentInput {
    core::Document doc;
    std::string text;
    std::vector<core::Coding> codings;  // by start
};

// The Xapian documents of the passages of `in` (all of them, or those overlapping `only`);
// their texts go to `texts`, which the caller flushes before committing the documents. Each
// comes with its passage's start.
std::vector<std::pair<core::CodePoint, Xapian::Document>> passage_documents(
    const DocumentInput& in, const FacetSource& facets, Xapian::TermGenerator& tg, TextAppender& texts,
    const std::vector<core::Span>* only = nullptr);

// The stored data of a passage (in its kOrderSlot value); its text is in the text files.
struct PassageData {
    core::DocumentId doc;
    core::Span span;
    std::optional<std::string> case_name;
    TextRef text;
};
PassageData parse_value(const std::string& value);
// The start of a passage from its order value (kOrderSlot).
core::CodePoint start_of_order_key(const std::string& key);
// The Xapian ids of the passages of `doc` in `db`, by start.
std::map<std::int64_t, Xapian::docid> passage_ids(const Xapian::Database& db, core::DocumentId doc);

// Builds a complete index in `folder` (created or overwritten) on kShards threads. Each shard
// polls progress.cancelled() per document; throws core::Cancelled then (the caller removes
// `folder`), IndexError when Xapian fails.
void build_index(const std::filesystem::path& folder, const core::Repository& repo, core::Progress& progress);

struct PassageIndex::Impl {
    std::filesystem::path folder;
    std::optional<std::string> broken;      // why the index cannot be used: "missing", "corrupt: ..."
    std::vector<Xapian::WritableDatabase> shards;
    Xapian::WritableDatabase db;            // all shards together, when writable
    Xapian::Database read_only;             // when another process holds the write lock
    bool writable = false;
    TextReader texts;
    std::vector<std::uint64_t> text_sizes;     // as the metadata records them
    std::optional<TextAppender> appender;   // text0, for updates; opened on the first
    // Kept between updates: reloading codes, themes and every case's attributes for each
    // coding would cost more than re-indexing its passage. Dropped when those change.
    std::unique_ptr<FacetSource> facets;

    void open();
    void close();
    // The database to search; throws IndexError when the index is broken.
    const Xapian::Database& reader() const;
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    // The passage's text; a failed read marks the index broken ("corrupt: ...") and throws
    // core::IndexError.
    std::string text(const TextRef& ref);
    TextAppender& update_appender();
    // Flushes the appended texts and records the files' sizes, before a commit.
    void flush_texts();
};

core::IndexError index_error(const std::string& operation, const Xapian::Error& e);

}  // namespace comb::index
