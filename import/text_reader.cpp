// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text and Markdown (.txt, .md): any common encoding, one document. Paragraphs are
// blocks separated by blank lines; inside a block, a line that starts with a speaker label
// starts a new paragraph, and lines that are not hard-wrapped are paragraphs of their own
// (transcription services write one turn per line). Markdown is kept as written.
#include <cstdint>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "import/readers.h"
#include "import/speaker_turns.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

// Lines of hard-wrapped prose are at most this long; longer lines are paragraphs on their own.
constexpr std::int64_t kWrapWidth = 100;

struct Line {
    std::int64_t start = 0;  // code points, trimmed of spaces and tabs
    std::int64_t end = 0;
    bool blank = true;
    bool labelled = false;
};

std::vector<Line> lines_of(std::string_view text, const SpeakerMatcher& matcher) {
    std::vector<Line> lines;
    std::int64_t cp = 0;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(begin, end - begin);
        const std::size_t lead = std::min(raw.find_first_not_of(" \t"), raw.size());
        const std::size_t last = raw.find_last_not_of(" \t");
        Line line;
        line.start = cp + static_cast<std::int64_t>(lead);
        if (last != std::string_view::npos) {
            const std::string_view trimmed = raw.substr(lead, last + 1 - lead);
            line.end = line.start + core::utf8::length(trimmed);
            line.blank = false;
            line.labelled = matcher.match(trimmed).has_value();
        }
        lines.push_back(line);
        cp += core::utf8::length(raw) + 1;
        begin = end + 1;
    }
    return lines;
}

bool looks_wrapped(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
        if (lines[i].end - lines[i].start > kWrapWidth) return false;
    }
    return true;
}

// Lines [first, last] with no blank line and at most one label (on the first line).
void add_group(const std::vector<Line>& lines, std::size_t first, std::size_t last,
               std::vector<core::Span>& out) {
    if (first == last || looks_wrapped(lines, first, last)) {
        out.push_back({core::CodePoint(lines[first].start), core::CodePoint(lines[last].end)});
        return;
    }
    for (std::size_t i = first; i <= last; ++i) {
        out.push_back({core::CodePoint(lines[i].start), core::CodePoint(lines[i].end)});
    }
}

std::vector<core::Span> split_paragraphs(std::string_view text, const SpeakerMatcher& matcher) {
    const std::vector<Line> lines = lines_of(text, matcher);
    std::vector<core::Span> paragraphs;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].blank) {
            ++i;
            continue;
        }
        std::size_t group = i;
        std::size_t j = i + 1;
        for (; j < lines.size() && !lines[j].blank; ++j) {
            if (lines[j].labelled) {
                add_group(lines, group, j - 1, paragraphs);
                group = j;
            }
        }
        add_group(lines, group, j - 1, paragraphs);
        i = j;
    }
    return paragraphs;
}

}  // namespace

ImportedDocument read_text(const SourceFile& file, const ReadOptions& options) {
    const SpeakerMatcher matcher(options);
    DecodedText decoded = decode_text(file.bytes, file.path);
    std::size_t removed = 0;
    ImportedDocument doc;
    doc.text = to_nfc(clean_text(decoded.text, &removed));
    doc.paragraphs = split_paragraphs(doc.text, matcher);
    doc.turns = detect_turns(doc.text, doc.paragraphs, matcher);
    doc.metadata["encoding"] = decoded.encoding;
    if (removed > 0) doc.warnings.push_back("removed " + std::to_string(removed) + " control characters");
    return doc;
}

}  // namespace comb::importers
