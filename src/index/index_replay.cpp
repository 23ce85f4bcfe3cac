// SPDX-License-Identifier: GPL-3.0-or-later
// PassageIndex::replay: catching a local index up from the project's change log (the history),
// as a shared project's clients do when others changed it since their last call.
#include "index/index_impl.h"

namespace comb::index {

std::optional<std::string> PassageIndex::replay(const core::Repository& repo, std::size_t max_entries) {
    if (impl_->broken) return impl_->broken;
    if (!impl_->writable) return "stale";  // another process holds it; it is that one's to update
    std::int64_t stamp = 0, seq = 0;
    try {
        if (impl_->metadata(meta::kLanguage) != language_of(repo)) return "language changed";
        const auto seq_text = impl_->metadata(meta::kSeq);
        if (seq_text.empty()) return "stale";  // built before the stamp named its history entry
        stamp = std::stoll(impl_->metadata(meta::kStamp));
        seq = std::stoll(seq_text);
    } catch (const Xapian::Error& e) {
        return "corrupt: " + e.get_description();
    } catch (const std::exception&) {
        return "stale";
    }
    const auto counter = repo.change_counter();
    if (counter == stamp) return std::nullopt;
    const auto behind = counter - stamp;
    if (behind < 0 || static_cast<std::size_t>(behind) > max_entries) return "stale";
    // Every change since the stamp is one entry (one command, undo or redo bumps the counter
    // once); one more than that means someone committed meanwhile, fewer or a gap in the seqs
    // that the log was trimmed: either way the entries do not say what changed, so rebuild.
    const auto entries = repo.history_after(seq, static_cast<std::size_t>(behind) + 1);
    if (static_cast<std::int64_t>(entries.size()) != behind) return "stale";
    core::ChangeSet all;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].seq != seq + static_cast<std::int64_t>(i) + 1) return "stale";
        const auto& c = entries[i].changes.changes;
        all.changes.insert(all.changes.end(), c.begin(), c.end());
    }
    // The passages are read as they are now, so one re-index covers every entry.
    return update_from(repo, all, stamp, counter, entries.back().seq);
}

}  // namespace comb::index
