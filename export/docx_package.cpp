// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/docx_package.h"

#include <algorithm>
#include <zip.h>

#include <cstdio>
#include <deque>
#include <numeric>
#include <utility>

#include "core/error.h"
#include "export/text_format.h"

namespace comb::exporters::docx {
namespace {

constexpr int kPageShort = 11906;  // A4 in twips (1/20 pt)
constexpr int kPageLong = 16838;
constexpr int kMargin = 1134;      // 2 cm

int text_width(bool landscape) { return (landscape ? kPageLong : kPageShort) - 2 * kMargin; }

// A zip archive built in memory. Owns the zip handle, its memory source and the entry bytes,
// which libzip reads only when the archive is closed.
class MemoryZip {
public:
    MemoryZip(std::uint16_t dos_date) : dos_date_(dos_date) {
        zip_error_t error;
        zip_error_init(&error);
        source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (source_) {
            zip_source_keep(source_);  // we read the bytes back after zip_close
            zip_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
        }
        if (!zip_) {
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            if (source_) zip_source_free(source_);
            throw core::Error("DOCX: cannot start a zip archive: " + why);
        }
        zip_error_fini(&error);
    }
    ~MemoryZip() {
        if (zip_) zip_discard(zip_);
        if (source_) zip_source_free(source_);
    }
    MemoryZip(const MemoryZip&) = delete;
    MemoryZip& operator=(const MemoryZip&) = delete;

