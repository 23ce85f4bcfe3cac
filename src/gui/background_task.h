// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// BackgroundTask: runs one job (`void(core::Progress&)`) on a worker thread while the window
// stays responsive. A progress dialog (app-modal, Cancel, elapsed time) appears once the job
// has run for `show_after_ms`, so quick jobs do not flash one. The worker publishes progress
// in atomics that a timer on the main thread reads, so a chatty job cannot flood the event
// queue. Cancel (or cancel()) makes Progress::cancelled() true; the job then throws
// core::Cancelled. When the job ends, `done` runs on the main thread with the outcome.
//
// The job must not touch the GUI's objects: it reads the project through its own connection
// (open_worker_project) and hands results back through what it captured.
// `done` must not destroy the task itself (it runs in the task's timer); defer with CallAfter.
// The destructor asks the job to stop and joins the worker.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/progress.h"
#include "store/project_file.h"
#include "store_pg/open_store.h"

class wxWindow;
class wxProgressDialog;

namespace comb::gui {

struct TaskSpec {
    std::string title;      // "Exporting theme table"
    std::string message;    // first line of the dialog: "Building the search index (missing)…"
    int show_after_ms = 0;  // the dialog appears only if the job is still running then
};

struct TaskOutcome {
    bool ok = false;
    bool cancelled = false;
    std::string error;  // what a failed job threw; empty when ok or cancelled
};

// A second connection to a project the GUI has open, for a worker thread.
// Throws core::InputError as store::ProjectFile::open.
std::unique_ptr<core::Repository> open_worker_project(const std::filesystem::path& path);

class BackgroundTask {
public:
    using Job = std::function<void(core::Progress&)>;
    using Done = std::function<void(const TaskOutcome&)>;

    BackgroundTask(wxWindow& parent, TaskSpec spec, Job job, Done done);
    ~BackgroundTask();
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    // As the dialog's Cancel button: the job stops at its next check.
    void cancel() { state_.cancel = true; }
    // True until `done` has run.
    bool running() const { return !reported_; }
    bool dialog_shown() const { return dialog_ != nullptr; }

private:
    // What the worker and the main thread share; written by the worker, read by the timer.
    struct State final : core::Progress {
        void start(const std::string& what, std::int64_t total) override;
        void advance(std::int64_t n) override { done = n; }
        void finish() override {}
        bool cancelled() const override { return cancel; }
        std::string stage_text() const;

        std::atomic<bool> cancel{false};
        std::atomic<bool> finished{false};  // the outcome is written; set last, by the worker
        std::atomic<std::int64_t> done{0};
        std::atomic<std::int64_t> total{0};
        mutable std::mutex mutex;
        std::string stage;  // guarded by mutex
        TaskOutcome outcome;  // written by the worker before `finished`
    };
    class Ticker;

    void run();
    void tick();
    void show_dialog();
    void update_dialog();

    wxWindow& parent_;
    TaskSpec spec_;
    Job job_;
    Done done_;
    State state_;
    std::chrono::steady_clock::time_point started_;
    std::unique_ptr<wxProgressDialog> dialog_;
    std::unique_ptr<Ticker> ticker_;
    std::string shown_;  // the dialog's message as last set
    bool ticking_ = false;
    bool reported_ = false;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace comb::gui
