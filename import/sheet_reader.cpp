// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/sheet_reader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "import/registry.h"
#include "import/text_encoding.h"
#include "import/xml_part.h"
#include "import/zip_reader.h"

namespace comb::importers {
namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::InputError({path.string()}, "cannot open the file");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Spreadsheet programs in some locales write ';', survey tools often '\t'.
char sniff_delimiter(std::string_view first_line) {
    const auto count = [&](char c) { return std::count(first_line.begin(), first_line.end(), c); };
    char best = ',';
    for (char c : {';', '\t'}) if (count(c) > count(best)) best = c;
    return best;
}

bool blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return c.find_first_not_of(" \t") == std::string::npos;
    });
}

// RFC 4180, tolerant of LF-only line ends; quoted fields may hold delimiters and newlines.
Sheet parse_csv(const std::string& text, const std::string& path) {
    const char delim = sniff_delimiter(text.substr(0, text.find('\n')));
    std::vector<SheetRow> rows;
    SheetRow row{1, {}};
    std::string cell;
    bool quoted = false, was_quoted = false;
    std::int64_t line = 1, quote_line = 0;
    auto end_cell = [&] { row.cells.push_back(was_quoted ? cell : cell); cell.clear(); was_quoted = false; };
    auto end_row = [&] {
        end_cell();
        if (!blank(row.cells)) rows.push_back(row);
        row = SheetRow{line + 1, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; cell += c; }
        } else if (c == '"' && cell.empty()) {
            quoted = was_quoted = true;
            quote_line = line;
        } else if (c == delim) {
            end_cell();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
            ++line;
        } else {
            cell += c;
        }
    }
    if (quoted) throw core::InputError({path, quote_line}, "unterminated quoted field");
    if (!cell.empty() || !row.cells.empty()) end_row();
    if (rows.empty()) throw core::InputError({path}, "empty sheet");
    Sheet sheet;
    sheet.header = rows.front().cells;
    sheet.rows.assign(rows.begin() + 1, rows.end());
    return sheet;
}

std::string attr_target(const pugi::xml_document& rels, const std::string& id) {
    for (auto rel : rels.document_element().children()) {
        if (std::string(rel.attribute("Id").value()) == id) return rel.attribute("Target").value();
    }
    return {};
}

std::vector<std::string> shared_strings(const ZipReader& zip, const std::string& path) {
    std::vector<std::string> out;
    const auto xml = zip.read_optional("xl/sharedStrings.xml");
    if (!xml) return out;
    const auto doc = parse_xml_part(*xml, path, "xl/sharedStrings.xml");
    for (auto si : doc.document_element().children("si")) {
        std::string s;  // rich text runs (<r><t>) and plain <t> alike; phonetic hints (<rPh>) skipped
        for (auto t : si.select_nodes(".//t")) {
            if (std::string(t.node().parent().name()) != "rPh") s += t.node().text().get();
        }
        out.push_back(s);
    }
    return out;
}

// The first worksheet's part name, through workbook.xml and its relationships.
std::string first_sheet_part(const ZipReader& zip, const std::string& path) {
    const auto wb = parse_xml_part(zip.read("xl/workbook.xml"), path, "xl/workbook.xml");
    const auto sheet = wb.document_element().child("sheets").child("sheet");
    if (!sheet) throw core::InputError({path}, "no worksheet in the workbook");
    const auto rels = parse_xml_part(zip.read("xl/_rels/workbook.xml.rels"), path, "xl/_rels/workbook.xml.rels");
    std::string target = attr_target(rels, sheet.attribute("r:id").value());
    if (target.empty()) throw core::InputError({path}, "the first worksheet has no part");
    if (target.front() == '/') return target.substr(1);
    return "xl/" + target;
}

Sheet parse_xlsx(const std::string& bytes, const std::string& path) {
    const ZipReader zip(bytes, path);
    const auto strings = shared_strings(zip, path);
    const std::string part = first_sheet_part(zip, path);
    const auto doc = parse_xml_part(zip.read(part), path, part);
    std::vector<SheetRow> rows;
    for (auto r : doc.document_element().child("sheetData").children("row")) {
        SheetRow row{r.attribute("r").as_llong(static_cast<long long>(rows.size() + 1)), {}};
        for (auto c : r.children("c")) {
            const int col = column_index(c.attribute("r").value());
            if (col < 0 || col > 16383) throw core::InputError({path, row.line}, "bad cell reference");
            if (static_cast<int>(row.cells.size()) <= col) row.cells.resize(static_cast<std::size_t>(col) + 1);
            const std::string type = c.attribute("t").value();
            std::string value = c.child("v").text().get();
            if (type == "s") {
                const auto k = static_cast<std::size_t>(c.child("v").text().as_ullong(~0ull));
                if (k >= strings.size()) throw core::InputError({path, row.line}, "shared string " + value + " does not exist");
                value = strings[k];
            } else if (type == "inlineStr") {
                value = all_text(c.child("is"));
            } else if (type == "b") {
                value = value == "1" ? "true" : "false";
            }
            row.cells[static_cast<std::size_t>(col)] = value;
        }
        if (!blank(row.cells)) rows.push_back(std::move(row));
    }
    if (rows.empty()) throw core::InputError({path}, "empty sheet");
    Sheet sheet;
    sheet.header = rows.front().cells;
    sheet.rows.assign(rows.begin() + 1, rows.end());
    return sheet;
}

}  // namespace

int column_index(std::string_view ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 ? -1 : col - 1;
}

Sheet read_sheet(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    const std::string bytes = slurp(path);
    if (bytes.empty()) throw core::InputError({path.string()}, "empty file");
    if (ext == ".xlsx") return parse_xlsx(bytes, path.string());
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return parse_csv(decode_text(bytes, path.string()).text, path.string());
    throw core::InputError({path.string()}, "unknown sheet format (use .csv or .xlsx)");
}

}  // namespace comb::importers
