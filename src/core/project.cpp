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
    command.after_recorded(repo_);
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

namespace {

// A step that holds pseudonymised originals is undone or redone only with the key, which
// gives the originals back first (docs/privacy.md).
void unmask_step(Repository& repo, ChangeSet& changes, const NameMatcher* key, const char* what) {
    if (!needs_key(changes, repo)) return;
    if (!key) {
        throw InputError({}, std::string("this step holds pseudonymised names: ") + what +
                                 " needs the pseudonymisation key (--key KEY.csv)");
    }
    unmask_changes(repo, changes, *key);
}

}  // namespace

ChangeSet Project::undo(const NameMatcher* key) {
    auto tx = repo_.begin("undo");
    const auto entry = repo_.last_applied();
    if (!entry) throw InputError({}, "nothing to undo");
    ChangeSet inverse = entry->changes.inverse();
    unmask_step(repo_, inverse, key, "undo");
    apply(inverse);
    repo_.set_applied(entry->seq, false);
    repo_.bump_change_counter();
    tx->commit();
    changed_.publish({inverse, ProjectChanged::Cause::undo});
    return inverse;
}

ChangeSet Project::redo(const NameMatcher* key) {
    auto tx = repo_.begin("redo");
    auto entry = repo_.first_undone();
    if (!entry) throw InputError({}, "nothing to redo");
    const auto mark = repo_.setting(pseudonymisation_mark(entry->seq));
    if (mark == "scrubbed" && !key) {
        throw InputError({}, "redoing a pseudonymisation needs its key (--key KEY.csv), to scrub the names again");
    }
    unmask_step(repo_, entry->changes, key, "redo");
    apply(entry->changes);
    repo_.set_applied(entry->seq, true);
    if (mark == "scrubbed") scrub_originals(repo_, *key);
    repo_.bump_change_counter();
    tx->commit();
    changed_.publish({entry->changes, ProjectChanged::Cause::redo});
    return entry->changes;
}

}  // namespace comb::core
