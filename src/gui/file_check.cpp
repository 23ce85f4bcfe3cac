// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/file_check.h"

#include <climits>

#include <wx/window.h>

#include "core/error.h"
#include "gui/workbench.h"
#include "store/project_file.h"

namespace comb::gui {

FileCheck::FileCheck(wxWindow& parent, Workbench& workbench) : parent_(parent), wb_(workbench) {
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        const auto seq = ++seq_;
        task_.reset();  // cancels and joins the check of the previous project
        if (!wb_.is_open()) return;
        auto job = [path = wb_.path()](core::Progress&) {
            const auto repo = open_worker_project(path);
            auto* file = dynamic_cast<store::ProjectFile*>(repo.get());
            if (file == nullptr) return;  // a shared project: the server keeps its own pages
            const auto problems = file->quick_check();
            if (problems != "ok") throw core::InputError({path.string()}, "the project file is damaged (" + problems + ")");
        };
        // Never a dialog: the user works on while the file is read.
        task_ = std::make_unique<BackgroundTask>(parent_, TaskSpec{"Checking the project file", "", INT_MAX}, std::move(job),
                                                 [this, seq](const TaskOutcome& outcome) {
            parent_.CallAfter([this, seq, outcome] {
                if (seq != seq_) return;
                task_.reset();
                if (!outcome.ok && !outcome.cancelled) {
                    wb_.report_error(outcome.error + "\nRestore it from a backup (File > Restore from backup) or salvage it.");
                }
            });
        });
    });
}

}  // namespace comb::gui
