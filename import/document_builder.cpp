// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/document_builder.h"

#include <algorithm>

#include "core/utf8.h"
#include "import/speaker_turns.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string clean(std::string_view text) { return clean_text(valid_utf8(text)); }

}  // namespace

void DocumentBuilder::open_paragraph() {
    if (open_) return;
    if (!paragraphs_.empty()) text_ += '\n';
    current_ = Paragraph{};
    current_.start = text_.size();
    std::replace(anchors_.begin(), anchors_.end(), kPending, current_.start);
    open_ = true;
}

void DocumentBuilder::begin_paragraph() { open_paragraph(); }

void DocumentBuilder::append(std::string_view text) {
    std::string cleaned = clean(text);
    if (!open_) {
        const auto first = std::find_if_not(cleaned.begin(), cleaned.end(), is_blank);
        if (first == cleaned.end()) return;
        cleaned.erase(cleaned.begin(), first);
        open_paragraph();
    }
    text_ += cleaned;
}

void DocumentBuilder::end_paragraph() {
    if (!open_) return;
    open_ = false;
    while (text_.size() > current_.start && (text_.back() == ' ' || text_.back() == '\n')) text_.pop_back();
    const bool blank = std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(current_.start), text_.end(), is_blank);
    if (blank) {
        // Drop it with its separator; anchors inside move on to the next paragraph.
        for (std::size_t& a : anchors_) {
            if (a != kPending && a >= current_.start) a = kPending;
        }
        text_.resize(paragraphs_.empty() ? 0 : current_.start - 1);
        return;
    }
    current_.end = text_.size();
    for (std::size_t& a : anchors_) {
        if (a != kPending) a = std::min(a, current_.end);
    }
    if (current_.label_end) current_.label_end = std::min(*current_.label_end, current_.end);
    paragraphs_.push_back(std::move(current_));
}

void DocumentBuilder::mark_label(std::string speaker) {
    if (!open_) return;
    current_.label_end = text_.size();
    current_.speaker = std::move(speaker);
}

void DocumentBuilder::set_times(double start, double end) {
    open_paragraph();
    current_.time_start = start;
    current_.time_end = end;
}

DocumentBuilder::Anchor DocumentBuilder::anchor() {
    anchors_.push_back(open_ ? text_.size() : kPending);
    return anchors_.size() - 1;
}

void DocumentBuilder::add_memo(Anchor start, Anchor end, std::string author, std::string text) {
    memos_.push_back({start, end, std::move(author), std::move(text)});
}

void DocumentBuilder::add_metadata(const std::string& key, std::string value) {
    value = to_nfc(clean(value));
    value.erase(value.begin(), std::find_if_not(value.begin(), value.end(), is_blank));
    while (!value.empty() && is_blank(value.back())) value.pop_back();
    if (!value.empty()) metadata_[key] = std::move(value);
}

ImportedDocument DocumentBuilder::finish(const ReadOptions& options) {
    const SpeakerMatcher matcher(options);
    end_paragraph();
    std::replace(anchors_.begin(), anchors_.end(), kPending, text_.size());

    // Every recorded byte position goes through NFC together: paragraph starts, ends and label
    // ends first (three per paragraph), then the anchors.
    std::vector<std::size_t> offsets;
    for (const Paragraph& p : paragraphs_) {
        offsets.insert(offsets.end(), {p.start, p.end, p.label_end.value_or(p.start)});
    }
    offsets.insert(offsets.end(), anchors_.begin(), anchors_.end());
    ImportedDocument doc;
    doc.text = to_nfc(text_, &offsets);
    const core::utf8::OffsetMap map(doc.text);
    auto cp = [&](std::size_t byte) { return map.code_point(std::min(byte, doc.text.size())); };

    std::vector<std::optional<SpeakerLabel>> hints(paragraphs_.size());
    for (std::size_t i = 0; i < paragraphs_.size(); ++i) {
        const std::size_t start = offsets[3 * i], end = offsets[3 * i + 1], label_end = offsets[3 * i + 2];
        doc.paragraphs.push_back({cp(start), cp(end)});
        if (!paragraphs_[i].label_end) continue;
        std::size_t body = label_end;
        while (body < end && is_blank(doc.text[body])) ++body;
        hints[i] = SpeakerLabel{paragraphs_[i].speaker, body - start, true};
    }
    doc.turns = detect_turns(doc.text, doc.paragraphs, matcher, hints);
    for (ImportedTurn& turn : doc.turns) {
        const auto it = std::lower_bound(doc.paragraphs.begin(), doc.paragraphs.end(), turn.span.start,
                                         [](const core::Span& p, core::CodePoint c) { return p.start < c; });
        const Paragraph& source = paragraphs_[static_cast<std::size_t>(it - doc.paragraphs.begin())];
        turn.time_start = source.time_start;
        turn.time_end = source.time_end;
    }
    const std::size_t first_anchor = 3 * paragraphs_.size();
    for (const Memo& m : memos_) {
        const core::CodePoint a = cp(offsets[first_anchor + m.start]), b = cp(offsets[first_anchor + m.end]);
        doc.memos.push_back({core::Span{std::min(a, b), std::max(a, b)}, to_nfc(clean(m.author)), to_nfc(clean(m.text))});
    }
    doc.metadata = std::move(metadata_);
    doc.warnings = std::move(warnings_);
    return doc;
}

void BoldLabel::on_text(DocumentBuilder& out, bool bold, std::string_view piece) {
    constexpr std::int64_t kMaxLabelChars = 40;
    if (!open_) return;
    const bool blank = piece.find_first_not_of(" \t\n") == std::string_view::npos;
    if (!bold) {
        if (!blank) open_ = false;
        return;
    }
    bold_ += piece;
    const std::size_t last = bold_.find_last_not_of(" \t\n");
    const std::size_t first = bold_.find_first_not_of(" \t\n");
    if (last == std::string::npos || bold_[last] != ':' || last == first) {
        out.clear_label();
        return;
    }
    std::string name = bold_.substr(first, last - first);
    while (!name.empty() && is_blank(name.back())) name.pop_back();
    const bool valid = !name.empty() && !core::utf8::first_invalid(name) && name.find('\n') == std::string::npos &&
                       core::utf8::length(name) <= kMaxLabelChars;
    if (valid) {
        out.mark_label(std::move(name));
    } else {
        out.clear_label();
    }
}

void BoldLabel::end_paragraph(DocumentBuilder& out) {
    if (open_) out.clear_label();
    open_ = false;
}

}  // namespace comb::importers
