// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/index_upkeep.h"

#include "core/error.h"

namespace comb::index {

IndexUpkeep::IndexUpkeep(core::Project& project, std::filesystem::path project_file, StartRebuild start)
    : project_(project), folder_(PassageIndex::folder_for(project_file)), start_(std::move(start)) {
    subscription_ = project_.changed().subscribe([this](const core::ProjectChanged& e) { on_changed(e); });
}

IndexUpkeep::~IndexUpkeep() = default;

void IndexUpkeep::set_state(UpkeepState state, std::string reason) {
    const bool same = state == state_ && reason == reason_;
    state_ = state;
    reason_ = std::move(reason);
    if (!same) changed_.publish({state_, reason_});
}

void IndexUpkeep::open(bool may_rebuild) {
    if (state_ == UpkeepState::rebuilding) return;
    // Opening reads the metadata only: cheap enough for any thread that owns the project.
    auto opened = std::make_unique<PassageIndex>(folder_);
    auto reason = opened->rebuild_reason(project_.repo());
    if (reason == "stale") reason = replay(*opened);  // others changed the project: their log says what
    if (!reason) {
        index_ = std::move(opened);
        set_state(UpkeepState::ready, {});
        return;
    }
    opened.reset();  // the rebuild opens its own (and takes the write lock)
    index_.reset();
    if (may_rebuild) rebuild(*reason);
    else set_state(UpkeepState::not_built, *reason);
}

void IndexUpkeep::rebuild(const std::string& reason) { start_rebuild({reason, false}); }

void IndexUpkeep::start_rebuild(RebuildCause cause) {
    if (state_ == UpkeepState::rebuilding) return;
    index_.reset();
    rebuild_counter_ = project_.repo().change_counter();
    set_state(UpkeepState::rebuilding, cause.reason);
    start_(cause);  // may report back through rebuilt() before it returns
}

void IndexUpkeep::rebuilt(bool built, const std::string& error) {
    if (state_ != UpkeepState::rebuilding) return;
    if (!built) {
        set_state(UpkeepState::not_built, error);
        return;
    }
    state_ = UpkeepState::closed;
    // Changes made while it was building were not indexed: rebuild again for them.
    open(project_.repo().change_counter() != rebuild_counter_);
}

void IndexUpkeep::build(const core::Repository& repo, const std::filesystem::path& folder, core::Progress& progress) {
    PassageIndex built(folder);
    built.rebuild(repo, progress);
}

std::optional<std::string> IndexUpkeep::replay(PassageIndex& index) {
    try {
        auto reason = index.replay(project_.repo(), kMaxReplay);
        if (!reason) ++replays_;
        return reason;
    } catch (const core::IndexError&) {
        // On open as on a change: a failing index is rebuilt, never thrown at the caller (a
        // window opening while another rebuilds the same folder met a half-written table).
        return "update failed";
    }
}

void IndexUpkeep::on_changed(const core::ProjectChanged& e) {
    // Rebuilding: the builder's index is not ours to touch (rebuilt() checks again). Not
    // built: it stays so until someone asks.
    if (state_ == UpkeepState::rebuilding || state_ == UpkeepState::not_built) return;
    if (state_ == UpkeepState::closed) {
        index_ = std::make_unique<PassageIndex>(folder_);
        state_ = UpkeepState::ready;  // update_in_place() says if it is not
    }
    // The change is committed; a failing index must not fail it. It is rebuilt instead.
    try {
        using Cause = core::ProjectChanged::Cause;
        // Another process's changes (Project::catch_up), which that process may have indexed
        // itself. Not known row by row (reload): rebuilt unless the index is current.
        // Either way, an index behind replays the change log since its stamp (which covers
        // every entry caught up at once), and is rebuilt only when that cannot be done.
        if (e.cause == Cause::reload || e.cause == Cause::external) {
            auto reason = index_->rebuild_reason(project_.repo());
            if (reason == "stale") reason = replay(*index_);
            if (reason) start_rebuild({*reason, true});
            return;
        }
        if (const auto reason = index_->update_in_place(project_.repo(), e.changes)) start_rebuild({*reason, true});
    } catch (const core::IndexError&) {
        start_rebuild({"update failed", true});
    }
}

}  // namespace comb::index
