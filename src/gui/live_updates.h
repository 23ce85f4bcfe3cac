// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// LiveUpdates: keeps one window current while other processes and windows write its project
// (docs/concurrency.md). On a file, a timer asks the Workbench to catch up every kIntervalMs;
// on a shared project (postgresql://) a listener thread (ChangeListener) hears the server's
// NOTIFYs and the catch-up runs as each arrives, the timer serving only while the listener's
// connection is lost. Either way the views
// refresh themselves from the ProjectChanged events that publishes, exactly as for the
// window's own actions. The latest change by someone else goes to `notice` as "who: what";
// who else has the project open is read again every kPresenceTicks and `present` hears of
// it when it changed. While `hold()` says so (a name being edited in place) the window does
// not catch up, so the editor is not closed under the user's typing; it catches up after.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/event.h>
#include <wx/timer.h>

#include "core/project.h"
#include "gui/change_listener.h"
#include "gui/workbench.h"

namespace comb::gui {

class LiveUpdates : public wxEvtHandler {
public:
    static constexpr int kIntervalMs = 300;
    static constexpr int kPresenceTicks = 5;

    struct Hooks {
        std::function<void(const std::string&)> notice;
        std::function<void(const std::vector<std::string>&)> present;
        std::function<bool()> hold;
    };

    LiveUpdates(Workbench& workbench, Hooks hooks);
    ~LiveUpdates() override;
    LiveUpdates(const LiveUpdates&) = delete;
    LiveUpdates& operator=(const LiveUpdates&) = delete;

    // One check now (the timer's work; tests call it too). Returns the events published.
    std::size_t tick();
    // A shared project's listener thread is connected and hearing changes (the timer rests).
    bool listening() const { return listening_; }
    // The catch-up timer runs: a file, or a shared project whose listener lost its connection.
    bool polling() const { return timer_.IsRunning(); }
    // How many times the listener thread's word made the window catch up (for tests).
    std::size_t heard() const { return heard_; }
    // "Sam: Code passage as Time/No time" for the latest change someone else made, or empty.
    const std::string& last_notice() const { return notice_; }
    const std::vector<std::string>& present() const { return present_; }

    // The status line for a change made elsewhere.
    static std::string describe(const core::ProjectChanged& event);

private:
    void check_presence(bool now);
    void switched();
    void on_listener(std::uint64_t generation, const ChangeListener::Event& event);

    Workbench& wb_;
    Hooks hooks_;
    wxTimer timer_;     // catch-up: always on a file; on a server while the listener is lost
    wxTimer presence_;  // who else has the project open, every kPresenceTicks * kIntervalMs
    std::unique_ptr<ChangeListener> listener_;
    std::uint64_t generation_ = 0;  // events of a listener closed since are dropped
    bool listening_ = false;
    std::size_t heard_ = 0;
    std::string notice_;
    std::vector<std::string> present_;
    core::Subscription switched_, changed_;
};

}  // namespace comb::gui
