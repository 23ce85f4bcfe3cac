// SPDX-License-Identifier: GPL-3.0-or-later
// Rich Text Format (.rtf): the text of the document body. Groups and control words are
// interpreted just enough for text: \par and \row end paragraphs, \line and \tab, \cell joins
// table cells with TAB, \'hh bytes decode in the current font's code page (or \ansicpg),
// \uN with its \ucN fallback skipped, surrogate pairs joined. Destinations that are not body
// text (font, colour and style tables, pictures, headers, footers, footnotes, field
// instructions, every \* destination) are skipped; \info gives title, author and date.
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "import/document_builder.h"
#include "import/readers.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

// Word nests groups a few dozen deep; anything near this is hostile.
constexpr std::size_t kMaxDepth = 5000;

enum class Dest { text, skip, fonttbl, info, title, author, creatim };

struct Group {
    Dest dest = Dest::text;
    int uc = 1;  // characters to skip after \uN
    bool bold = false;
    int codepage = 1252;
    bool starred = false;  // "\*" seen: the next control word names an ignorable destination
};

const std::map<std::string_view, Dest>& destinations() {
    static const std::map<std::string_view, Dest> table = [] {
        std::map<std::string_view, Dest> t;
        for (std::string_view w : {"colortbl", "stylesheet", "pict", "object", "header", "headerl", "headerr",
                                   "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "fldinst",
                                   "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator", "xmlnstbl",
                                   "themedata", "colorschememapping", "datastore", "latentstyles", "pgdsctbl",
                                   "filetbl", "bkmkstart", "bkmkend", "annotation", "atnid", "atnauthor", "atrfstart",
                                   "atrfend", "nonshppict", "shpinst", "private", "userprops", "docvar", "xe", "tc",
                                   "txe", "pn", "subject", "operator", "company", "category", "keywords", "comment",
                                   "doccomm", "hlinkbase", "revtim", "printim", "buptim", "manager", "template"}) {
            t[w] = Dest::skip;
        }
        t["fonttbl"] = Dest::fonttbl;
        t["info"] = Dest::info;
        t["title"] = Dest::title;
        t["author"] = Dest::author;
        t["creatim"] = Dest::creatim;
        return t;
    }();
    return table;
}

const std::map<std::string_view, char32_t>& symbols() {
    static const std::map<std::string_view, char32_t> table = {
        {"emdash", 0x2014}, {"endash", 0x2013},  {"lquote", 0x2018},    {"rquote", 0x2019},  {"ldblquote", 0x201C},
        {"rdblquote", 0x201D}, {"bullet", 0x2022}, {"emspace", 0x2003}, {"enspace", 0x2002}, {"qmspace", 0x2005},
        {"zwj", 0x200D},    {"zwnj", 0x200C},    {"ltrmark", 0x200E},   {"rtlmark", 0x200F}, {"tab", U'\t'},
        {"line", U'\n'}};
    return table;
}

