// SPDX-License-Identifier: GPL-3.0-or-later
// OpenDocument text (.odt): text:p and text:h in order (lists and sections walked through),
// tables one row per paragraph with cells joined by TAB, text:s / text:tab / text:line-break,
// tracked changes accepted (the change log holding deleted text is skipped; inserted text is
// already in the flow), office:annotation as memos anchored to their office:annotation-end,
// meta.xml as metadata, a bold "Name:" span at a paragraph start as a speaker label. ODF
// collapses white space in paragraphs like HTML does; so do we.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/error.h"
#include "import/document_builder.h"
#include "import/readers.h"
#include "import/xml_part.h"
#include "import/zip_reader.h"

namespace comb::importers {
namespace {

// text:s c="N" with an absurd N must not allocate gigabytes.
constexpr long kMaxSpaces = 1000;

bool is(const pugi::xml_node& n, std::string_view name) { return name == n.name(); }

// Paragraph text of an annotation body, one line per text:p.
std::string annotation_text(const pugi::xml_node& annotation) {
    std::string out;
    for (const pugi::xml_node& p : annotation.children()) {
        if (!is(p, "text:p") && !is(p, "text:h")) continue;
        if (!out.empty()) out += '\n';
        out += all_text(p);
    }
    return out;
}

// Names of the text styles that make a span bold: automatic styles with a bold font weight
// and the built-in "Strong Emphasis" (LibreOffice's bold character style), or built on it.
std::set<std::string> bold_styles(const pugi::xml_node& content) {
    std::set<std::string> bold = {"Strong_20_Emphasis"};
    for (const pugi::xml_node& style : content.child("office:automatic-styles").children("style:style")) {
        const std::string_view weight = style.child("style:text-properties").attribute("fo:font-weight").value();
        const bool heavy = weight == "bold" || weight == "600" || weight == "700" || weight == "800" || weight == "900";
        if (heavy || bold.count(style.attribute("style:parent-style-name").value())) {
            bold.insert(style.attribute("style:name").value());
        }
    }
    return bold;
}

class OdtWalker {
public:
    OdtWalker(DocumentBuilder& out, std::set<std::string> bold_styles) : out_(out), bold_styles_(std::move(bold_styles)) {}

    void blocks(const pugi::xml_node& container) {
        for (const pugi::xml_node& n : container.children()) {
            if (is(n, "text:p") || is(n, "text:h")) paragraph(n);
            else if (is(n, "table:table")) table(n);
            else if (is(n, "text:list") || is(n, "text:list-item") || is(n, "text:list-header") ||
                     is(n, "text:section") || is(n, "text:index-body")) blocks(n);
        }
    }

    void finish_memos() {
        for (const Pending& p : open_annotations_) out_.add_memo(p.start, p.start, p.author, p.text);
    }

private:
    struct Pending {
        std::string name, author, text;
        DocumentBuilder::Anchor start;
    };

    void paragraph(const pugi::xml_node& p) {
        last_space_ = true;
        label_.start_paragraph();
        in_paragraph_ = true;
        inlines(p);
        in_paragraph_ = false;
        label_.end_paragraph(out_);
        out_.end_paragraph();
    }

    void table(const pugi::xml_node& t) {
        out_.end_paragraph();
        for (const pugi::xml_node& n : t.children()) {
            if (is(n, "table:table-row")) row(n);
            else if (is(n, "table:table-header-rows") || is(n, "table:table-rows") || is(n, "table:table-row-group")) table(n);
        }
    }

    void row(const pugi::xml_node& tr) {
        out_.begin_paragraph();
        bool first = true;
        for (const pugi::xml_node& tc : tr.children("table:table-cell")) {
            if (!first) out_.append("\t");
            first = false;
            cell(tc);
        }
        out_.end_paragraph();
    }

    void cell(const pugi::xml_node& container) {
        bool first_paragraph = true;
        for (const pugi::xml_node& n : container.children()) {
            if (is(n, "text:p") || is(n, "text:h")) {
                if (!first_paragraph) out_.append(" ");
                first_paragraph = false;
                last_space_ = true;
                inlines(n);
            } else if (is(n, "text:list") || is(n, "text:list-item") || is(n, "text:section")) {
                cell(n);
            }
        }
    }

