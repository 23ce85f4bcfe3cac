// SPDX-License-Identifier: GPL-3.0-or-later
#include "project.h"

#include <chrono>
#include <ctime>

#include "error.h"

namespace comb::core {

std::string utc_now_iso8601() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Project::Project(Repository& repo, std::function<std::string()> clock)
    : repo_(repo), clock_(clock ? std::move(clock) : utc_now_iso8601) {}

void Project::apply(const ChangeSet& changes) {
    for (const auto& c : changes.changes) {
        if (c.after) repo_.put(*c.after);
        else if (c.before) repo_.erase(*c.before);
    }
}

ChangeSet Project::execute(const Command& command) {
    auto tx = repo_.begin(command.label());
    ChangeSet changes = command.plan(repo_);
    if (changes.empty()) return changes;  // nothing to do, nothing to undo
    apply(changes);
    repo_.push_history({0, command.label(), clock_(), changes, true});
    repo_.bump_change_counter();
    tx->commit();
    changed_.publish({changes, ProjectChanged::Cause::command});
    return changes;
}

std::optional<std::string> Project::undo_label() const {
    const auto e = repo_.last_applied();
    return e ? std::optional(e->label) : std::nullopt;
}

std::optional<std::string> Project::redo_label() const {
    const auto e = repo_.first_undone();
    return e ? std::optional(e->label) : std::nullopt;
}

ChangeSet Project::undo() {
    auto tx = repo_.begin("undo");
    const auto entry = repo_.last_applied();
    if (!entry) throw InputError({}, "nothing to undo");
    const ChangeSet inverse = entry->changes.inverse();
    apply(inverse);
    repo_.set_applied(entry->seq, false);
    repo_.bump_change_counter();
    tx->commit();
    changed_.publish({inverse, ProjectChanged::Cause::undo});
    return inverse;
}

ChangeSet Project::redo() {
    auto tx = repo_.begin("redo");
    const auto entry = repo_.first_undone();
    if (!entry) throw InputError({}, "nothing to redo");
    apply(entry->changes);
    repo_.set_applied(entry->seq, true);
    repo_.bump_change_counter();
    tx->commit();
    changed_.publish({entry->changes, ProjectChanged::Cause::redo});
    return entry->changes;
}

}  // namespace comb::core
