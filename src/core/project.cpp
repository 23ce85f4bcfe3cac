// SPDX-License-Identifier: GPL-3.0-or-later
#include "project.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "error.h"
#include "identity.h"

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
    : Project(repo, resolve_coder(), std::move(clock)) {}

Project::Project(Repository& repo, std::string coder, std::function<std::string()> clock)
    : repo_(repo), coder_(std::move(coder)), clock_(clock ? std::move(clock) : utc_now_iso8601),
      seen_version_(repo.data_version()), seen_counter_(repo.change_counter()), seen_seq_(repo.last_history_seq()) {}

void apply_changes(Repository& repo, ChangeSet& changes) {
    // Versions written earlier in this same change set, so a row updated twice checks the
    // version its first update wrote.
    std::map<std::string, std::int64_t> written;
    for (auto& c : changes.changes) {
        const std::string key = row_key(c.before ? *c.before : *c.after);
        const auto it = written.find(key);
        if (c.before && it != written.end()) set_version(*c.before, it->second);
        if (c.before && c.after) {
            set_version(*c.after, version_of(*c.before) + 1);
            repo.update(*c.before, *c.after);
        } else if (c.after) {
            if (version_of(*c.after) == 0) set_version(*c.after, 1);
            repo.insert(*c.after);
        } else if (c.before) {
            repo.erase(*c.before);
        }
        if (c.after) written[key] = version_of(*c.after);
    }
}

namespace {

// describe(row), with the names of an attribute value's case and attribute looked up.
std::string describe_in(const Repository& repo, const Row& row) {
    const auto* v = std::get_if<AttributeValue>(&row);
    if (!v) return describe(row);
    std::string attribute = std::to_string(v->attribute_id.value), case_name = std::to_string(v->case_id.value);
    for (const auto& a : repo.attributes()) if (a.id == v->attribute_id) attribute = "'" + a.name + "'";
    for (const auto& c : repo.cases()) if (c.id == v->case_id) case_name = "'" + c.name + "'";
    return "the value of " + attribute + " for case " + case_name;
}

}  // namespace

std::string who_changed(const Repository& repo, const Row& row, std::int64_t after_seq) {
    const auto e = repo.last_change_of(row, after_seq);
    if (!e) return describe_in(repo, row) + " was changed by someone else";
    std::string verb = "changed";
    Row described = row;
    const std::string key = row_key(row);
    for (const auto& c : e->changes.changes) {
        const Row& r = c.after ? *c.after : *c.before;
        if (row_key(r) != key) continue;
        verb = !c.after ? "deleted" : !c.before ? "created" : "changed";
        described = r;
    }
    return (e->who.empty() ? std::string("someone") : e->who) + " " + verb + " " + describe_in(repo, described) + " at " +
           e->time + " (" + e->label + ")";
}

namespace {

// New codings, memos and documents say who made them and when, whatever the front end.
void stamp(ChangeSet& changes, const std::string& coder, const std::string& now) {
    for (auto& c : changes.changes) {
        if (c.before || !c.after) continue;
        if (auto* coding = std::get_if<Coding>(&*c.after)) {
            if (coding->coder.empty()) coding->coder = coder;
            if (coding->created.empty()) coding->created = now;
        } else if (auto* memo = std::get_if<Memo>(&*c.after)) {
            if (memo->author.empty()) memo->author = coder;
            if (memo->created.empty()) memo->created = now;
        } else if (auto* doc = std::get_if<Document>(&*c.after)) {
            if (doc->created.empty()) doc->created = now;
        }
    }
}

}  // namespace

void Project::check_seen(const Command& command) const {
    for (const auto& s : command.seen()) {
        const auto now = repo_.find_row(s.key);
        if (now ? version_of(*now) == s.version : s.version == 0) continue;
        throw ConflictError("cannot do \"" + command.label() + "\": " + who_changed(repo_, now ? *now : s.key, 0) +
                            " since you saw it");
    }
}

ChangeSet Project::execute(const Command& command) {
    auto tx = repo_.begin(command.label());
    check_seen(command);
    ChangeSet changes = command.plan(repo_);
    if (changes.empty()) return changes;  // nothing to do, nothing to undo
    const std::string now = clock_();
    if (command.stamps_new_rows()) stamp(changes, coder_, now);
    apply_changes(repo_, changes);
    HistoryEntry entry;
    entry.label = command.label();
    entry.time = now;
    entry.changes = changes;
    entry.who = coder_;
    const auto seq_before = repo_.last_history_seq();
    const auto seq = repo_.append_history(entry);
    command.after_recorded(repo_, seq);
    repo_.bump_change_counter();
    note_own_action(seq_before, seq);
    tx->commit();
    changed_.publish({changes, ProjectChanged::Cause::command, {}, {}});
    return changes;
}

void Project::note_own_action(std::int64_t seq_before, std::int64_t seq) {
    // An own action counts itself as seen, so catch_up() sees only what others did. Its
    // history entry (if it appended one) is seen too, unless others appended entries this
    // Project has not caught up with yet: then it is remembered and skipped later.
    ++seen_counter_;
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
    // Each action bumps the counter once and appends one entry; when they do not add up (an
    // older Comb's undo that only flipped a flag, too many to replay), everything is read again.
    if (theirs.size() > kMaxCatchUp || static_cast<std::int64_t>(theirs.size()) != actions) {
        seen_seq_ = std::max(seen_seq_, repo_.last_history_seq());
        own_seqs_.clear();
        const ChangeSet none;
        changed_.publish({none, ProjectChanged::Cause::reload, {}, {}});
        return 1;
    }
    for (const auto& e : theirs) changed_.publish({e.changes, ProjectChanged::Cause::external, e.who, e.label});
    return theirs.size();
}

}  // namespace comb::core
