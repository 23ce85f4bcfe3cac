// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for REFI-QDA tests: zips made in code, schema validation with xmllint, the shared
// corpus, and a project's content keyed by names and paths (not ids) so that two projects
// built differently compare equal when they hold the same things.
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/code_paths.h"
#include "core/repository.h"
#include "import/zip_reader.h"
#include "support/temp_dir.h"

namespace comb::test {

namespace fs = std::filesystem;

inline fs::path shared_dir() {
    if (const char* env = std::getenv("COMB_SHARED_DIR"); env && *env) return env;
    return COMB_SHARED_DIR;
}
inline fs::path refi_dir() { return shared_dir() / "corpora" / "refi-qda"; }
inline bool have_shared() { return fs::exists(refi_dir() / "Project.xsd"); }
inline fs::path codebooks_dir() { return fs::path(COMB_TESTS_DIR) / ".." / "codebooks"; }

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// Writes a zip with these entries (name, bytes), deflated unless `store`.
inline void make_zip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int err = 0;
    zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("zip_open failed");
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        if (name.back() == '/') zip_dir_add(z, name.c_str(), ZIP_FL_ENC_UTF_8), zip_source_free(s);
        else zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
}

// xmllint's verdict on `xml` against `schema`: "" when valid, else its messages.
inline std::string schema_errors(const std::string& xml, const fs::path& schema) {
    static TempDir dir;
    static int n = 0;
    const auto file = dir / ("doc" + std::to_string(n) + ".xml");
    const auto log = dir / ("log" + std::to_string(n++) + ".txt");
    spit(file, xml);
    const std::string cmd = "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "' 2>'" +
                            log.string() + "'";
    const int status = std::system(cmd.c_str());
    return status == 0 ? std::string() : slurp(log);
}

inline std::string qde_of(const fs::path& qdpx) {
    const std::string bytes = slurp(qdpx);
    importers::ZipReader zip(bytes, qdpx.string());
    return zip.read("project.qde");
}

// What a project holds, by names and paths.
struct Content {
    std::vector<std::tuple<std::string, std::string, std::string, std::vector<core::Span>, std::vector<core::Turn>,
                           std::map<std::string, std::string>, std::string>> documents;  // name, case, text, paragraphs, turns, metadata, created
    std::vector<std::pair<std::string, std::string>> cases;
    std::vector<std::tuple<std::string, core::AttributeType, std::vector<std::string>>> attributes;
    std::vector<std::tuple<std::string, std::string, std::string>> values;  // case, attribute, value
    std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string,
                           bool, std::string, std::int64_t, bool>> codes;  // path, colour, def, incl, excl, example, tags, inductive, guid, position, codable
    std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::string, std::string, std::string,
                           std::string, bool>> codings;  // doc, start, end, code, coder, created, override, pinned
    std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>> memos;
    std::vector<std::tuple<std::string, std::string, std::string, std::int64_t, std::vector<std::string>>> themes;
    friend bool operator==(const Content&, const Content&) = default;
};

inline Content content(const core::Repository& r) {
    Content c;
    std::map<std::int64_t, std::string> doc_names, case_names, attr_names, theme_names, coding_keys;
    for (const auto& x : r.cases()) case_names[x.id.value] = x.name;
    for (const auto& x : r.attributes()) attr_names[x.id.value] = x.name;
    for (const auto& x : r.themes()) theme_names[x.id.value] = x.name;
    const core::CodeTree tree(r.codes());
    for (const auto& d : r.documents()) {
        doc_names[d.id.value] = d.name;
        auto meta = d.metadata;
        meta.erase("guid");
        c.documents.emplace_back(d.name, d.case_id ? case_names[d.case_id->value] : "", r.text(d.text_id), d.paragraphs,
                                 d.turns, meta, d.created);
    }
    for (const auto& x : r.cases()) c.cases.emplace_back(x.name, x.description);
    for (const auto& x : r.attributes()) c.attributes.emplace_back(x.name, x.type, x.choices);
    for (const auto& v : r.attribute_values()) {
        c.values.emplace_back(case_names[v.case_id.value], attr_names[v.attribute_id.value], v.value);
    }
    std::sort(c.values.begin(), c.values.end());
    for (const auto& x : tree.codes()) {
        c.codes.emplace_back(tree.path(x.id), x.colour, x.definition, x.inclusion, x.exclusion, x.example,
                             x.tags.to_string(), x.inductive, x.guid, x.position, x.codable);
    }
    std::sort(c.codes.begin(), c.codes.end());
    for (const auto& x : r.codings()) {
        const std::string key = doc_names[x.document.value] + "@" + std::to_string(x.span.start.value) + "-" +
                                std::to_string(x.span.end.value) + ":" + tree.path(x.code);
        coding_keys[x.id.value] = key;
        c.codings.emplace_back(doc_names[x.document.value], x.span.start.value, x.span.end.value, tree.path(x.code),
                               x.coder, x.created, x.tag_override ? "override " + x.tag_override->to_string() : "",
                               x.pinned);
    }
    std::sort(c.codings.begin(), c.codings.end());
    for (const auto& m : r.memos()) {
        std::string target;
        switch (m.target) {
            case core::MemoTarget::project: target = "project"; break;
            case core::MemoTarget::document: target = "document " + doc_names[m.target_id]; break;
            case core::MemoTarget::code: target = "code " + tree.path(core::CodeId(m.target_id)); break;
            case core::MemoTarget::coding: target = "coding " + coding_keys[m.target_id]; break;
            case core::MemoTarget::case_: target = "case " + case_names[m.target_id]; break;
            case core::MemoTarget::theme: target = "theme " + theme_names[m.target_id]; break;
        }
        c.memos.emplace_back(target, m.title, m.text, m.author, m.created, "");
    }
    std::sort(c.memos.begin(), c.memos.end());
    for (const auto& t : r.themes()) {
        std::vector<std::string> codes;
        for (const auto id : t.codes) codes.push_back(tree.path(id));
        c.themes.emplace_back(t.name, t.parent ? theme_names[t.parent->value] : "", t.description, t.position, codes);
    }
    return c;
}

}  // namespace comb::test
