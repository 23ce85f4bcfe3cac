// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live_updates.h"

namespace comb::gui {

LiveUpdates::LiveUpdates(Workbench& workbench, Hooks hooks)
    : wb_(workbench), hooks_(std::move(hooks)), timer_(this), presence_(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent& e) {
        if (e.GetTimer().GetId() == presence_.GetId()) check_presence(false);
        else tick();
    });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) { switched(); });
    timer_.Start(kIntervalMs);
    presence_.Start(kIntervalMs * kPresenceTicks);
}

LiveUpdates::~LiveUpdates() {
    listener_.reset();  // joined before the handler its events are queued to goes away
    timer_.Stop();
    presence_.Stop();
}

void LiveUpdates::switched() {
    changed_.reset();
    notice_.clear();
    listener_.reset();  // the old project's thread, joined at once (its queued events are dropped)
    listening_ = false;
    ++generation_;
    check_presence(true);
    if (!wb_.is_open()) return;
    changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
        using Cause = core::ProjectChanged::Cause;
        if (e.cause != Cause::external && e.cause != Cause::reload) return;
        notice_ = describe(e);
        if (hooks_.notice) hooks_.notice(notice_);
    });
    if (!wb_.is_shared()) {
        if (!timer_.IsRunning()) timer_.Start(kIntervalMs);
        return;
    }
    // A shared project: the listener thread tells the window when to catch up. The timer keeps
    // going until the thread says it is listening (it connects on its own thread).
    const auto generation = generation_;
    listener_ = std::make_unique<ChangeListener>(wb_.path().string(), [this, generation](ChangeListener::Event e) {
        CallAfter([this, generation, e = std::move(e)] { on_listener(generation, e); });
    });
}

void LiveUpdates::on_listener(std::uint64_t generation, const ChangeListener::Event& event) {
    if (generation != generation_ || !wb_.is_open()) return;
    using Kind = ChangeListener::Event::Kind;
    switch (event.kind) {
    case Kind::connected:
        // Listening: what was committed before LISTEN took effect is caught up now.
        listening_ = true;
        timer_.Stop();
        tick();
        break;
    case Kind::heard:
        ++heard_;
        tick();
        break;
    case Kind::lost:
        // The timer's catch-up notices the server is away (the status bar says so) and, when
        // it is back, catches up; the listener connects again by itself meanwhile.
        listening_ = false;
        if (!timer_.IsRunning()) timer_.Start(kIntervalMs);
        tick();
        break;
    }
}

std::size_t LiveUpdates::tick() {
    if (!wb_.is_open()) return 0;
    if (hooks_.hold && hooks_.hold()) {
        // Listening, nothing else would ask again: the timer catches up once the edit ends.
        if (listening_ && !timer_.IsRunning()) timer_.Start(kIntervalMs);
        return 0;
    }
    const auto published = wb_.catch_up();
    if (listening_ && timer_.IsRunning() && !wb_.connection_lost()) timer_.Stop();
    return published;
}

void LiveUpdates::check_presence(bool now) {
    auto present = wb_.is_open() ? wb_.others_present() : std::vector<std::string>{};
    if (!now && present == present_) return;
    present_ = std::move(present);
    if (hooks_.present) hooks_.present(present_);
}

std::string LiveUpdates::describe(const core::ProjectChanged& event) {
    if (event.cause == core::ProjectChanged::Cause::reload) {
        return "Changed in another window or by comb: every view was read again";
    }
    return (event.who.empty() ? std::string("Someone else") : event.who) + ": " + event.label;
}

}  // namespace comb::gui