// Windows charset numbers (\fcharsetN) to code pages.
int charset_codepage(long charset, int ansi) {
    static const std::map<long, int> table = {{77, 10000}, {128, 932}, {129, 949}, {134, 936}, {136, 950},
                                              {161, 1253}, {162, 1254}, {163, 1258}, {177, 1255}, {178, 1256},
                                              {186, 1257}, {204, 1251}, {222, 874},  {238, 1250}};
    const auto it = table.find(charset);
    return it == table.end() ? ansi : it->second;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

class RtfParser {
public:
    RtfParser(const SourceFile& file, DocumentBuilder& out) : file_(file), in_(file.bytes), out_(out) {
        stack_.emplace_back();
        label_.start_paragraph();
    }

    void run() {
        while (pos_ < in_.size()) {
            const char c = in_[pos_++];
            if (c == '{') open_group();
            else if (c == '}') close_group();
            else if (c == '\\') control();
            else if (c != '\r' && c != '\n') byte(static_cast<unsigned char>(c));
        }
        flush_bytes();
        paragraph();
        finish_info();
    }

private:
    Group& group() { return stack_.back(); }

    void open_group() {
        flush_bytes();
        if (stack_.size() >= kMaxDepth) {
            throw core::InputError(position_at(file_.path, in_, pos_ - 1), "RTF groups nested too deeply");
        }
        Group next = group();
        next.starred = false;
        stack_.push_back(next);
        skip_chars_ = 0;
    }

    void close_group() {
        flush_bytes();
        if (stack_.size() > 1) stack_.pop_back();  // a stray '}' is ignored
        skip_chars_ = 0;
    }

    void control() {
        if (pos_ >= in_.size()) return;
        const char c = in_[pos_];
        if (!std::isalpha(static_cast<unsigned char>(c))) return symbol(c);
        const std::size_t start = pos_;
        while (pos_ < in_.size() && pos_ - start < 32 && std::isalpha(static_cast<unsigned char>(in_[pos_]))) ++pos_;
        const std::string_view word = in_.substr(start, pos_ - start);
        bool has_param = false;
        long param = 0;
        const bool negative = pos_ < in_.size() && in_[pos_] == '-';
        if (negative) ++pos_;
        for (int digits = 0; pos_ < in_.size() && std::isdigit(static_cast<unsigned char>(in_[pos_])); ++pos_) {
            if (digits++ < 10) param = param * 10 + (in_[pos_] - '0');
            has_param = true;
        }
        if (negative) param = -param;
        if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_;  // the delimiter belongs to the word
        control_word(word, has_param, param);
    }

    void symbol(char c) {
        ++pos_;
        switch (c) {
            case '\'': return hex_byte();
            case '*': group().starred = true; return;
            case '~': return emit(U'\u00A0');
            case '_': return emit(U'-');
            case '\\': case '{': case '}': return byte(static_cast<unsigned char>(c));
            case '\n': case '\r': return paragraph();  // "\<newline>" is \par
            default: return;  // \- optional hyphen, \| and friends: nothing visible
        }
    }

    void hex_byte() {
        auto hex = [](char h) {
            if (h >= '0' && h <= '9') return h - '0';
            if (h >= 'a' && h <= 'f') return h - 'a' + 10;
            if (h >= 'A' && h <= 'F') return h - 'A' + 10;
            return -1;
        };
        if (pos_ + 2 > in_.size()) return;
        const int hi = hex(in_[pos_]), lo = hex(in_[pos_ + 1]);
        if (hi < 0 || lo < 0) return;
        pos_ += 2;
        if (skip_chars_ > 0) {
            --skip_chars_;
            return;
        }
        pending_bytes_ += static_cast<char>(hi * 16 + lo);
    }

    void control_word(std::string_view word, bool has_param, long param) {
        Group& g = group();
        if (word == "bin" && has_param && param > 0) {  // raw bytes, even inside skipped groups
            pos_ = std::min(in_.size(), pos_ + static_cast<std::size_t>(param));
            return;
        }
        if (g.dest == Dest::skip) return;
        if (g.starred || destinations().count(word)) {
            const auto it = destinations().find(word);
            g.dest = g.starred || it == destinations().end() ? Dest::skip : it->second;
            g.starred = false;
            if (g.dest == Dest::skip || g.dest == Dest::fonttbl || g.dest == Dest::info) flush_bytes();
            return;
        }
        if (g.dest == Dest::fonttbl) return font_word(word, has_param, param);
        if (g.dest == Dest::creatim) return date_word(word, param);
        if (word == "par" || word == "sect" || word == "page" || word == "row") return paragraph();
        if (word == "cell" || word == "nestcell") return void(cell_pending_ = true);
        if (word == "u" && has_param) return unicode(param);
        if (word == "uc" && has_param) return void(g.uc = static_cast<int>(std::clamp(param, 0L, 10L)));
        if (word == "b") return void(g.bold = !has_param || param != 0);
        if (word == "plain") return void(g.bold = false);
        if (word == "ansicpg" && has_param) return void(ansi_codepage_ = g.codepage = static_cast<int>(param));
        if (word == "f" && has_param) {
            const auto it = font_codepages_.find(param);
            return void(g.codepage = it == font_codepages_.end() ? ansi_codepage_ : it->second);
        }
        if (const auto it = symbols().find(word); it != symbols().end()) emit(it->second);
    }

    void font_word(std::string_view word, bool has_param, long param) {
        if (word == "f" && has_param) current_font_ = param;
        else if (word == "fcharset" && has_param) font_codepages_[current_font_] = charset_codepage(param, ansi_codepage_);
        else if (word == "cpg" && has_param) font_codepages_[current_font_] = static_cast<int>(param);
    }

    void date_word(std::string_view word, long param) {
        for (std::string_view part : {"yr", "mo", "dy", "hr", "min"}) {
            if (word == part) date_[std::string(part)] = param;
        }
    }

    void unicode(long value) {
        skip_chars_ = group().uc;
        const auto unit = static_cast<char32_t>(value < 0 ? value + 65536 : value);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            high_surrogate_ = unit;
            return;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            const char32_t high = high_surrogate_;
            high_surrogate_ = 0;
            return emit(high ? 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00) : 0xFFFD);
        }
        emit(unit);
    }

    void byte(unsigned char c) {
        if (skip_chars_ > 0) {
            --skip_chars_;
            return;
        }
        if (c >= 0x80) {
            pending_bytes_ += static_cast<char>(c);
            return;
        }
        flush_bytes();
        std::string s(1, static_cast<char>(c));
        write(s);
    }

    void emit(char32_t cp) {
        flush_bytes();
        std::string s;
        core::utf8::append(s, cp);
        write(s);
    }

    // Code-page bytes are decoded together, since one character may take two of them.
    void flush_bytes() {
        if (pending_bytes_.empty()) return;
        std::string bytes;
        bytes.swap(pending_bytes_);
        write(decode_codepage(bytes, group().codepage));
    }

    std::string decode_codepage(const std::string& bytes, int codepage) {
        auto& conv = converters_[codepage];
        UErrorCode status = U_ZERO_ERROR;
        if (!conv) {
            const std::string name = codepage == 10000 ? "macintosh" : "windows-" + std::to_string(codepage);
            conv.reset(ucnv_open(name.c_str(), &status));
            if (U_FAILURE(status)) {
                status = U_ZERO_ERROR;
                conv.reset(ucnv_open("windows-1252", &status));
            }
            if (U_FAILURE(status)) return "\xEF\xBF\xBD";
        }
        std::u16string units(bytes.size() * 2 + 4, u'\0');
        status = U_ZERO_ERROR;
        const int32_t n = ucnv_toUChars(conv.get(), units.data(), static_cast<int32_t>(units.size()), bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &status);
        if (U_FAILURE(status)) return "\xEF\xBF\xBD";
        std::string out;
        for (int32_t i = 0; i < n;) {
            UChar32 cp;
            U16_NEXT(units.data(), i, n, cp);
            core::utf8::append(out, static_cast<char32_t>(cp));
        }
        return out;
    }

    void write(const std::string& s) {
        switch (group().dest) {
            case Dest::text:
                if (cell_pending_) out_.append("\t"), cell_pending_ = false;
                out_.append(s);
                label_.on_text(out_, group().bold, s);
                return;
            case Dest::title: title_ += s; return;
            case Dest::author: author_ += s; return;
            default: return;
        }
    }

    void paragraph() {
        flush_bytes();
        if (group().dest != Dest::text) return;
        cell_pending_ = false;
        label_.end_paragraph(out_);
        out_.end_paragraph();
        label_.start_paragraph();
    }

    void finish_info() {
        out_.add_metadata("title", title_);
        out_.add_metadata("author", author_);
        if (date_.count("yr") && date_["yr"] > 0) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ldT%02ld:%02ld", date_["yr"], date_["mo"], date_["dy"],
                          date_["hr"], date_["min"]);
            out_.add_metadata("date", buf);
        }
    }

    const SourceFile& file_;
    std::string_view in_;
    std::size_t pos_ = 0;
    DocumentBuilder& out_;
    BoldLabel label_;
    std::vector<Group> stack_;
    int skip_chars_ = 0;
    char32_t high_surrogate_ = 0;
    bool cell_pending_ = false;
    int ansi_codepage_ = 1252;
    long current_font_ = 0;
    std::map<long, int> font_codepages_;
    std::map<int, std::unique_ptr<UConverter, ConverterCloser>> converters_;
    std::string pending_bytes_;
    std::string title_, author_;
    std::map<std::string, long> date_;
};

}  // namespace

ImportedDocument read_rtf(const SourceFile& file, const ReadOptions& options) {
    if (file.bytes.compare(0, 5, "{\\rtf") != 0) {
        throw core::InputError(core::SourcePos{file.path, {}, {}, {}}, "not an RTF file (no {\\rtf header)");
    }
    DocumentBuilder out;
    RtfParser(file, out).run();
    return out.finish(options);
}

}  // namespace comb::importers
