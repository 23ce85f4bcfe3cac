// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_edits.h"

#include <algorithm>

#include "error.h"
#include "sha256.h"
#include "utf8.h"

namespace comb::core {

std::optional<Span> realign(Span span, Span range, std::int64_t inserted) {
    const auto a = span.start.value, b = span.end.value;
    const auto s = range.start.value, e = range.end.value;
    const auto delta = inserted - (e - s);
    const auto make = [](std::int64_t x, std::int64_t y) { return Span{CodePoint(x), CodePoint(y)}; };
    if (s == e) {  // an insertion: inside the span it grows, at or before its start it moves it
        if (s <= a) return make(a + inserted, b + inserted);
        if (s < b) return make(a, b + inserted);
        return span;
    }
    if (b <= s) return span;
    if (a >= e) return make(a + delta, b + delta);
    if (a == s && b == e) {
        if (inserted == 0) return std::nullopt;
        return make(s, s + inserted);  // exactly the replaced words: now on their replacement
    }
    if (a >= s && b <= e) return std::nullopt;  // all of its text deleted
    if (a <= s && e <= b) return make(a, b + delta);  // the edit is inside the span
    if (a < s) return make(a, s);  // its end was cut
    return make(s + inserted, b + delta);  // its start was cut
}

std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
    const utf8::OffsetMap map(text);
    std::string out;
    out.reserve(text.size());
    std::int64_t at = 0;
    for (const auto& ed : edits) {
        const auto s = ed.range.start.value, e = ed.range.end.value;
        if (s < at || e < s || e > map.length()) {
            throw InputError::argument("edit " + std::to_string(s) + "-" + std::to_string(e) +
                                                 " is not inside the text (0-" + std::to_string(map.length()) +
                                                 ") or overlaps another edit");
        }
        if (utf8::first_invalid(ed.text)) throw InputError::argument("the new text is not valid UTF-8");
        out.append(text.substr(map.byte_offset(CodePoint(at)), map.byte_offset(CodePoint(s)) - map.byte_offset(CodePoint(at))));
        out += ed.text;
        at = e;
    }
    out.append(text.substr(map.byte_offset(CodePoint(at))));
    return out;
}

namespace {

// Applies the edits from the last to the first, so each one's range is still in the
// coordinates it was given in.
std::optional<Span> realign_all(Span span, const std::vector<TextEdit>& edits,
                                const std::vector<std::int64_t>& lengths) {
    std::optional<Span> out = span;
    for (std::size_t i = edits.size(); i-- > 0 && out;) out = realign(*out, edits[i].range, lengths[i]);
    return out;
}

std::vector<std::int64_t> inserted_lengths(const std::vector<TextEdit>& edits) {
    std::vector<std::int64_t> out;
    for (const auto& e : edits) out.push_back(utf8::length(e.text));
    return out;
}

}  // namespace

Document realigned_document(const Document& doc, const std::vector<TextEdit>& edits, std::string_view new_text,
                            TextId text_id) {
    const auto lengths = inserted_lengths(edits);
    Document d = doc;
    d.text_id = text_id;
    d.chars = utf8::length(new_text);
    // Imports hash the file they read; an edited document is hashed by its text, so a copy of
    // it elsewhere no longer has the same hash and a merge reports that the texts differ.
    d.metadata["hash"] = sha256_hex(new_text);
    d.paragraphs.clear();
    for (const auto& p : doc.paragraphs) {
        if (auto r = realign_all(p, edits, lengths)) d.paragraphs.push_back(*r);
    }
    d.turns.clear();
    for (const auto& t : doc.turns) {
        const auto span = realign_all(t.span, edits, lengths);
        if (!span) continue;  // the whole turn was deleted
        Turn nt = t;
        nt.span = *span;
        const auto body = realign_all(t.body, edits, lengths);
        nt.body = body ? *body : Span{span->end, span->end};
        d.turns.push_back(nt);
    }
    return d;
}

std::vector<Coding> plan_text_edits(Repository& repo, const Document& doc, const std::vector<TextEdit>& edits,
                                    ChangeSet& changes) {
    const std::string old_text = repo.text(doc.text_id);
    const std::string new_text = apply_edits(old_text, edits);
    const auto lengths = inserted_lengths(edits);
    const TextId text_id = repo.add_text(new_text, sha256_hex(new_text));
    changes.update(doc, realigned_document(doc, edits, new_text, text_id));
    std::vector<Coding> removed;
    const auto memos = repo.memos();
    for (const auto& c : repo.codings_of_document(doc.id)) {
        const auto span = realign_all(c.span, edits, lengths);
        if (!span) {
            for (const auto& m : memos) {
                if (m.target == MemoTarget::coding && m.target_id == c.id.value) changes.erase(m);
            }
            changes.erase(c);
            removed.push_back(c);
        } else if (*span != c.span) {
            Coding after = c;
            after.span = *span;
            changes.update(c, after);
        }
    }
    return removed;
}

}  // namespace comb::core
