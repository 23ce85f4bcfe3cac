// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live_updates.h"

namespace comb::gui {

LiveUpdates::LiveUpdates(Workbench& workbench, Hooks hooks) : wb_(workbench), hooks_(std::move(hooks)), timer_(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        notice_.clear();
        check_presence(true);
        if (!wb_.is_open()) return;
        changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
            using Cause = core::ProjectChanged::Cause;
            if (e.cause != Cause::external && e.cause != Cause::reload) return;
            notice_ = describe(e);
            if (hooks_.notice) hooks_.notice(notice_);
        });
    });
    timer_.Start(kIntervalMs);
}

LiveUpdates::~LiveUpdates() { timer_.Stop(); }

std::size_t LiveUpdates::tick() {
    if (!wb_.is_open() || (hooks_.hold && hooks_.hold())) return 0;
    const auto published = wb_.catch_up();
    if (++ticks_ % kPresenceTicks == 0) check_presence(false);
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
