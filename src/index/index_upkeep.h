// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IndexUpkeep: the one owner of a project's passage index in a process, used by both front
// ends. It subscribes to the Project's changes and keeps the index current:
// - a change is indexed in place on the calling thread (only the affected passages, a few ms);
// - another process's changes, published by Project::catch_up (Cause::external, one history
//   entry each, or Cause::reload), are skipped when that process kept the index current, and
//   otherwise replayed from the change log (PassageIndex::replay: the passages the entries
//   since the index's stamp touched); rebuilt only when that cannot be done (more than
//   kMaxReplay behind, a log that does not account for every change). Opening an index that
//   is behind replays the same way (the CLI on a shared project, after others' changes);
// - when the index must be built afresh (missing, stale, corrupt, a bulk import, an update
//   that failed, or the user asked), it hands the rebuild to the front end's StartRebuild:
//   the CLI builds at once on its own thread, the GUI on a worker thread. Either way the
//   rebuild runs build() and then reports back through rebuilt();
// - while a rebuild runs, changes are not indexed (the builder has its own connection and the
//   index's write lock); rebuilt() rebuilds again when changes were made meanwhile;
// - an index left unbuilt (cancelled, failed, or found stale when rebuilding was not wanted)
//   stays so until someone asks for a rebuild.
// Searches go through index(), which is present only while the index is current.
// Owns the PassageIndex it serves; not thread-safe (the Project's thread). Throws nothing of
// its own: index failures become rebuilds.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/progress.h"
#include "core/project.h"
#include "core/signal.h"
#include "index/passage_index.h"

namespace comb::index {

enum class UpkeepState {
    closed,      // not opened yet: the first change or open() opens it
    ready,       // current and searchable
    rebuilding,  // a rebuild was started and has not reported back
    not_built,   // cannot serve the project; reason() says why (empty when cancelled)
};

// Published whenever the state or its reason changes.
struct UpkeepChanged {
    UpkeepState state;
    const std::string& reason;
};

class IndexUpkeep {
public:
    // Why a rebuild starts: `reason` ("missing", "stale", "bulk import", "requested", an error)
    // and whether a change made it necessary (rather than opening the index or a request).
    struct RebuildCause {
        std::string reason;
        bool after_change = false;
    };
    // Starts building the index afresh; must, now or later, call build() where it likes and
    // then rebuilt() on the project's thread.
    using StartRebuild = std::function<void(const RebuildCause& cause)>;

    IndexUpkeep(core::Project& project, std::filesystem::path project_file, StartRebuild start);
    ~IndexUpkeep();
    IndexUpkeep(const IndexUpkeep&) = delete;
    IndexUpkeep& operator=(const IndexUpkeep&) = delete;

    // Opens the index. When it cannot serve the project, starts a rebuild (`may_rebuild`) or
    // becomes not_built with the reason. Does nothing while a rebuild runs.
    void open(bool may_rebuild = true);
    // Asks for a rebuild (Tools > Rebuild search index, `comb index --rebuild`, a search that
    // met an IndexError). Ignored while one runs.
    void rebuild(const std::string& reason);
    // A started rebuild ended: `built` false when it failed or was cancelled (`error` says why,
    // empty when cancelled). Opens the rebuilt index, rebuilding again when changes came meanwhile.
    void rebuilt(bool built, const std::string& error = {});

    // The current index, or nullptr when it is not ready.
    PassageIndex* index() { return state_ == UpkeepState::ready ? index_.get() : nullptr; }
    UpkeepState state() const { return state_; }
    // Why the index is rebuilding or not built ("missing", "bulk import", an error); empty when ready.
    const std::string& reason() const { return reason_; }
    core::Signal<UpkeepChanged>& changed() { return changed_; }

    const std::filesystem::path& folder() const { return folder_; }
    // Beyond this many changes behind, the index is rebuilt rather than replayed.
    static constexpr std::size_t kMaxReplay = 200;
    // How many times the index caught up by replaying the change log (tests, notices).
    std::size_t replays() const { return replays_; }
    // What a StartRebuild runs, on any thread: builds the index in `folder` afresh from `repo`.
    // Throws IndexError, core::Cancelled (see PassageIndex::rebuild).
    static void build(const core::Repository& repo, const std::filesystem::path& folder, core::Progress& progress);

private:
    void on_changed(const core::ProjectChanged& e);
    void set_state(UpkeepState state, std::string reason);
    void start_rebuild(RebuildCause cause);
    std::optional<std::string> replay(PassageIndex& index);

    core::Project& project_;
    std::filesystem::path folder_;
    StartRebuild start_;
    std::unique_ptr<PassageIndex> index_;
    UpkeepState state_ = UpkeepState::closed;
    std::string reason_;
    std::int64_t rebuild_counter_ = 0;
    std::size_t replays_ = 0;  // the change counter the running rebuild started at
    core::Signal<UpkeepChanged> changed_;
    core::Subscription subscription_;
};

}  // namespace comb::index
