// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds the text of a structured document (Word, ODF, HTML, RTF, PDF, subtitles) paragraph by
// paragraph. Paragraphs are joined by one LF, the way Word saves plain text, so a .docx and
// the .txt made from it import to the same text. Readers record positions (comment anchors,
// bold speaker labels) as they go; finish() normalises the whole text once (NFC) and maps
// every recorded position through it to code points.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/imported_document.h"
#include "import/registry.h"

namespace comb::importers {

class DocumentBuilder {
public:
    using Anchor = std::size_t;

    // Appends to the current paragraph, opening one at the first visible character (leading
    // whitespace of a paragraph is skipped). Invalid UTF-8 becomes U+FFFD, CR/CRLF become LF,
    // other control characters are dropped.
    void append(std::string_view text);
    // Opens a paragraph now, so leading tabs count (table rows with an empty first cell).
    void begin_paragraph();
    // Closes the current paragraph, trimming trailing spaces and line breaks. A paragraph with
    // no visible character is dropped.
    void end_paragraph();
    bool in_paragraph() const { return open_; }

    // The current paragraph's text so far is a speaker label (a bold "Name:" in Word, a
    // subtitle voice); following spaces are skipped when the body is computed.
    void mark_label(std::string speaker);
    // The current paragraph has no label from markup after all.
    void clear_label() { current_.label_end.reset(); }
    // Times of the current paragraph's turn, in seconds (subtitles).
    void set_times(double start, double end);

    // A position at the end of the text so far; outside a paragraph, the start of the next one.
    Anchor anchor();
    void add_memo(Anchor start, Anchor end, std::string author, std::string text);

    void add_metadata(const std::string& key, std::string value);
    void add_warning(std::string warning) { warnings_.push_back(std::move(warning)); }

    // Text, paragraphs, turns, memos, metadata. The builder is spent afterwards.
    // Throws core::InputError (a caller's speaker pattern is invalid).
    ImportedDocument finish(const ReadOptions& options);

private:
    struct Paragraph {
        std::size_t start = 0;  // bytes into text_
        std::size_t end = 0;
        std::optional<std::size_t> label_end;
        std::string speaker;
        std::optional<double> time_start, time_end;
    };
    struct Memo {
        Anchor start, end;
        std::string author, text;
    };
    static constexpr std::size_t kPending = static_cast<std::size_t>(-1);

    void open_paragraph();

    std::string text_;
    std::vector<Paragraph> paragraphs_;
    Paragraph current_;
    bool open_ = false;
    std::vector<std::size_t> anchors_;  // byte offsets into text_, or kPending
    std::vector<Memo> memos_;
    std::map<std::string, std::string> metadata_;
    std::vector<std::string> warnings_;
};

// Recognises "Name:" in bold at the start of a paragraph, followed by plain text, as a speaker
// label (Word, RTF and HTML transcripts mark speakers this way). Readers report each piece of
// text right after appending it; an all-bold paragraph is a heading, not a label.
class BoldLabel {
public:
    void start_paragraph() { open_ = true, bold_.clear(); }
    void on_text(DocumentBuilder& out, bool bold, std::string_view piece);
    // Call before out.end_paragraph().
    void end_paragraph(DocumentBuilder& out);

private:
    bool open_ = false;  // only bold (or blank) text seen so far in this paragraph
    std::string bold_;
};

}  // namespace comb::importers
