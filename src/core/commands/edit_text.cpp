// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit_text.h"

#include <algorithm>
#include <tuple>

#include "core/error.h"
#include "core/text_edits.h"
#include "core/utf8.h"

namespace comb::core {

std::string EditText::label() const {
    if (span_.empty()) return "Insert text";
    return text_.empty() ? "Delete text" : "Correct text";
}

ChangeSet EditText::plan(Repository& repo) const {
    const auto doc = repo.find_document(document_);
    if (!doc) throw InputError::argument("no document with id " + std::to_string(document_.value));
    if (span_.start.value < 0 || span_.end < span_.start || span_.end.value > doc->chars) {
        throw InputError::argument("span " + std::to_string(span_.start.value) + "-" +
                                             std::to_string(span_.end.value) + " is not inside \"" + doc->name +
                                             "\" (0-" + std::to_string(doc->chars) + ")");
    }
    if (utf8::first_invalid(text_)) throw InputError::argument("the new text is not valid UTF-8");
    const std::string old_text = repo.text(doc->text_id);
    if (utf8::slice(old_text, span_) == text_) {
        throw InputError::argument("the text at " + std::to_string(span_.start.value) + "-" +
                                             std::to_string(span_.end.value) + " is already \"" + text_ + "\"");
    }
    ChangeSet changes;
    plan_text_edits(repo, *doc, {TextEdit{span_, text_}}, changes);
    return changes;
}

std::vector<Coding> removed_codings(const ChangeSet& changes) {
    std::vector<Coding> out;
    for (const auto& c : changes.changes) {
        if (c.before && !c.after) {
            if (const auto* coding = std::get_if<Coding>(&*c.before)) out.push_back(*coding);
        }
    }
    std::sort(out.begin(), out.end(), [](const Coding& a, const Coding& b) {
        return std::tie(a.document, a.span, a.id) < std::tie(b.document, b.span, b.id);
    });
    return out;
}

}  // namespace comb::core
