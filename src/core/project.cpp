#include "project.h"

#include <algorithm>
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
    : repo_(repo), clock_(clock ? std::move(clock) : utc_now_iso8601),
      seen_version_(repo.data_version()), seen_counter_(repo.change_counter()), seen_seq_(repo.last_history_seq()) {}

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
    const auto seq_before = repo_.last_history_seq();
    repo_.push_history({0, command.label(), clock_(), changes, true});
    repo_.bump_change_counter();
    note_own_action(seq_before);
    tx->commit();
    changed_.publish({changes, ProjectChanged::Cause::command, {}, {}});
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
    const auto seq_before = repo_.last_history_seq();
    repo_.set_applied(entry->seq, false);
    repo_.bump_change_counter();
    note_own_action(seq_before);
    tx->commit();
    changed_.publish({inverse, ProjectChanged::Cause::undo, {}, {}});
    return inverse;
}

ChangeSet Project::redo() {
    auto tx = repo_.begin("redo");
    const auto entry = repo_.first_undone();
    if (!entry) throw InputError({}, "nothing to redo");
    apply(entry->changes);
    const auto seq_before = repo_.last_history_seq();
    repo_.set_applied(entry->seq, true);
    repo_.bump_change_counter();
    note_own_action(seq_before);
    tx->commit();
    changed_.publish({entry->changes, ProjectChanged::Cause::redo, {}, {}});
    return entry->changes;
}

void Project::note_own_action(std::int64_t seq_before) {
    // An own action counts itself as seen, so catch_up() sees only what others did. Its
    // history entry (if it appended one) is seen too, unless others appended entries this
    // Project has not caught up with yet: then it is remembered and skipped later.
    ++seen_counter_;
    const auto seq = repo_.last_history_seq();
    if (seq == seq_before) return;
    if (seq_before == seen_seq_) seen_seq_ = seq;
    else own_seqs_.insert(seq);
}

std::size_t Project::catch_up() {
    const auto version = repo_.data_version();
    if (version == seen_version_) return 0;
    const auto counter = repo_.change_counter();
    const auto entries = repo_.history_after(seen_seq_, kMaxCatchUp + own_seqs_.size() + 1);
    seen_version_ = version;
    if (counter == seen_counter_) return 0;  // others wrote, but no project row changed
    std::vector<HistoryEntry> theirs;
    for (const auto& e : entries) {
        seen_seq_ = std::max(seen_seq_, e.seq);
        if (own_seqs_.erase(e.seq) == 0) theirs.push_back(e);
    }
    const auto actions = counter - seen_counter_;
    seen_counter_ = counter;
    // Each action bumps the counter once; when the entries do not add up (an undo that only
    // flipped a flag, history pruned, too many to replay), everything is read again.
    if (theirs.size() > kMaxCatchUp || static_cast<std::int64_t>(theirs.size()) != actions) {
        seen_seq_ = std::max(seen_seq_, repo_.last_history_seq());
        own_seqs_.clear();
        const ChangeSet none;
        changed_.publish({none, ProjectChanged::Cause::reload, {}, {}});
        return 1;
    }
    for (const auto& e : theirs) changed_.publish({e.changes, ProjectChanged::Cause::external, {}, e.label});
    return theirs.size();
}

}  // namespace comb::core
