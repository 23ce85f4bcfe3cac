#pragma once
// ImportTask: reads transcript files on a worker thread (importers::read_file, as the CLI's
// import does) while a progress dialog with Cancel keeps the window responsive; the commit
// (one core::ImportDocuments command) happens on the main thread. Per-file errors are
// reported once, and then nothing is imported.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <wx/progdlg.h>

#include "core/commands/import_documents.h"
#include "gui/workbench.h"

class wxWindow;

namespace comb::gui {

struct ImportOutcome {
    std::vector<core::NewDocument> documents;
    std::vector<std::string> errors;
    bool cancelled = false;
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
    void progress(std::size_t done, const std::string& name);
    void finish(std::shared_ptr<ImportOutcome> outcome);

    wxWindow& window_;
    Workbench& wb_;
    std::size_t total_;
    std::function<void(std::size_t)> done_;
    std::unique_ptr<wxProgressDialog> dialog_;
    std::atomic<bool> cancel_{false};
    std::thread worker_;
};

}  // namespace comb::gui
