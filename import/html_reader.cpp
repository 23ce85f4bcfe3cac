// SPDX-License-Identifier: GPL-3.0-or-later
// HTML (.html, .htm): text without markup. Block elements (p, div, h1-h6, li, ...) make
// paragraphs, <br> a line break, table rows one paragraph with cells joined by TAB, a bold
// "Name:" at a paragraph start a speaker label; script, style and comments are dropped;
// character references decoded; <title> and <meta name=author|date> become metadata.
// Real-world HTML is rarely well-formed, so this is a tolerant tokenizer, not an XML parse:
// it never rejects markup, and a DOCTYPE here is ordinary HTML, not an entity trick.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>

#include "import/document_builder.h"
#include "import/html_entities.h"
#include "import/readers.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

constexpr std::array<std::string_view, 38> kBlocks = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "address",
    "table", "thead", "tbody", "tfoot", "caption", "form", "fieldset", "hr", "body", "center", "details", "summary"};
// Elements whose content is not text: skipped up to their end tag.
constexpr std::array<std::string_view, 6> kRawSkipped = {"script", "style", "template", "noscript", "svg", "math"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

struct Tag {
    std::string name;  // lower case
    bool closing = false;
    std::map<std::string, std::string> attributes;  // lower-case names, decoded values
};

class HtmlWalker {
public:
    HtmlWalker(std::string_view html, DocumentBuilder& out) : html_(html), out_(out) { label_.start_paragraph(); }

    void run() {
        while (pos_ < html_.size()) {
            const std::size_t lt = html_.find('<', pos_);
            text(html_.substr(pos_, (lt == std::string_view::npos ? html_.size() : lt) - pos_));
            if (lt == std::string_view::npos) break;
            pos_ = lt;
            markup();
        }
        block();
    }

private:
    void markup() {
        if (html_.substr(pos_, 4) == "<!--") {
            const std::size_t end = html_.find("-->", pos_ + 4);
            pos_ = end == std::string_view::npos ? html_.size() : end + 3;
            return;
        }
        const char next = pos_ + 1 < html_.size() ? html_[pos_ + 1] : '\0';
        if (next == '!' || next == '?') {
            skip_past('>');
            return;
        }
        if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/') {
            text("<");  // a lone "<" in text
            ++pos_;
            return;
        }
        element(parse_tag());
    }

    void skip_past(char c) {
        const std::size_t end = html_.find(c, pos_);
        pos_ = end == std::string_view::npos ? html_.size() : end + 1;
    }

    Tag parse_tag() {
        Tag tag;
        ++pos_;  // '<'
        if (pos_ < html_.size() && html_[pos_] == '/') tag.closing = true, ++pos_;
        const std::size_t name_start = pos_;
        while (pos_ < html_.size() && (std::isalnum(static_cast<unsigned char>(html_[pos_])) || html_[pos_] == '-' || html_[pos_] == ':')) ++pos_;
        tag.name = lower(html_.substr(name_start, pos_ - name_start));
        while (pos_ < html_.size() && html_[pos_] != '>') {
            const char c = html_[pos_];
            if (std::isspace(static_cast<unsigned char>(c)) || c == '/') {
                ++pos_;
                continue;
            }
            attribute(tag);
        }
        if (pos_ < html_.size()) ++pos_;  // '>'
        return tag;
    }

    void attribute(Tag& tag) {
        const std::size_t start = pos_;
        while (pos_ < html_.size() && !std::isspace(static_cast<unsigned char>(html_[pos_])) && html_[pos_] != '=' &&
               html_[pos_] != '>' && html_[pos_] != '/') ++pos_;
        if (pos_ == start) {  // stray '=' or quote: step over it
            ++pos_;
            return;
        }
        std::string name = lower(html_.substr(start, pos_ - start));
        std::string value;
        if (pos_ < html_.size() && html_[pos_] == '=') {
            ++pos_;
            const char quote = pos_ < html_.size() ? html_[pos_] : '\0';
            if (quote == '"' || quote == '\'') {
                const std::size_t end = html_.find(quote, pos_ + 1);
                const std::size_t stop = end == std::string_view::npos ? html_.size() : end;
                value = html_.substr(pos_ + 1, stop - pos_ - 1);
                pos_ = std::min(stop + 1, html_.size());
            } else {
                const std::size_t v = pos_;
                while (pos_ < html_.size() && !std::isspace(static_cast<unsigned char>(html_[pos_])) && html_[pos_] != '>') ++pos_;
                value = html_.substr(v, pos_ - v);
            }
        }
        tag.attributes[name] = decode_html_entities(value);
    }

    // Content of a raw-text element up to its end tag (case-insensitive); pos_ moves past it.
    std::string_view raw_content(const std::string& name) {
        const std::string needle = "</" + name;
        const std::size_t start = pos_;
        std::size_t at = pos_;
        while (true) {
            at = html_.find("</", at);
            if (at == std::string_view::npos || lower(html_.substr(at, needle.size())) == needle) break;
            at += 2;
        }
        const std::size_t end = at == std::string_view::npos ? html_.size() : at;
        pos_ = end;
        if (at != std::string_view::npos) skip_past('>');
        return html_.substr(start, end - start);
    }

    void element(const Tag& tag) {
        if (tag.closing) return end_element(tag.name);
        if (contains(kRawSkipped, tag.name)) {
            raw_content(tag.name);
        } else if (tag.name == "title") {
            out_.add_metadata("title", decode_html_entities(raw_content("title")));
        } else if (tag.name == "meta") {
            meta(tag);
        } else if (tag.name == "br") {
            out_.append("\n");
            last_space_ = true;
        } else if (tag.name == "b" || tag.name == "strong") {
            ++bold_;
        } else if (tag.name == "tr") {
            block();
            out_.begin_paragraph();
            cell_ = 0;
        } else if (tag.name == "td" || tag.name == "th") {
            if (cell_++ > 0) out_.append("\t");
            ++in_cell_;
            last_space_ = true;
        } else if (tag.name == "pre") {
            block();
            in_pre_ = true;
        } else if (contains(kBlocks, tag.name)) {
            block();
        }
    }

    void end_element(const std::string& name) {
        if (name == "b" || name == "strong") bold_ = std::max(0, bold_ - 1);
        else if (name == "td" || name == "th") in_cell_ = std::max(0, in_cell_ - 1);
        else if (name == "tr" || name == "table") in_cell_ = 0, block();
        else if (name == "pre") in_pre_ = false, block();
        else if (contains(kBlocks, name)) block();
    }

    void meta(const Tag& tag) {
        const auto name = tag.attributes.find("name");
        const auto content = tag.attributes.find("content");
        if (name == tag.attributes.end() || content == tag.attributes.end()) return;
        const std::string key = lower(name->second);
        if (key == "author" || key == "dc.creator") out_.add_metadata("author", content->second);
        else if (key == "date" || key == "dcterms.created" || key == "dc.date") out_.add_metadata("date", content->second);
    }

    // A paragraph boundary; inside a table cell, block elements only separate words.
    void block() {
        if (in_cell_ > 0) {
            if (!last_space_) out_.append(" ");
            last_space_ = true;
            return;
        }
        label_.end_paragraph(out_);
        out_.end_paragraph();
        label_.start_paragraph();
        last_space_ = true;
    }

    void text(std::string_view raw) {
        if (raw.empty()) return;
        std::string collapsed;
        for (char c : raw) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (in_pre_ || !space) {
                collapsed += c;
                last_space_ = space;
            } else if (!last_space_) {
                collapsed += ' ';
                last_space_ = true;
            }
        }
        const std::string decoded = decode_html_entities(collapsed);
        out_.append(decoded);
        label_.on_text(out_, bold_ > 0, decoded);
    }

    std::string_view html_;
    std::size_t pos_ = 0;
    DocumentBuilder& out_;
    BoldLabel label_;
    int bold_ = 0;
    int in_cell_ = 0;
    int cell_ = 0;
    bool in_pre_ = false;
    bool last_space_ = true;
};

}  // namespace

ImportedDocument read_html(const SourceFile& file, const ReadOptions& options) {
    const DecodedText decoded = decode_text(file.bytes, file.path);
    DocumentBuilder out;
    HtmlWalker(decoded.text, out).run();
    out.add_metadata("encoding", decoded.encoding);
    return out.finish(options);
}

}  // namespace comb::importers