    void add(const char* name, std::string data) {
        const auto& bytes = data_.emplace_back(std::move(data));
        zip_source_t* s = zip_source_buffer(zip_, bytes.data(), bytes.size(), 0);
        const auto index = s ? zip_file_add(zip_, name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            fail("add " + std::string(name));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        // A fixed time (not "now") so the same document gives the same bytes.
        if (zip_set_file_compression(zip_, i, ZIP_CM_DEFLATE, 9) != 0 ||
            zip_file_set_dostime(zip_, i, 0, dos_date_, 0) != 0) {
            fail("set up " + std::string(name));
        }
    }

    std::string finish() {
        if (zip_close(zip_) != 0) fail("write the archive");
        zip_ = nullptr;
        std::string out;
        if (zip_source_open(source_) != 0) fail("read the archive");
        char buffer[16384];
        zip_int64_t n;
        while ((n = zip_source_read(source_, buffer, sizeof buffer)) > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
        }
        zip_source_close(source_);
        if (n < 0) fail("read the archive");
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& what) {
        const char* why = zip_ ? zip_strerror(zip_) : zip_error_strerror(zip_source_error(source_));
        throw core::Error("DOCX: cannot " + what + ": " + why);
    }

    zip_source_t* source_ = nullptr;
    zip_t* zip_ = nullptr;
    std::deque<std::string> data_;  // stable addresses until zip_close
    std::uint16_t dos_date_;
};

// "2024-05-01" -> true and its parts; anything else -> false.
bool parse_date(const std::string& s, int& y, int& m, int& d) {
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
    return y >= 1980 && y <= 2107 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::uint16_t dos_date(const std::string& date) {
    int y = 1980, m = 1, d = 1;
    if (!parse_date(date, y, m, d)) y = 1980, m = 1, d = 1;
    return static_cast<std::uint16_t>(((y - 1980) << 9) | (m << 5) | d);
}

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string content_types() {
    return std::string(kXmlHead) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" "
           "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
           "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
           "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
}

std::string relationship(const char* id, const std::string& type, const char* target) {
    return std::string("<Relationship Id=\"") + id + "\" Type=\"" + type + "\" Target=\"" +
           target + "\"/>";
}

std::string package_rels() {
    const std::string odoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    return std::string(kXmlHead) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           relationship("rId1", odoc + "officeDocument", "word/document.xml") +
           relationship("rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                        "core-properties",
                        "docProps/core.xml") +
           relationship("rId3", odoc + "extended-properties", "docProps/app.xml") +
           "</Relationships>";
}

std::string document_rels() {
    const std::string odoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    return std::string(kXmlHead) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           relationship("rId1", odoc + "styles", "styles.xml") +
           relationship("rId2", odoc + "settings", "settings.xml") +
           relationship("rId3", odoc + "footer", "footer1.xml") + "</Relationships>";
}

std::string settings() {
    // Without a compatibility mode Word opens the file in "Compatibility Mode".
    return std::string(kXmlHead) + "<w:settings xmlns:w=\"" + kW + "\">" +
           "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
           "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
           "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
           "</w:settings>";
}

}  // namespace

namespace {

std::string styles(bool landscape) {
    // Portrait pages are narrow for a wide table: 8 pt text there, 9 pt on landscape.
    const std::string table_size = landscape ? "18" : "16";
    const std::string rule = "w:val=\"single\" w:space=\"0\" w:color=";
    return std::string(kXmlHead) + "<w:styles xmlns:w=\"" + kW + "\">" +
           "<w:docDefaults><w:rPrDefault><w:rPr>"
           "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" "
           "w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
           "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
           "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"259\" "
           "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
           "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
           "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
           "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
           "<w:semiHidden/></w:style>"
           "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
           "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr>"
           "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
           "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
           "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
           "</w:tblCellMar></w:tblPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
           "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
           "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"160\"/></w:pPr>"
           "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
           "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" "
           "w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
           "<w:rPr><w:sz w:val=\"" + table_size + "\"/><w:szCs w:val=\"" + table_size +
           "\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"TableHeading\">"
           "<w:name w:val=\"Table Heading\"/><w:basedOn w:val=\"TableText\"/><w:qFormat/>"
           "<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"TableNote\"><w:name w:val=\"Table Note\"/>"
           "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"60\" w:after=\"0\"/>"
           "</w:pPr><w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"
           "</w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
           "<w:basedOn w:val=\"Normal\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"" +
           std::to_string(text_width(landscape)) +
           "\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/>"
           "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
           // The table style Word users see; writers also format directly, because not every
           // reader applies a table style's conditional (first row) formatting.
           "<w:style w:type=\"table\" w:styleId=\"CombTable\"><w:name w:val=\"Comb Table\"/>"
           "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr>"
           "<w:tblBorders><w:top " + rule + "\"000000\" w:sz=\"12\"/><w:bottom " + rule +
           "\"000000\" w:sz=\"12\"/><w:insideH " + rule + "\"D9D9D9\" w:sz=\"4\"/>"
           "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/>"
           "<w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"
           "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
           "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>"
           "<w:tcBorders><w:bottom " + rule + "\"000000\" w:sz=\"8\"/></w:tcBorders>"
           "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7ECF1\"/></w:tcPr></w:tblStylePr>"
           "</w:style></w:styles>";
}


std::string footer(const ReportMeta& meta) {
    auto field = [](const char* instr) {
        return std::string("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                           "<w:r><w:instrText xml:space=\"preserve\"> ") + instr +
               " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
               "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    };
    return std::string(kXmlHead) + "<w:ftr xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">" +
           paragraph("Footer", run(text::provenance(meta) + "\t" + "Page ") +
                                   field("PAGE") + run(" of ") + field("NUMPAGES")) +
           "</w:ftr>";
}

std::string core_properties(const Document& doc) {
    std::string out = std::string(kXmlHead) +
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    out += "<dc:title>" + text::xml(doc.title) + "</dc:title>";
    if (!doc.meta.coders.empty()) {
        out += "<dc:creator>" + text::xml(text::join_names(doc.meta.coders)) + "</dc:creator>";
    }
    out += "<dc:description>" + text::xml(text::provenance(doc.meta)) + "</dc:description>";
    int y, m, d;
    if (parse_date(doc.meta.date, y, m, d)) {
        // The report date, not the clock: the same project gives the same file.
        const auto stamp = text::xml(doc.meta.date) + "T00:00:00Z";
        out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:created>";
        out += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:modified>";
    }
    return out + "</cp:coreProperties>";
}

std::string app_properties(const ReportMeta& meta) {
    return std::string(kXmlHead) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "extended-properties\"><Application>" + text::xml(meta.software) +
           "</Application></Properties>";
}

std::string section(bool landscape) {
    const auto w = std::to_string(landscape ? kPageLong : kPageShort);
    const auto h = std::to_string(landscape ? kPageShort : kPageLong);
    const auto m = std::to_string(kMargin);
    return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
           "<w:pgSz w:w=\"" + w + "\" w:h=\"" + h + "\"" +
           (landscape ? " w:orient=\"landscape\"" : "") + "/>"
           "<w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" + m +
           "\" w:left=\"" + m + "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
           "</w:sectPr>";
}

}  // namespace

namespace {

struct Run {
    std::string_view text;
    bool bold;
    bool italic;
    std::string_view colour;  // "RRGGBB"; empty: the style's
};

std::string make_run(const Run& r) {
    std::string props;
    if (r.bold) props += "<w:b/><w:bCs/>";
    if (r.italic) props += "<w:i/><w:iCs/>";
    if (!r.colour.empty()) props += "<w:color w:val=\"" + text::xml(r.colour) + "\"/>";
    std::string out = "<w:r>";
    if (!props.empty()) out += "<w:rPr>" + props + "</w:rPr>";
    std::string pending;
    auto flush = [&] {
        if (!pending.empty()) out += "<w:t xml:space=\"preserve\">" + text::xml(pending) + "</w:t>";
        pending.clear();
    };
    for (const char c : r.text) {
        if (c == '\n') {
            flush();
            out += "<w:br/>";
        } else if (c == '\t') {
            flush();
            out += "<w:tab/>";
        } else if (c != '\r') {
            pending += c;
        }
    }
    flush();
    return out + "</w:r>";
}

}  // namespace

std::string run(std::string_view text) { return make_run({text, false, false, {}}); }
std::string bold_run(std::string_view text) { return make_run({text, true, false, {}}); }
std::string italic_run(std::string_view text) { return make_run({text, false, true, {}}); }
std::string coloured_run(std::string_view text, std::string_view rrggbb) {
    return make_run({text, false, false, rrggbb});
}

std::string paragraph(std::string_view style, std::string_view runs_xml, std::string_view align) {
    std::string out = "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/>";
    if (!align.empty()) out += "<w:jc w:val=\"" + std::string(align) + "\"/>";
    out += "</w:pPr>";
    out += runs_xml;
    return out + "</w:p>";
}

namespace {

std::vector<int> column_widths(const std::vector<Column>& columns, bool landscape) {
    const int total = text_width(landscape);
    int weights = 0;
    for (const auto& c : columns) weights += c.weight;
    std::vector<int> out;
    for (const auto& c : columns) out.push_back(total * c.weight / weights);
    // Columns below their minimum take it; the columns with room to spare give it up in
    // proportion to what they have beyond their own minimum.
    int deficit = 0, spare = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (out[i] < columns[i].min_width) {
            deficit += columns[i].min_width - out[i];
            out[i] = columns[i].min_width;
        } else {
            spare += out[i] - columns[i].min_width;
        }
    }
    if (deficit > 0 && spare > 0) {
        const int take = std::min(deficit, spare);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int room = out[i] - columns[i].min_width;
            if (room > 0 && out[i] > columns[i].min_width) {
                out[i] -= static_cast<int>(static_cast<long long>(take) * room / spare);
            }
        }
    }
    // The last column takes the rounding remainder so the grid fills the text width exactly.
    int used = 0;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) used += out[i];
    if (!out.empty()) out.back() = total - used;
    return out;
}

}  // namespace

int words_width(const std::vector<std::string>& texts, bool landscape, bool bold) {
    std::int64_t longest = 0;
    for (const auto& t : texts) {
        std::int64_t run = 0;
        for (std::size_t i = 0; i <= t.size(); ++i) {
            const bool end = i == t.size() || t[i] == ' ' || t[i] == '\n' || t[i] == '/' || t[i] == '-';
            if (end) {
                longest = std::max(longest, run + (i < t.size() && t[i] != ' ' && t[i] != '\n' ? 1 : 0));
                run = 0;
            } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
                ++run;
            }
        }
    }
    // Half-points to twips is x10; a Calibri character averages under 0.55 em (bold 0.6).
    const int half_points = landscape ? 18 : 16;
    const double em = bold ? 0.6 : 0.55;
    const int padding = 2 * (landscape ? 85 : 57) + 40;
    return static_cast<int>(static_cast<double>(longest) * half_points * 10 * em) + padding;
}

