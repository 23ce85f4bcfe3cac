#include "cli/import_files.h"

#include <algorithm>
#include <set>

#include "cli/terminal.h"
#include "core/commands/import_documents.h"
#include "core/error.h"
#include "import/registry.h"

namespace comb::cli {
namespace fs = std::filesystem;

namespace {

std::string lower_ext(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
    return e;
}

// Folders expand to the supported files directly inside them, in name order.
std::vector<fs::path> expand(const std::vector<fs::path>& paths) {
    const auto exts = importers::supported_extensions();
    const std::set<std::string> supported(exts.begin(), exts.end());
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw core::InputError({p.string()}, "no such file or folder");
        if (!fs::is_directory(p)) { out.push_back(p); continue; }
        std::vector<fs::path> inside;
        for (const auto& e : fs::directory_iterator(p)) {
            if (e.is_regular_file() && supported.count(lower_ext(e.path()))) inside.push_back(e.path());
        }
        std::sort(inside.begin(), inside.end());
        out.insert(out.end(), inside.begin(), inside.end());
    }
    return out;
}

// The case of a transcript defaults to its one non-interviewer speaker, if it has exactly one.
std::optional<std::string> sole_speaker(const importers::ImportedDocument& doc) {
    std::set<std::string> speakers;
    for (const auto& t : doc.turns) if (!t.is_interviewer) speakers.insert(t.speaker);
    if (speakers.size() == 1) return *speakers.begin();
    return std::nullopt;
}

core::NewDocument to_new_document(importers::ImportedDocument doc, const ImportRequest& request) {
    core::NewDocument nd;
    nd.name = doc.name;
    nd.text = std::move(doc.text);
    nd.hash = doc.content_hash;
    nd.paragraphs = std::move(doc.paragraphs);
    for (const auto& t : doc.turns) {
        nd.turns.push_back({t.span, t.body, t.speaker, t.is_interviewer, t.time_start, t.time_end});
    }
    nd.metadata = std::move(doc.metadata);
    nd.case_name = request.case_name ? request.case_name : sole_speaker(doc);
    if (request.case_name) nd.attributes = request.attributes;
    for (const auto& m : doc.memos) {
        nd.memos.emplace_back(m.anchor, m.author.empty() ? m.text : m.author + ": " + m.text);
    }
    return nd;
}

}  // namespace

ImportSummary import_files(Session& session, const ImportRequest& request) {
    const auto files = expand(request.paths);
    if (files.empty()) throw core::InputError({"<argument>"}, "no importable files found");
    TerminalProgress progress;
    progress.start("Reading", static_cast<std::int64_t>(files.size()));
    std::vector<core::NewDocument> docs;
    std::vector<std::string> errors;
    ImportSummary summary;
    for (std::size_t i = 0; i < files.size(); ++i) {
        try {
            auto doc = importers::read_file(files[i]);
            for (const auto& w : doc.warnings) summary.warnings.push_back(files[i].string() + ": " + w);
            summary.turns += doc.turns.size();
            docs.push_back(to_new_document(std::move(doc), request));
        } catch (const core::InputError& e) {
            errors.push_back(e.what());
        }
        progress.advance(static_cast<std::int64_t>(i + 1));
    }
    progress.finish();
    if (!errors.empty()) {
        std::string all = std::to_string(errors.size()) + " of " + std::to_string(files.size()) +
                          " files could not be read; nothing was imported:";
        for (const auto& e : errors) all += "\n  " + e;
        throw core::InputError({}, all);
    }
    summary.documents = docs.size();
    session.run(core::ImportDocuments(std::move(docs)));
    return summary;
}

}  // namespace comb::cli
