// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ImportTask: the GUI's run of the one import batch (importers::read_batch, as `comb import`):
// the files are read in parallel on a worker thread through a BackgroundTask (progress dialog
// with Cancel); the commits (one command per batch part, one undo step each) happen on the
// main thread. When some transcripts cannot be read, the user sees which and why, and is asked
// whether to import the others (one undoable command); the command line stays all or nothing.
// The documents' warnings are reported once after the import.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gui/background_task.h"
#include "gui/workbench.h"
#include "import/import_batch.h"

class wxWindow;

namespace comb::gui {

class ImportTask {
public:
    // Asks a yes/no question (the failures and "Import the other N?"); true imports them.
    using Confirm = std::function<bool(const std::string& message)>;
    // `done` runs on the main thread with the number of documents imported (0 on failure).
    ImportTask(wxWindow& window, Workbench& workbench, std::vector<std::filesystem::path> files,
               std::function<void(std::size_t)> done, Confirm confirm);
    ~ImportTask();  // joins the worker
    ImportTask(const ImportTask&) = delete;
    ImportTask& operator=(const ImportTask&) = delete;

private:
    void finish(const TaskOutcome& outcome);
    std::size_t commit();

    Workbench& wb_;
    std::function<void(std::size_t)> done_;
    Confirm confirm_;
    // Filled by the worker; read on the main thread only after it has finished.
    importers::Batch batch_;
    std::unique_ptr<BackgroundTask> task_;  // last: its destructor joins the worker first
};

// The File > Import dialog's file types, from the import registry: transcripts, then each
// project format (REFI-QDA project), then all files. wx wildcard syntax.
std::string import_wildcard();

}  // namespace comb::gui
