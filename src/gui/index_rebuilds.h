// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IndexRebuilds: where the GUI's search index rebuilds run. It is the Workbench's index
// rebuilder (index::IndexUpkeep::StartRebuild): each rebuild runs on a worker thread
// (BackgroundTask, with the progress dialog after 300 ms and Cancel), reading the project
// through its own connection, and reports back to the upkeep on the main thread. Opening or
// closing a project cancels and joins a running rebuild; its late report is dropped.
// Owned by the frame; the frame outlives it.
#include <cstdint>
#include <memory>
#include <string>

#include "core/signal.h"
#include "gui/background_task.h"
#include "index/index_upkeep.h"

class wxWindow;

namespace comb::gui {

class Workbench;

class IndexRebuilds {
public:
    IndexRebuilds(wxWindow& parent, Workbench& workbench);
    ~IndexRebuilds();
    IndexRebuilds(const IndexRebuilds&) = delete;
    IndexRebuilds& operator=(const IndexRebuilds&) = delete;

    // The running rebuild, or nullptr.
    BackgroundTask* task() { return task_.get(); }

private:
    void start(const index::IndexUpkeep::RebuildCause& cause);
    void finished(const TaskOutcome& outcome);

    wxWindow& parent_;
    Workbench& wb_;
    std::unique_ptr<BackgroundTask> task_;
    std::uint64_t seq_ = 0;  // tells a finished rebuild's deferred report from a later one's
    core::Subscription switched_;
};

}  // namespace comb::gui
