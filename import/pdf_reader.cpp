// SPDX-License-Identifier: GPL-3.0-or-later
// PDF (.pdf) through poppler-cpp: each page's text in reading order; page headers and footers
// (the same first or last line on most pages, digits ignored) and bare page numbers removed;
// lines joined into paragraphs (a blank line, a speaker label or a short line ending a
// sentence ends one), "word-" at a line end joined with a lower-case continuation. A PDF
// without any text is a scan: it is refused with a message, not imported empty.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "import/document_builder.h"
#include "import/readers.h"
#include "import/speaker_turns.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

using Page = std::vector<std::string>;  // trimmed lines; "" marks a blank line

// A line shorter than this share of the longest line, ending a sentence, ends its paragraph.
constexpr double kShortLine = 0.6;

void silence_poppler() {
    static std::once_flag once;
    // Poppler reports syntax trouble on stderr; a damaged PDF is reported by our own errors.
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8_of(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return valid_utf8(std::string_view(bytes.data(), bytes.size()));
}

std::string trim(std::string_view s) {
    const std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return {};
    return std::string(s.substr(a, s.find_last_not_of(" \t") - a + 1));
}

Page page_lines(const poppler::page& page) {
    const std::string text = clean_text(utf8_of(page.text(page.page_rect(), poppler::page::non_raw_non_physical_layout)));
    Page lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(trim(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

// Digits vary from page to page in headers ("Page 3"); compare lines without them.
std::string key(const std::string& line) {
    static const std::regex digits("[0-9]+");
    return std::regex_replace(line, digits, "#");
}

bool is_page_number(const std::string& line) {
    static const std::regex number(R"((page\s*)?#(\s*(of|/)\s*#)?|-\s*#\s*-)", std::regex::icase);
    return line.size() < 32 && std::regex_match(key(line), number);
}

// Index of the first (or last) non-blank line, or npos.
std::size_t edge(const Page& page, bool top) {
    for (std::size_t k = 0; k < page.size(); ++k) {
        const std::size_t i = top ? k : page.size() - 1 - k;
        if (!page[i].empty()) return i;
    }
    return std::string::npos;
}

// Removes the first/last lines repeated on at least half the pages, and page numbers.
void remove_running_lines(std::vector<Page>& pages) {
    if (pages.size() < 2) return;
    for (int round = 0; round < 2; ++round) {
        for (bool top : {true, false}) {
            std::map<std::string, std::size_t> seen;
            for (const Page& p : pages) {
                if (const std::size_t i = edge(p, top); i != std::string::npos) ++seen[key(p[i])];
            }
            for (Page& p : pages) {
                const std::size_t i = edge(p, top);
                if (i == std::string::npos) continue;
                if (seen[key(p[i])] * 2 >= pages.size() && seen[key(p[i])] >= 2) p[i].clear();
                else if (is_page_number(p[i])) p[i].clear();
            }
        }
    }
}

bool ends_sentence(const std::string& line) {
    static const std::string_view enders[] = {".", "?", "!", ":", "\"", "\xE2\x80\x9D", ")", "\xE2\x80\xA6"};
    return std::any_of(std::begin(enders), std::end(enders), [&](std::string_view e) {
        return line.size() >= e.size() && line.compare(line.size() - e.size(), e.size(), e) == 0;
    });
}

// "inter-" + "view" -> "interview"; "well-" + "Known" stays hyphenated with no space.
void join_line(std::string& paragraph, const std::string& line) {
    if (paragraph.empty()) {
        paragraph = line;
        return;
    }
    const bool hyphen = paragraph.size() >= 2 && paragraph.back() == '-' &&
                        std::isalpha(static_cast<unsigned char>(paragraph[paragraph.size() - 2]));
    if (hyphen && std::islower(static_cast<unsigned char>(line.front()))) {
        paragraph.pop_back();
        paragraph += line;
    } else if (hyphen) {
        paragraph += line;
    } else {
        paragraph += ' ' + line;
    }
}

void build_paragraphs(const std::vector<Page>& pages, const SpeakerMatcher& matcher, DocumentBuilder& out) {
    std::int64_t longest = 0;
    for (const Page& p : pages) {
        for (const std::string& line : p) longest = std::max(longest, core::utf8::length(line));
    }
    std::string paragraph;
    auto flush = [&] {
        out.append(paragraph);
        out.end_paragraph();
        paragraph.clear();
    };
    std::string previous;
    for (const Page& p : pages) {
        for (const std::string& line : p) {
            if (line.empty()) {
                flush();
                previous.clear();
                continue;
            }
            const bool short_end = !previous.empty() && ends_sentence(previous) &&
                                   core::utf8::length(previous) < static_cast<std::int64_t>(kShortLine * double(longest));
            if (short_end || matcher.match(line)) flush();
            join_line(paragraph, line);
            previous = line;
        }
    }
    flush();
}

std::string iso_date(time_t t) {
    if (t <= 0) return {};
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

ImportedDocument read_pdf(const SourceFile& file, const ReadOptions& options) {
    const core::SourcePos where{file.path, {}, {}, {}};
    if (file.bytes.substr(0, 1024).find("%PDF-") == std::string::npos) throw core::InputError(where, "not a PDF file");
    if (file.bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw core::InputError(where, "file too large");
    }
    silence_poppler();
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(file.bytes.data(), static_cast<int>(file.bytes.size())));
    if (!pdf) throw core::InputError(where, "corrupt PDF (cannot be opened)");
    if (pdf->is_locked()) throw core::InputError(where, "encrypted PDF (needs a password)");

    std::vector<Page> pages;
    for (int i = 0; i < pdf->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(pdf->create_page(i));
        pages.push_back(page ? page_lines(*page) : Page{});
    }
    const bool has_text = std::any_of(pages.begin(), pages.end(), [](const Page& p) { return edge(p, true) != std::string::npos; });
    if (!has_text) throw core::InputError(where, "no text layer (scanned PDF?)");
    remove_running_lines(pages);

    const SpeakerMatcher matcher(options);
    DocumentBuilder out;
    build_paragraphs(pages, matcher, out);
    out.add_metadata("title", utf8_of(pdf->get_title()));
    out.add_metadata("author", utf8_of(pdf->get_author()));
    out.add_metadata("date", iso_date(pdf->get_creation_date_t()));
    out.add_metadata("pages", std::to_string(pdf->pages()));
    return out.finish(options);
}

}  // namespace comb::importers
