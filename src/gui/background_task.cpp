// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/background_task.h"

#include <algorithm>

#include <wx/progdlg.h>
#include <wx/timer.h>
#include <wx/window.h>

#include "core/error.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

constexpr int kTickMs = 50;      // how often the main thread looks at the worker
constexpr int kDialogRange = 1000;  // the dialog counts in thousandths of the stage

}  // namespace

std::unique_ptr<core::Repository> open_worker_project(const std::filesystem::path& path) {
    // A connection of the worker's own: SQLite connections are not shared across threads,
    // and WAL lets this one read while the GUI's holds the file. ProjectFile::open writes
    // nothing here: the GUI's open already set WAL (a no-op now) and migrated the schema
    // (migrate() returns at once on a current version); foreign_keys and synchronous are
    // per-connection settings. Its one heavy step is PRAGMA quick_check, a read of every
    // page: redundant after the GUI's own check, but read-only and on the worker.
    // A server project (postgresql://): a connection of the worker's own as well.
    return store::open_store(path.string());
}

class BackgroundTask::Ticker final : public wxTimer {
public:
    explicit Ticker(BackgroundTask& task) : task_(task) {}
    void Notify() override { task_.tick(); }

private:
    BackgroundTask& task_;
};

void BackgroundTask::State::start(const std::string& what, std::int64_t n) {
    {
        std::lock_guard lock(mutex);
        stage = what;
    }
    total = n;
    done = 0;
}

std::string BackgroundTask::State::stage_text() const {
    std::lock_guard lock(mutex);
    return stage;
}

BackgroundTask::BackgroundTask(wxWindow& parent, TaskSpec spec, Job job, Done done)
    : parent_(parent), spec_(std::move(spec)), job_(std::move(job)), done_(std::move(done)),
      started_(std::chrono::steady_clock::now()), ticker_(std::make_unique<Ticker>(*this)) {
    if (spec_.show_after_ms <= 0) show_dialog();
    ticker_->Start(kTickMs);
    worker_ = std::thread([this] { run(); });
}

BackgroundTask::~BackgroundTask() {
    ticker_->Stop();
    state_.cancel = true;
    if (worker_.joinable()) worker_.join();
    dialog_.reset();
}

void BackgroundTask::run() {
    TaskOutcome outcome;
    try {
        job_(state_);
        outcome.ok = true;
    } catch (const core::Cancelled&) {
        outcome.cancelled = true;
    } catch (const core::Error& e) {
        outcome.error = e.what();
    } catch (const std::exception& e) {
        outcome.error = std::string("internal error: ") + e.what();
    }
    state_.outcome = std::move(outcome);
    state_.finished = true;
}

void BackgroundTask::tick() {
    // The dialog's Update runs a nested event loop, which may deliver this timer again.
    if (ticking_ || reported_) return;
    ticking_ = true;
    if (state_.finished) {
        ticker_->Stop();
        worker_.join();
        dialog_.reset();
        reported_ = true;
        ticking_ = false;
        // `done` may defer the destruction of this task; it must be the last thing here.
        if (done_) done_(state_.outcome);
        return;
    }
    const auto ran = std::chrono::steady_clock::now() - started_;
    if (!dialog_ && ran >= std::chrono::milliseconds(spec_.show_after_ms)) show_dialog();
    if (dialog_) update_dialog();
    ticking_ = false;
}

void BackgroundTask::show_dialog() {
    // Two lines from the start, so the dialog is laid out for the stage line below.
    const std::string first = spec_.message.empty() ? "Working\u2026" : spec_.message;
    shown_ = first + "\n" + (state_.stage_text().empty() ? "Starting\u2026" : state_.stage_text());
    // Centred on the window, not on the pane that asked (the search pane is a corner of it).
    wxWindow* top = wxGetTopLevelParent(&parent_);
    dialog_ = std::make_unique<wxProgressDialog>(to_wx(spec_.title), to_wx(shown_), kDialogRange, top ? top : &parent_,
                                                 wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME);
    // Wide enough for a file path in the message without relayout on every stage.
    dialog_->SetMinSize(dialog_->FromDIP(wxSize(460, -1)));
    dialog_->Fit();
}

void BackgroundTask::update_dialog() {
    const std::int64_t total = state_.total;
    const std::int64_t done = state_.done;
    std::string stage = state_.stage_text();
    if (stage.empty()) stage = "Starting\u2026";
    if (state_.cancel) stage = "Cancelling\u2026";
    else if (total > 0) stage += " (" + std::to_string(std::min(done, total)) + " of " + std::to_string(total) + ")";
    const std::string message = (spec_.message.empty() ? "Working\u2026" : spec_.message) + "\n" + stage;
    const wxString text = message == shown_ ? wxString() : to_wx(message);
    shown_ = message;
    bool go_on = true;
    if (total > 0) {
        // Reaching the range would turn Cancel into Close and wait for the user; the dialog
        // closes when the job ends instead.
        const auto value = std::clamp<std::int64_t>(done * kDialogRange / total, 0, kDialogRange - 1);
        go_on = dialog_->Update(static_cast<int>(value), text);
    } else {
        go_on = dialog_->Pulse(text);
    }
    if (!go_on) state_.cancel = true;
}

}  // namespace comb::gui