namespace {

std::string cell(int width, const std::string& borders_and_shading, const std::string& content) {
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) +
                      "\" w:type=\"dxa\"/>" + borders_and_shading + "</w:tcPr>";
    // A cell must hold at least one paragraph.
    out += content.empty() ? paragraph("TableText", "") : content;
    return out + "</w:tc>";
}

std::string header_row(const std::vector<Column>& columns, const std::vector<int>& widths) {
    // tblHeader repeats the row at the top of every page; cantSplit keeps it whole.
    std::string out = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    const std::string look = "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" "
                             "w:color=\"000000\"/></w:tcBorders>"
                             "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7ECF1\"/>";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += cell(widths[i], look,
                    paragraph("TableHeading", bold_run(columns[i].heading),
                              columns[i].align_right ? "right" : ""));
    }
    return out + "</w:tr>";
}

}  // namespace

std::string table(const std::vector<Column>& columns, const std::vector<Row>& rows,
                  bool landscape) {
    const auto widths = column_widths(columns, landscape);
    const std::string side = landscape ? "85" : "57";  // cell padding: 1.5 mm, or 1 mm
    const std::string rule = "w:val=\"single\" w:space=\"0\" w:color=";
    std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"CombTable\"/><w:tblW w:w=\"" +
                      std::to_string(text_width(landscape)) + "\" w:type=\"dxa\"/>" +
                      "<w:tblBorders><w:top " + rule + "\"000000\" w:sz=\"12\"/><w:bottom " +
                      rule + "\"000000\" w:sz=\"12\"/><w:insideH " + rule +
                      "\"D9D9D9\" w:sz=\"4\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
                      "<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"" + side +
                      "\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"" +
                      side + "\" w:type=\"dxa\"/></w:tblCellMar>"
                      "<w:tblLook w:val=\"0620\" w:firstRow=\"1\" w:lastRow=\"0\" "
                      "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
                      "</w:tblPr><w:tblGrid>";
    for (const int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    out += "</w:tblGrid>" + header_row(columns, widths);
    const std::string group_rule =
        "<w:tcBorders><w:top " + rule + "\"7F7F7F\" w:sz=\"6\"/></w:tcBorders>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        // Rows stay whole, so a quote never starts on one page and ends on the next.
        // LibreOffice still breaks a row taller than a page (checked: nothing is cut off);
        // Word has not been checked.
        out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        const bool ruled = rows[r].group_start && r > 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string content = i < rows[r].cells.size() ? rows[r].cells[i] : "";
            out += cell(widths[i], ruled ? group_rule : "", content);
        }
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::string package(const Document& doc) {
    const std::string document = std::string(kXmlHead) + "<w:document xmlns:w=\"" + kW +
                                 "\" xmlns:r=\"" + kR + "\"><w:body>" + doc.body +
                                 section(doc.landscape) + "</w:body></w:document>";
    MemoryZip zip(dos_date(doc.meta.date));
    // [Content_Types].xml first: some readers sniff the package by its first entry.
    zip.add("[Content_Types].xml", content_types());
    zip.add("_rels/.rels", package_rels());
    zip.add("word/document.xml", document);
    zip.add("word/_rels/document.xml.rels", document_rels());
    zip.add("word/styles.xml", styles(doc.landscape));
    zip.add("word/settings.xml", settings());
    zip.add("word/footer1.xml", footer(doc.meta));
    zip.add("docProps/core.xml", core_properties(doc));
    zip.add("docProps/app.xml", app_properties(doc.meta));
    return zip.finish();
}

}  // namespace comb::exporters::docx