    void inlines(const pugi::xml_node& container) {
        for (const pugi::xml_node& n : container.children()) {
            if (n.type() == pugi::node_pcdata) text(n.value());
            else if (is(n, "text:s")) spaces(n.attribute("text:c").as_int(1));
            else if (is(n, "text:tab")) literal("\t");
            else if (is(n, "text:line-break")) literal("\n");
            else if (is(n, "office:annotation")) annotation(n);
            else if (is(n, "office:annotation-end")) annotation_end(n);
            else if (is(n, "text:note") || is(n, "text:tracked-changes") || is(n, "draw:frame") ||
                     is(n, "text:bookmark-ref") || is(n, "text:ruby-text")) continue;
            else if (is(n, "text:span") && bold_styles_.count(n.attribute("text:style-name").value())) {
                ++bold_;
                inlines(n);
                --bold_;
            } else inlines(n);  // text:span, text:a, text:meta, fields: their text is document text
        }
    }

    void literal(std::string_view s) {
        emit(std::string(s));
        last_space_ = false;
    }

    void emit(const std::string& s) {
        out_.append(s);
        if (in_paragraph_) label_.on_text(out_, bold_ > 0, s);
    }

    void spaces(long count) {
        out_.begin_paragraph();  // spaces from text:s are content, even at the start
        emit(std::string(static_cast<std::size_t>(std::clamp(count, 1L, kMaxSpaces)), ' '));
        last_space_ = true;
    }

    // Runs of XML white space become one space, none at a paragraph's start.
    void text(std::string_view s) {
        std::string out;
        for (char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (!last_space_) out += ' ';
                last_space_ = true;
            } else {
                out += c;
                last_space_ = false;
            }
        }
        emit(out);
    }

    void annotation(const pugi::xml_node& a) {
        Pending p{a.attribute("office:name").value(), a.child("dc:creator").text().get(), annotation_text(a), out_.anchor()};
        if (p.name.empty()) {
            out_.add_memo(p.start, p.start, p.author, p.text);
        } else {
            open_annotations_.push_back(std::move(p));
        }
    }

    void annotation_end(const pugi::xml_node& e) {
        const std::string_view name = e.attribute("office:name").value();
        for (auto it = open_annotations_.begin(); it != open_annotations_.end(); ++it) {
            if (it->name != name) continue;
            out_.add_memo(it->start, out_.anchor(), it->author, it->text);
            open_annotations_.erase(it);
            return;
        }
    }

    DocumentBuilder& out_;
    std::set<std::string> bold_styles_;
    BoldLabel label_;
    int bold_ = 0;
    bool in_paragraph_ = false;  // not in a table cell: labels only start paragraphs
    bool last_space_ = true;
    std::vector<Pending> open_annotations_;
};

void read_meta(const ZipReader& zip, const SourceFile& file, DocumentBuilder& out) {
    const auto xml = zip.read_optional("meta.xml");
    if (!xml) return;
    const pugi::xml_document doc = parse_xml_part(*xml, file.path, "meta.xml");
    const pugi::xml_node meta = doc.child("office:document-meta").child("office:meta");
    out.add_metadata("title", meta.child("dc:title").text().get());
    const char* creator = meta.child("meta:initial-creator").text().get();
    out.add_metadata("author", *creator ? creator : meta.child("dc:creator").text().get());
    out.add_metadata("date", meta.child("meta:creation-date").text().get());
}

}  // namespace

ImportedDocument read_odt(const SourceFile& file, const ReadOptions& options) {
    const ZipReader zip(file.bytes, file.path);
    if (!zip.contains("content.xml")) {
        throw core::InputError(core::SourcePos{file.path, {}, {}, {}},
                               "not an OpenDocument text (missing content.xml)");
    }
    const pugi::xml_document doc = parse_xml_part(zip.read("content.xml"), file.path, "content.xml");
    DocumentBuilder out;
    const pugi::xml_node content = doc.child("office:document-content");
    OdtWalker walker(out, bold_styles(content));
    walker.blocks(content.child("office:body").child("office:text"));
    walker.finish_memos();
    read_meta(zip, file, out);
    return out.finish(options);
}

}  // namespace comb::importers
