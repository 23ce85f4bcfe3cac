// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/codebook.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "about/data_dir.h"
#include "core/error.h"
#include "refi/code_xml.h"
#include "import/xml_part.h"
#include "refi/xml_util.h"

namespace comb::refi {
namespace fs = std::filesystem;

RefiProject read_qdc_bytes(const std::string& xml, const std::string& path) {
    const auto doc = importers::parse_xml_part(xml, path, fs::path(path).filename().string());
    const auto root = doc.document_element();
    if (local_name(root) != "CodeBook") {
        throw core::InputError({path}, "not a REFI-QDA codebook: the root element is <" + std::string(root.name()) +
                                           ">, not <CodeBook>");
    }
    RefiProject out;
    out.path = path;
    out.name = fs::path(path).stem().string();
    out.origin = root.attribute("origin").as_string();
    std::vector<NoteRef> ignored;  // codebooks have no notes
    read_codes(kid(root, "Codes"), out, ignored);
    read_sets(kid(root, "Sets"), out, ignored);  // Taguette's empty <Sets/> holds no Set: nothing to do
    return out;
}

RefiProject read_qdc(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::InputError({path.string()}, "cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return read_qdc_bytes(ss.str(), path.string());
}

std::vector<std::string> builtin_codebooks() { return {"comb", "tdf", "levels", "valence", "cfir"}; }

std::optional<fs::path> codebooks_dir() { return about::find_data_dir("COMB_CODEBOOKS", "codebooks", "comb.qdc"); }

RefiProject load_codebook(std::string_view name_or_file) {
    const std::string arg(name_or_file);
    fs::path file;
    const auto names = builtin_codebooks();
    if (std::find(names.begin(), names.end(), arg) != names.end()) {
        const auto dir = codebooks_dir();
        if (!dir) {
            throw core::InputError::argument("the built-in codebooks were not found (set COMB_CODEBOOKS to the "
                                                   "codebooks folder)");
        }
        file = *dir / (arg + ".qdc");
    } else if (fs::path(arg).extension() == ".qdc" || fs::exists(arg)) {
        file = arg;
    } else {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        throw core::InputError::argument("no built-in codebook \"" + arg + "\" (known: " + known +
                                                   "), and no such .qdc file");
    }
    RefiProject book = read_qdc(file);
    for (auto& c : book.codes) c.inductive = false;
    return book;
}

}  // namespace comb::refi
