// SPDX-License-Identifier: GPL-3.0-or-later
#include "pseudonyms.h"

#include <set>

#include "error.h"
#include "sha256.h"
#include "utf8.h"

namespace comb::core {

namespace {
// U+E000 in UTF-8.
constexpr std::string_view kMaskOpenUtf8 = "\xEE\x80\x80";
// Set once originals have been scrubbed from the project (masks may exist from then on).
constexpr std::string_view kScrubbedSetting = "pseudonymisation.scrubbed";
}  // namespace

bool has_mask(std::string_view text) { return text.find(kMaskOpenUtf8) != std::string_view::npos; }

std::string NameMatcher::replace(std::string_view text, bool masked) const {
    const auto e = edits(text, masked);
    return e.empty() ? std::string(text) : apply_edits(text, e);
}

void for_each_text(Row& row, const std::function<void(std::string&)>& fn) {
    std::visit([&](auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
            fn(r.name);
            for (auto& [k, v] : r.metadata) fn(v);
            for (auto& t : r.turns) fn(t.speaker);
        } else if constexpr (std::is_same_v<T, Case>) {
            fn(r.name);
            fn(r.description);
        } else if constexpr (std::is_same_v<T, Attribute>) {
            fn(r.name);
            for (auto& c : r.choices) fn(c);
        } else if constexpr (std::is_same_v<T, AttributeValue>) {
            fn(r.value);
        } else if constexpr (std::is_same_v<T, Code>) {
            for (auto* s : {&r.name, &r.definition, &r.inclusion, &r.exclusion, &r.example}) fn(*s);
        } else if constexpr (std::is_same_v<T, Memo>) {
            fn(r.title);
            fn(r.text);
        } else if constexpr (std::is_same_v<T, Theme>) {
            fn(r.name);
            fn(r.description);
        }
    }, row);
}

bool needs_key(const ChangeSet& changes, const Repository& repo) {
    // Texts are read only in a project that was ever scrubbed: undoing a bulk import must not
    // read every transcript.
    const bool scrubbed = repo.setting(kScrubbedSetting).has_value();
    for (const auto& c : changes.changes) {
        for (const auto* opt : {&c.before, &c.after}) {
            if (!*opt) continue;
            Row row = **opt;
            bool masked = false;
            for_each_text(row, [&](std::string& s) { masked = masked || has_mask(s); });
            if (masked) return true;
            if (const auto* d = std::get_if<Document>(&row); d && scrubbed && has_mask(repo.text(d->text_id))) return true;
        }
    }
    return false;
}

void scrub_originals(Repository& repo, const NameMatcher& key) {
    repo.set_setting(kScrubbedSetting, "yes");
    repo.rewrite_texts([&](std::string_view content) -> std::optional<std::string> {
        const auto e = key.edits(content, true);
        if (e.empty()) return std::nullopt;
        return apply_edits(content, e);
    });
    repo.rewrite_history([&](HistoryEntry& entry) {
        entry.label = key.replace(entry.label, false);
        for (auto& c : entry.changes.changes) {
            for (auto* opt : {&c.before, &c.after}) {
                if (*opt) for_each_text(**opt, [&](std::string& s) { s = key.replace(s, true); });
            }
        }
    });
}

void unmask_changes(Repository& repo, ChangeSet& changes, const NameMatcher& key) {
    std::set<TextId> texts;
    for (auto& c : changes.changes) {
        for (auto* opt : {&c.before, &c.after}) {
            if (!*opt) continue;
            for_each_text(**opt, [&](std::string& s) { if (has_mask(s)) s = key.unmask(s); });
            if (const auto* d = std::get_if<Document>(&**opt)) texts.insert(d->text_id);
        }
    }
    if (texts.empty()) return;
    // The old text versions the documents go back to: given back in place, so the document
    // rows in the history stay valid.
    repo.rewrite_texts([&](std::string_view content) -> std::optional<std::string> {
        if (!has_mask(content)) return std::nullopt;
        return key.unmask(content);
    }, texts);
}

std::string pseudonymisation_mark(std::int64_t seq) { return "pseudonymisation." + std::to_string(seq); }

}  // namespace comb::core

namespace comb::core {

void Repository::rewrite_texts(const std::function<std::optional<std::string>(std::string_view)>&,
                               const std::optional<std::set<TextId>>&) {
    throw StoreError("rewrite texts", "this store cannot rewrite texts (needed to pseudonymise)");
}

void Repository::rewrite_history(const std::function<void(HistoryEntry&)>&) {
    throw StoreError("rewrite history", "this store cannot rewrite its history (needed to pseudonymise)");
}

}  // namespace comb::core
