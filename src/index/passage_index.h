// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PassageIndex: the Xapian full-text index of a project's passages, in NAME.comb-index/
// beside the project file (two Xapian shards, and the passages' text in plain files). It is a cache: missing, stale (its stamp differs from the
// project's change counter) or corrupt means "rebuild", never an error for the user.
// Owns its Xapian handles (pimpl, so no Xapian header leaks). Not thread-safe; one per
// thread, like the ProjectFile it serves. Xapian failures surface as core::IndexError, which
// callers answer by rebuilding.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/change_set.h"
#include "core/progress.h"
#include "core/repository.h"

namespace comb::index {

// Filters of `comb search`: values of one kind are alternatives (OR), kinds combine (AND).
struct Filters {
    std::vector<std::string> codes;       // code paths; a code matches its descendants' codings too
    std::vector<std::string> themes;      // theme names; a theme matches its subthemes' codings too
    std::vector<std::string> comb;        // "C.Ps" (effective COM-B, TDF-implied included) or "C"
    std::vector<std::string> levels;      // "organisational", "individual", "individual:trainer"
    std::vector<std::string> valences;    // "barrier", ...
    std::vector<std::string> cases;       // case names
    std::vector<std::string> attributes;  // "KEY=VALUE"
    std::vector<std::string> speakers;    // speaker labels
    bool empty() const;
    std::string describe() const;  // "code=Time AND level=organisational"
};

enum class Order { relevance, document };

struct SearchSpec {
    std::string query;     // Xapian query syntax; empty: filters only
    Filters filters;
    std::size_t limit = 20;  // 0: all
    std::optional<Order> order;  // default: relevance, or document order for filters only
    bool snippets = true;  // false leaves Hit::snippet empty: faster when counting many hits
};

struct Hit {
    core::DocumentId doc;
    core::Span span;  // the passage, in code points
    double score = 0;
    std::string snippet;  // matched terms marked «like this»
    std::optional<std::string> case_name;
    std::string text;     // the whole passage
};

// Passages like a coding, or like all codings of a code (relevance feedback).
struct SimilarSpec {
    std::optional<std::string> code;   // code path
    core::DocumentId doc;              // when no code: the seed span
    core::Span span;
    std::size_t limit = 20;
    // With a code: seed only from the passages these codings of it cover (the codings a coder
    // may see: blind mode, one coder's view) rather than from every coder's, and leave out only
    // those passages. Empty: no seed (InputError, as a code nobody applied).
    std::optional<std::vector<std::pair<core::DocumentId, core::Span>>> only;
};

struct IndexStats {
    std::int64_t documents = 0;
    std::int64_t passages = 0;
    int shards = 0;
};

class PassageIndex {
public:
    // "study.comb" -> "study.comb-index" in the same folder.
    static std::filesystem::path folder_for(const std::filesystem::path& project_file);

    // Opens the index in `folder` if it can; never throws for a missing or damaged index
    // (rebuild_reason() then says why).
    explicit PassageIndex(std::filesystem::path folder);
    ~PassageIndex();
    PassageIndex(PassageIndex&&) noexcept;
    PassageIndex& operator=(PassageIndex&&) noexcept;

    // Why the index cannot serve `repo` as it is ("missing", "stale", "corrupt: ..."), or
    // nullopt when it is current.
    std::optional<std::string> rebuild_reason(const core::Repository& repo) const;

    // Builds the index from scratch in a temporary folder on two threads (two shards), then
    // swaps it in. Throws IndexError when the folder cannot be written, core::Cancelled when
    // progress.cancelled() turns true first; either way the temporary folder is removed and
    // the index (and rebuild_reason()) is as it was.
    void rebuild(const core::Repository& repo, core::Progress& progress);

    // Rebuilds when rebuild_reason() says so, telling `notice` the reason first.
    void ensure_current(const core::Repository& repo, core::Progress& progress,
                        const std::function<void(const std::string& reason)>& notice);

    // After `changes` were committed (and the change counter bumped once): re-indexes only
    // the affected passages and stamps the index. If the index was not current before the
    // change, or the change is a large import, rebuilds instead and returns the reason
    // ("stale", "missing", "bulk import"). Throws IndexError.
    std::optional<std::string> update(const core::Repository& repo, const core::ChangeSet& changes,
                                      core::Progress& progress);
    // update() without the rebuild: re-indexes in place and returns nullopt, or returns the
    // reason a rebuild is needed and leaves the index untouched, so a caller can rebuild
    // elsewhere (the GUI, on a worker thread). Throws IndexError.
    std::optional<std::string> update_in_place(const core::Repository& repo, const core::ChangeSet& changes);

    // The index is behind the project (others changed it, e.g. on a shared server): re-indexes
    // what the change log's entries since its stamp touched (documents added or removed,
    // codings added or removed, tags and names changed: the passages they touch), reading the
    // project as it is now, and stamps it; no rebuild. Returns nullopt when the index is now
    // current, or why it must be rebuilt instead ("stale": more than `max_entries` behind, the
    // log does not account for every change since the stamp (trimmed, or entries without a
    // change), an index stamped before the log was; "bulk import", "corrupt: ...") and leaves
    // it untouched then. Throws IndexError.
    std::optional<std::string> replay(const core::Repository& repo, std::size_t max_entries);

    // Throws InputError for a malformed query or an unknown tag word in a filter; IndexError
    // when the index fails (rebuild and retry).
    std::vector<Hit> search(const SearchSpec& spec) const;
    // Throws InputError when the seed has no passages; IndexError as search().
    std::vector<Hit> similar(const SimilarSpec& spec) const;

    IndexStats stats() const;

private:
    // update_in_place from stamp `from` to `counter` (and history seq `seq`).
    std::optional<std::string> update_from(const core::Repository& repo, const core::ChangeSet& changes,
                                           std::int64_t from, std::int64_t counter, std::int64_t seq);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace comb::index
