// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/import_batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "core/error.h"

namespace comb::importers {
namespace fs = std::filesystem;
namespace {

bool is_project(const fs::path& file) { return project_format(file) != nullptr; }

// Folders expand to the readable files directly inside them, in name order; projects in a
// folder are listed too, so the batch can take or refuse them rather than skip them.
std::vector<fs::path> expand(const std::vector<fs::path>& paths) {
    const auto exts = supported_extensions();
    std::set<std::string> readable(exts.begin(), exts.end());
    for (const auto& f : project_formats()) readable.insert(f.extension);
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw core::InputError({p.string()}, "no such file or folder");
        if (!fs::is_directory(p)) { out.push_back(p); continue; }
        std::vector<fs::path> inside;
        for (const auto& e : fs::directory_iterator(p)) {
            if (e.is_regular_file() && readable.count(lower_extension(e.path()))) inside.push_back(e.path());
        }
        std::sort(inside.begin(), inside.end());
        out.insert(out.end(), inside.begin(), inside.end());
    }
    return out;
}

// The case of a transcript defaults to its one non-interviewer speaker, if it has exactly one.
std::optional<std::string> sole_speaker(const ImportedDocument& doc) {
    std::set<std::string> speakers;
    for (const auto& t : doc.turns) if (!t.is_interviewer) speakers.insert(t.speaker);
    if (speakers.size() == 1) return *speakers.begin();
    return std::nullopt;
}

// Merging a project silently beside transcripts would also be wrong when it is an earlier
// export of these very transcripts, kept beside them.
[[noreturn]] void refuse_mixed(const std::vector<fs::path>& files, std::size_t projects, const fs::path& project) {
    std::string reason;
    fs::path first;
    for (const auto& f : files) {
        if (!is_project(f)) continue;
        if (first.empty()) first = f;
        reason += "\n  comb import " + project.string() + " " + f.string();
    }
    const std::string what = projects == 1 ? "a REFI-QDA project" : std::to_string(projects) + " REFI-QDA projects";
    throw core::InputError({first.string()}, what + " cannot be imported together with transcripts; nothing was imported. "
                                             "Import the transcripts without it, and it on its own:" + reason);
}

struct ReadResult {
    std::optional<ImportedDocument> doc;
    std::string error;
    bool argument_error = false;  // the options are wrong, not the file: say it once
};

// Reads the files on all cores; results keep the order of `files`. Readers are independent
// and share no state, so each worker takes the next unread file.
std::vector<ReadResult> read_all(const std::vector<fs::path>& files, const ReadOptions& options, core::Progress& progress) {
    std::vector<ReadResult> results(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> stop{false};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size() && !stop; i = next++) {
            try {
                results[i].doc = read_file(files[i], options);
            } catch (const core::InputError& e) {
                results[i].error = e.what();
                results[i].argument_error = e.is_argument();
            } catch (const std::exception& e) {
                results[i].error = files[i].string() + ": cannot be read (" + e.what() + ")";
            }
            ++done;
        }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(files.size())));
    std::vector<std::thread> workers;
    for (unsigned k = 0; k < n; ++k) workers.emplace_back(work);
    // The calling thread only reports (and hears Cancel), so progress moves while the workers read.
    while (done < static_cast<std::int64_t>(files.size()) && !stop) {
        progress.advance(done);
        if (progress.cancelled()) stop = true;
        else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& w : workers) w.join();
    if (stop) throw core::Cancelled();
    progress.advance(done);
    return results;
}

Batch read_projects(const std::vector<fs::path>& files) {
    Batch batch;
    batch.files = files.size();
    for (const auto& f : files) {
        ProjectImport p = project_format(f)->read(f);
        batch.documents += p.documents;
        batch.turns += p.turns;
        for (const auto& w : p.warnings) batch.warnings.push_back(f.string() + ": " + w);
        batch.descriptions.push_back(std::move(p.description));
        batch.commands.push_back(std::move(p.command));
    }
    return batch;
}

}  // namespace

core::NewDocument to_new_document(ImportedDocument doc, const std::optional<std::string>& case_name,
                                  const std::vector<std::pair<std::string, std::string>>& attributes) {
    core::NewDocument nd;
    nd.name = doc.name;
    nd.hash = doc.content_hash;
    nd.paragraphs = std::move(doc.paragraphs);
    for (const auto& t : doc.turns) {
        nd.turns.push_back({t.span, t.body, t.speaker, t.is_interviewer, t.time_start, t.time_end});
    }
    nd.metadata = std::move(doc.metadata);
    nd.case_name = case_name ? case_name : sole_speaker(doc);
    if (case_name) nd.attributes = attributes;
    for (const auto& m : doc.memos) {
        nd.memos.emplace_back(m.anchor, m.author.empty() ? m.text : m.author + ": " + m.text);
    }
    nd.text = std::move(doc.text);
    return nd;
}

Batch read_batch(const BatchRequest& request, core::Progress& progress) {
    const auto files = expand(request.paths);
    if (files.empty()) throw core::InputError::argument("no importable files found");
    const auto projects = static_cast<std::size_t>(std::count_if(files.begin(), files.end(), is_project));
    if (projects == files.size()) return read_projects(files);
    if (projects > 0) refuse_mixed(files, projects, request.project);
    progress.start("Reading", static_cast<std::int64_t>(files.size()));
    auto results = read_all(files, request.read, progress);
    progress.finish();
    Batch batch;
    batch.files = files.size();
    std::vector<core::NewDocument> docs;
    std::vector<std::string> errors;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (results[i].argument_error) throw core::InputError::argument(results[i].error);
        if (!results[i].doc) { errors.push_back(results[i].error); continue; }
        auto& doc = *results[i].doc;
        for (const auto& w : doc.warnings) batch.warnings.push_back(files[i].string() + ": " + w);
        batch.turns += doc.turns.size();
        docs.push_back(to_new_document(std::move(doc), request.case_name, request.attributes));
    }
    if (request.keep_going) {
        batch.failed = std::move(errors);
    } else if (!errors.empty()) {
        std::string all = std::to_string(errors.size()) + " of " + std::to_string(files.size()) +
                          " files could not be read; nothing was imported:";
        for (const auto& e : errors) all += "\n  " + e;
        throw core::InputError({}, all);
    }
    batch.documents = docs.size();
    if (!docs.empty()) batch.commands.push_back(std::make_unique<core::ImportDocuments>(std::move(docs)));
    return batch;
}

}  // namespace comb::importers
