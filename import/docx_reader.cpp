// SPDX-License-Identifier: GPL-3.0-or-later
// Word documents (.docx): the main document part's paragraphs in order, tables flattened one
// row per paragraph (cells joined by TAB), tracked changes accepted (insertions kept,
// deletions dropped), comments as memos anchored to their ranges, a bold "Name:" at a
// paragraph's start as a speaker label, core properties as metadata. Headers, footers,
// footnotes, text boxes and field instructions are not document text and are skipped.
#include <map>
#include <string>

#include "core/error.h"
#include "import/document_builder.h"
#include "import/readers.h"
#include "import/xml_part.h"
#include "import/zip_reader.h"

namespace comb::importers {
namespace {

struct Comment {
    std::string author;
    std::string text;
};

bool has_name(const pugi::xml_node& n, const char* name) { return std::string_view(n.name()) == name; }

bool is_on(const pugi::xml_node& toggle) {
    if (!toggle) return false;
    const std::string_view v = toggle.attribute("w:val").value();
    return v != "0" && v != "false" && v != "off";
}

// Target of the first relationship whose type ends with `type`, resolved against `base`.
std::string relationship(const ZipReader& zip, const SourceFile& file, const std::string& rels_part,
                         std::string_view type, const std::string& base, const std::string& fallback) {
    const auto rels = zip.read_optional(rels_part);
    if (!rels) return fallback;
    const pugi::xml_document doc = parse_xml_part(*rels, file.path, rels_part);
    for (const pugi::xml_node& r : doc.child("Relationships").children("Relationship")) {
        const std::string_view t = r.attribute("Type").value();
        if (t.size() < type.size() || t.substr(t.size() - type.size()) != type) continue;
        std::string target = r.attribute("Target").value();
        if (!target.empty() && target.front() == '/') return target.substr(1);
        return base + target;
    }
    return fallback;
}

// Plain text of a comment's paragraphs, one line each.
std::string paragraph_text(const pugi::xml_node& container) {
    std::string out;
    for (const pugi::xml_node& p : container.children("w:p")) {
        if (!out.empty()) out += '\n';
        struct Walk : pugi::xml_tree_walker {
            std::string* out;
            bool for_each(pugi::xml_node& n) override {
                if (has_name(n, "w:t")) *out += n.text().get();
                else if (has_name(n, "w:tab")) *out += '\t';
                else if (has_name(n, "w:br") || has_name(n, "w:cr")) *out += '\n';
                return true;
            }
        } walk;
        walk.out = &out;
        pugi::xml_node copy = p;
        copy.traverse(walk);
    }
    return out;
}

std::map<std::string, Comment> read_comments(const ZipReader& zip, const SourceFile& file, const std::string& part) {
    std::map<std::string, Comment> comments;
    const auto xml = zip.read_optional(part);
    if (!xml) return comments;
    const pugi::xml_document doc = parse_xml_part(*xml, file.path, part);
    for (const pugi::xml_node& c : doc.child("w:comments").children("w:comment")) {
        comments[c.attribute("w:id").value()] = {c.attribute("w:author").value(), paragraph_text(c)};
    }
    return comments;
}

void read_core_properties(const ZipReader& zip, const SourceFile& file, const std::string& part,
                          DocumentBuilder& out) {
    const auto xml = zip.read_optional(part);
    if (!xml) return;
    const pugi::xml_document doc = parse_xml_part(*xml, file.path, part);
    const pugi::xml_node props = doc.child("cp:coreProperties");
    out.add_metadata("title", props.child("dc:title").text().get());
    out.add_metadata("author", props.child("dc:creator").text().get());
    out.add_metadata("date", props.child("dcterms:created").text().get());
}

// Walks the body of document.xml into the builder.
class BodyWalker {
public:
    BodyWalker(DocumentBuilder& out, const std::map<std::string, Comment>& comments)
        : out_(out), comments_(comments), document_start_(out.anchor()) {}

    void blocks(const pugi::xml_node& container) {
        for (const pugi::xml_node& n : container.children()) {
            if (has_name(n, "w:p")) paragraph(n);
            else if (has_name(n, "w:tbl")) table(n);
            else if (has_name(n, "w:sdt")) blocks(n.child("w:sdtContent"));
            else if (has_name(n, "w:customXml") || has_name(n, "w:ins") || has_name(n, "w:moveTo")) blocks(n);
            else inline_marker(n);
        }
    }

    void add_memos() {
        for (const auto& [id, comment] : comments_) {
            const auto start = starts_.find(id);
            const auto end = ends_.find(id);
            const auto a = start != starts_.end() ? start->second : end != ends_.end() ? end->second : document_start_;
            const auto b = end != ends_.end() ? end->second : a;
            out_.add_memo(a, b, comment.author, comment.text);
        }
    }

private:
    void paragraph(const pugi::xml_node& p) {
        BoldLabel label;
        label.start_paragraph();
        inlines(p, &label);
        label.end_paragraph(out_);
        out_.end_paragraph();
    }

