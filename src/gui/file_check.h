// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FileCheck: the whole-file check of a project the window opens, on a worker thread. Opening
// no longer reads every page (store::ProjectFile::open checks only after an unclean
// shutdown), so the GUI checks in the background instead: PRAGMA quick_check through its own
// connection, no dialog while it runs, and a message naming the damage (the same words as a
// refused open) when it finds any. Opening another project cancels and joins the check.
// Owned by the frame; the frame outlives it.
#include <cstdint>
#include <memory>

#include "core/signal.h"
#include "gui/background_task.h"

class wxWindow;

namespace comb::gui {

class Workbench;

class FileCheck {
public:
    FileCheck(wxWindow& parent, Workbench& workbench);
    FileCheck(const FileCheck&) = delete;
    FileCheck& operator=(const FileCheck&) = delete;

    // The running check, or nullptr.
    BackgroundTask* task() { return task_.get(); }

private:
    wxWindow& parent_;
    Workbench& wb_;
    std::unique_ptr<BackgroundTask> task_;
    std::uint64_t seq_ = 0;
    core::Subscription switched_;
};

}  // namespace comb::gui
