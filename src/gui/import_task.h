// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ImportTask: reads transcript files on a worker thread (importers::read_file, as the CLI's
// import does) through a BackgroundTask (progress dialog with Cancel); the commit
// (one core::ImportDocuments command) happens on the main thread. Per-file errors are
// reported once, and then nothing is imported.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/commands/import_documents.h"
#include "gui/background_task.h"
#include "gui/workbench.h"

class wxWindow;

namespace comb::gui {

struct ImportOutcome {
    std::vector<core::NewDocument> documents;
    std::vector<std::string> errors;
};

class ImportTask {
public:
    // `done` runs on the main thread with the number of documents imported (0 on failure).
    ImportTask(wxWindow& window, Workbench& workbench, std::vector<std::filesystem::path> files,
               std::function<void(std::size_t)> done);
    ~ImportTask();  // joins the worker
    ImportTask(const ImportTask&) = delete;
    ImportTask& operator=(const ImportTask&) = delete;

    // Reads one file as an import does (for tests and the worker).
    static core::NewDocument read(const std::filesystem::path& file);

private:
    void finish(const TaskOutcome& outcome);

    Workbench& wb_;
    std::size_t total_;
    std::function<void(std::size_t)> done_;
    // Filled by the worker; read on the main thread only after it has finished.
    ImportOutcome outcome_;
    std::unique_ptr<BackgroundTask> task_;  // last: its destructor joins the worker first
};

}  // namespace comb::gui