    void table(const pugi::xml_node& tbl) {
        out_.end_paragraph();
        for (const pugi::xml_node& tr : tbl.children("w:tr")) {
            out_.begin_paragraph();
            bool first = true;
            for (const pugi::xml_node& tc : tr.children("w:tc")) {
                if (!first) out_.append("\t");
                first = false;
                bool first_paragraph = true;
                cell(tc, first_paragraph);
            }
            out_.end_paragraph();
        }
    }

    // A cell's paragraphs (and nested tables) run on in the row, separated by spaces.
    void cell(const pugi::xml_node& container, bool& first_paragraph) {
        for (const pugi::xml_node& n : container.children()) {
            if (has_name(n, "w:p")) {
                if (!first_paragraph) out_.append(" ");
                first_paragraph = false;
                inlines(n, nullptr);
            } else if (has_name(n, "w:tbl") || has_name(n, "w:tr") || has_name(n, "w:tc")) {
                cell(n, first_paragraph);
            } else if (has_name(n, "w:sdt")) {
                cell(n.child("w:sdtContent"), first_paragraph);
            }
        }
    }

    void inlines(const pugi::xml_node& container, BoldLabel* label) {
        for (const pugi::xml_node& n : container.children()) {
            if (has_name(n, "w:r")) run(n, label);
            else if (has_name(n, "w:del") || has_name(n, "w:moveFrom") || has_name(n, "w:pPr")) continue;
            else if (has_name(n, "w:ins") || has_name(n, "w:moveTo") || has_name(n, "w:hyperlink") ||
                     has_name(n, "w:smartTag") || has_name(n, "w:customXml") || has_name(n, "w:fldSimple") ||
                     has_name(n, "w:dir") || has_name(n, "w:bdo")) inlines(n, label);
            else if (has_name(n, "w:sdt")) inlines(n.child("w:sdtContent"), label);
            else inline_marker(n);
        }
    }

    void inline_marker(const pugi::xml_node& n) {
        const std::string id = n.attribute("w:id").value();
        if (has_name(n, "w:commentRangeStart")) starts_.emplace(id, out_.anchor());
        else if (has_name(n, "w:commentRangeEnd")) ends_.emplace(id, out_.anchor());
    }

    void run(const pugi::xml_node& r, BoldLabel* label) {
        const bool bold = is_on(r.child("w:rPr").child("w:b"));
        for (const pugi::xml_node& n : r.children()) {
            std::string piece;
            if (has_name(n, "w:t")) piece = n.text().get();
            else if (has_name(n, "w:tab")) piece = "\t";
            else if (has_name(n, "w:br") || has_name(n, "w:cr")) piece = "\n";
            else if (has_name(n, "w:noBreakHyphen")) piece = "-";
            else if (has_name(n, "w:commentReference")) {
                const std::string id = n.attribute("w:id").value();
                if (!starts_.count(id)) starts_.emplace(id, out_.anchor());
                continue;
            } else continue;
            out_.append(piece);
            if (label) label->on_text(out_, bold, piece);
        }
    }

    DocumentBuilder& out_;
    const std::map<std::string, Comment>& comments_;
    DocumentBuilder::Anchor document_start_;
    std::map<std::string, DocumentBuilder::Anchor> starts_, ends_;
};

}  // namespace

ImportedDocument read_docx(const SourceFile& file, const ReadOptions& options) {
    const ZipReader zip(file.bytes, file.path);
    const std::string main = relationship(zip, file, "_rels/.rels", "/officeDocument", "", "word/document.xml");
    if (!zip.contains(main)) {
        throw core::InputError(core::SourcePos{file.path, {}, {}, {}}, "not a Word document (missing " + main + ")");
    }
    const std::string dir = main.substr(0, main.rfind('/') + 1);
    const std::string rels = dir + "_rels/" + main.substr(dir.size()) + ".rels";
    const auto comments = read_comments(zip, file, relationship(zip, file, rels, "/comments", dir, dir + "comments.xml"));

    DocumentBuilder out;
    const pugi::xml_document doc = parse_xml_part(zip.read(main), file.path, main);
    BodyWalker walker(out, comments);
    walker.blocks(doc.child("w:document").child("w:body"));
    walker.add_memos();
    read_core_properties(zip, file, relationship(zip, file, "_rels/.rels", "/core-properties", "", "docProps/core.xml"), out);
    return out.finish(options);
}

}  // namespace comb::importers
