// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/import_files.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "cli/export_refi.h"
#include "cli/terminal.h"
#include "core/commands/import_documents.h"
#include "core/error.h"
#include "import/registry.h"

namespace comb::cli {
namespace fs = std::filesystem;

namespace {

// Folders expand to the supported files directly inside them, in name order; .qdpx projects
// in a folder are listed too, so import_files can route or refuse them rather than skip them.
std::vector<fs::path> expand(const std::vector<fs::path>& paths) {
    const auto exts = importers::supported_extensions();
    std::set<std::string> supported(exts.begin(), exts.end());
    supported.insert(".qdpx");
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw core::InputError({p.string()}, "no such file or folder");
        if (!fs::is_directory(p)) { out.push_back(p); continue; }
        std::vector<fs::path> inside;
        for (const auto& e : fs::directory_iterator(p)) {
            if (e.is_regular_file() && supported.count(importers::lower_extension(e.path()))) inside.push_back(e.path());
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

// A .qdpx is a whole project, merged by its own command (ImportProject), and the transcripts
// are another (ImportDocuments); the two cannot be one transaction, so rather than break
// "all or nothing" the call is refused. Merging it silently would also be wrong when the
// .qdpx is an earlier export of these very transcripts, kept beside them.
void refuse_mixed(const std::vector<fs::path>& files, std::size_t refi_count, const fs::path& project) {
    std::string reason;
    fs::path first;
    for (const auto& f : files) {
        if (!is_refi_project(f)) continue;
        if (first.empty()) first = f;
        reason += "\n  comb import " + project.string() + " " + f.string();
    }
    const std::string what = refi_count == 1 ? "a REFI-QDA project" : std::to_string(refi_count) + " REFI-QDA projects";
    throw core::InputError({first.string()}, what + " cannot be imported together with transcripts; nothing was imported. "
                                             "Import the transcripts without it, and it on its own:" + reason);
}

}  // namespace

namespace {

struct ReadResult {
    std::optional<importers::ImportedDocument> doc;
    std::string error;
    bool argument_error = false;  // the options are wrong, not the file: say it once
};

// Reads the files on all cores; results keep the order of `files`. Readers are independent
// and share no state, so each worker takes the next unread file.
std::vector<ReadResult> read_all(const std::vector<fs::path>& files, const importers::ReadOptions& options,
                                 core::Progress& progress) {
    std::vector<ReadResult> results(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> done{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                results[i].doc = importers::read_file(files[i], options);
            } catch (const core::InputError& e) {
                results[i].error = e.what();
                results[i].argument_error = e.pos().path == "<argument>";
            } catch (const std::exception& e) {
                results[i].error = files[i].string() + ": cannot be read (" + e.what() + ")";
            }
            ++done;
        }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(files.size())));
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < n; ++k) workers.emplace_back(work);
    // The calling thread only reports, so the bar moves while the workers read.
    while (done < static_cast<std::int64_t>(files.size())) {
        progress.advance(done);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& w : workers) w.join();
    progress.advance(done);
    return results;
}

}  // namespace

ImportSummary import_files(Session& session, const ImportRequest& request) {
    const auto files = expand(request.paths);
    if (files.empty()) throw core::InputError({"<argument>"}, "no importable files found");
    const auto refi_count = static_cast<std::size_t>(std::count_if(files.begin(), files.end(), is_refi_project));
    // REFI-QDA projects are whole projects: refi merges each (cli/export_refi.h).
    if (refi_count == files.size()) {
        ImportSummary all;
        for (const auto& p : files) {
            auto one = import_qdpx(session, p);
            all.documents += one.documents, all.turns += one.turns;
            all.warnings.insert(all.warnings.end(), one.warnings.begin(), one.warnings.end());
        }
        return all;
    }
    if (refi_count > 0) refuse_mixed(files, refi_count, session.file().path());
    TerminalProgress progress;
    progress.start("Reading", static_cast<std::int64_t>(files.size()));
    auto results = read_all(files, request.read, progress);
    progress.finish();
    std::vector<core::NewDocument> docs;
    std::vector<std::string> errors;
    ImportSummary summary;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (results[i].argument_error) throw core::InputError({"<argument>"}, results[i].error);
        if (!results[i].doc) { errors.push_back(results[i].error); continue; }
        auto& doc = *results[i].doc;
        for (const auto& w : doc.warnings) summary.warnings.push_back(files[i].string() + ": " + w);
        summary.turns += doc.turns.size();
        docs.push_back(to_new_document(std::move(doc), request));
    }
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
