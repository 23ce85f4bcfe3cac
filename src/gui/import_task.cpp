// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/import_task.h"

#include <set>

#include <wx/window.h>

#include "core/error.h"
#include "gui/wx_text.h"
#include "import/registry.h"

namespace comb::gui {
namespace {

// The case of a transcript defaults to its one non-interviewer speaker, as in the CLI.
std::optional<std::string> sole_speaker(const importers::ImportedDocument& doc) {
    std::set<std::string> speakers;
    for (const auto& t : doc.turns) if (!t.is_interviewer) speakers.insert(t.speaker);
    if (speakers.size() == 1) return *speakers.begin();
    return std::nullopt;
}

}  // namespace

core::NewDocument ImportTask::read(const std::filesystem::path& file) {
    auto doc = importers::read_file(file);
    core::NewDocument nd;
    nd.name = doc.name;
    nd.hash = doc.content_hash;
    nd.paragraphs = doc.paragraphs;
    for (const auto& t : doc.turns) {
        nd.turns.push_back({t.span, t.body, t.speaker, t.is_interviewer, t.time_start, t.time_end});
    }
    nd.case_name = sole_speaker(doc);
    nd.metadata = std::move(doc.metadata);
    for (const auto& m : doc.memos) {
        nd.memos.emplace_back(m.anchor, m.author.empty() ? m.text : m.author + ": " + m.text);
    }
    nd.text = std::move(doc.text);
    return nd;
}

ImportTask::ImportTask(wxWindow& window, Workbench& workbench, std::vector<std::filesystem::path> files,
                       std::function<void(std::size_t)> done)
    : wb_(workbench), total_(files.size()), done_(std::move(done)) {
    auto job = [this, files = std::move(files)](core::Progress& progress) {
        progress.start("Reading files", static_cast<std::int64_t>(files.size()));
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (progress.cancelled()) throw core::Cancelled();
            try {
                outcome_.documents.push_back(read(files[i]));
            } catch (const core::Error& e) {
                outcome_.errors.push_back(e.what());
            } catch (const std::exception& e) {
                outcome_.errors.push_back(files[i].string() + ": " + e.what());
            }
            progress.advance(static_cast<std::int64_t>(i + 1));
        }
    };
    task_ = std::make_unique<BackgroundTask>(window, TaskSpec{"Importing documents", "Reading the files to import\u2026", 0},
                                             std::move(job), [this](const TaskOutcome& o) { finish(o); });
}

ImportTask::~ImportTask() = default;

void ImportTask::finish(const TaskOutcome& task) {
    std::size_t imported = 0;
    if (task.cancelled) {
        wb_.report_error("Import cancelled; nothing was imported.");
    } else if (!task.ok) {
        wb_.report_error("Import failed; nothing was imported: " + task.error);
    } else if (!outcome_.errors.empty()) {
        std::string all = std::to_string(outcome_.errors.size()) + " of " + std::to_string(total_) +
                          " files could not be read; nothing was imported:";
        for (const auto& e : outcome_.errors) all += "\n  " + e;
        wb_.report_error(all);
    } else if (!outcome_.documents.empty()) {
        const auto n = outcome_.documents.size();
        if (wb_.run(core::ImportDocuments(std::move(outcome_.documents)))) imported = n;
    }
    // `done_` may destroy this task (deferred); nothing may touch members after it.
    auto done = std::move(done_);
    if (done) done(imported);
}

}  // namespace comb::gui
