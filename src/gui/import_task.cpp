// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/import_task.h"

#include <wx/window.h>

#include "core/error.h"
#include "import/registry.h"

namespace comb::gui {

ImportTask::ImportTask(wxWindow& window, Workbench& workbench, std::vector<std::filesystem::path> files,
                       std::function<void(std::size_t)> done, Confirm confirm)
    : wb_(workbench), done_(std::move(done)), confirm_(std::move(confirm)) {
    importers::BatchRequest request;
    request.paths = std::move(files);
    request.project = wb_.path();
    request.keep_going = true;  // unreadable files are listed and the user decides (finish)
    auto job = [this, request = std::move(request)](core::Progress& progress) {
        batch_ = importers::read_batch(request, progress);
    };
    task_ = std::make_unique<BackgroundTask>(window, TaskSpec{"Importing documents", "Reading the files to import\u2026", 0},
                                             std::move(job), [this](const TaskOutcome& o) { finish(o); });
}

ImportTask::~ImportTask() = default;

std::size_t ImportTask::commit() {
    // Parts of a batch are projects merged one by one (transcripts are one part): stop at the
    // first that fails; the error is reported and what it would have changed is unchanged.
    for (const auto& command : batch_.commands) {
        if (!wb_.run(*command)) return 0;
    }
    if (!batch_.warnings.empty()) {
        std::string all = "Imported with " + std::to_string(batch_.warnings.size()) +
                          (batch_.warnings.size() == 1 ? " warning:" : " warnings:");
        for (const auto& w : batch_.warnings) all += "\n  " + w;
        wb_.report_error(all);
    }
    return batch_.documents;
}

void ImportTask::finish(const TaskOutcome& task) {
    std::size_t imported = 0;
    if (task.cancelled) {
        wb_.report_error("Import cancelled; nothing was imported.");
    } else if (!task.ok) {
        // read_batch's message names the file or folder (a mixed batch: every project).
        wb_.report_error(task.error);
    } else if (!batch_.failed.empty() && batch_.commands.empty()) {
        std::string all = "No file could be read; nothing was imported:";
        for (const auto& e : batch_.failed) all += "\n  " + e;
        wb_.report_error(all);
    } else if (!batch_.failed.empty()) {
        const auto good = batch_.documents;
        std::string all = std::to_string(batch_.failed.size()) + " of " + std::to_string(batch_.files) + " files could not be read:";
        for (const auto& e : batch_.failed) all += "\n  " + e;
        all += "\n\nImport the other " + std::to_string(good) + (good == 1 ? " file" : " files") + " (one undoable step)?";
        if (confirm_ && confirm_(all)) imported = commit();
    } else {
        imported = commit();
    }
    // `done_` may destroy this task (deferred); nothing may touch members after it.
    auto done = std::move(done_);
    if (done) done(imported);
}

std::string import_wildcard() {
    std::string transcripts;
    for (const auto& ext : importers::supported_extensions()) transcripts += (transcripts.empty() ? "*" : ";*") + ext;
    std::string out = "Transcripts|" + transcripts;
    for (const auto& f : importers::project_formats()) out += "|" + f.label + "|*" + f.extension;
    return out + "|All files|*";
}

}  // namespace comb::gui
