// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/index_rebuilds.h"

#include <wx/window.h>

#include "gui/workbench.h"

namespace comb::gui {

IndexRebuilds::IndexRebuilds(wxWindow& parent, Workbench& workbench) : parent_(parent), wb_(workbench) {
    wb_.set_index_rebuilder([this](const index::IndexUpkeep::RebuildCause& cause) { start(cause); });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        ++seq_;
        task_.reset();  // cancels and joins a rebuild of the previous project
    });
}

IndexRebuilds::~IndexRebuilds() { wb_.set_index_rebuilder({}); }

void IndexRebuilds::start(const index::IndexUpkeep::RebuildCause& cause) {
    const std::string message = "Building the search index (" + cause.reason + ")\u2026";
    auto job = [project = wb_.path(), folder = wb_.index().folder()](core::Progress& progress) {
        const auto file = open_worker_project(project);
        index::IndexUpkeep::build(*file, folder, progress);
    };
    const auto seq = ++seq_;
    task_ = std::make_unique<BackgroundTask>(parent_, TaskSpec{"Search index", message, 300}, std::move(job),
                                             [this, seq](const TaskOutcome& outcome) {
        // `done` runs in the task's timer, which must not destroy the task: defer.
        parent_.CallAfter([this, seq, outcome] {
            if (seq == seq_) finished(outcome);
        });
    });
}

void IndexRebuilds::finished(const TaskOutcome& outcome) {
    task_.reset();
    if (!wb_.is_open()) return;
    wb_.index().rebuilt(outcome.ok, outcome.cancelled ? std::string() : outcome.error);
}

}  // namespace comb::gui
