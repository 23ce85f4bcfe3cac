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
    : window_(window), wb_(workbench), total_(files.size()), done_(std::move(done)) {
    dialog_ = std::make_unique<wxProgressDialog>("Importing documents", "Reading files...",
                                                 static_cast<int>(total_), &window_,
                                                 wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME);
    worker_ = std::thread([this, files = std::move(files)] {
        auto outcome = std::make_shared<ImportOutcome>();
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (cancel_) { outcome->cancelled = true; break; }
            try {
                outcome->documents.push_back(read(files[i]));
            } catch (const core::Error& e) {
                outcome->errors.push_back(e.what());
            } catch (const std::exception& e) {
                outcome->errors.push_back(files[i].string() + ": " + e.what());
            }
            const std::string name = files[i].filename().string();
            window_.CallAfter([this, i, name] { progress(i + 1, name); });
        }
        window_.CallAfter([this, outcome] { finish(outcome); });
    });
}

ImportTask::~ImportTask() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

void ImportTask::progress(std::size_t done, const std::string& name) {
    if (!dialog_) return;
    // Reaching the maximum would end the dialog; it closes when the commit is done instead.
    const auto value = static_cast<int>(std::min(done, total_ > 0 ? total_ - 1 : 0));
    if (!dialog_->Update(value, to_wx("Read " + name))) {
        cancel_ = true;
    }
}

void ImportTask::finish(std::shared_ptr<ImportOutcome> outcome) {
    if (worker_.joinable()) worker_.join();
    dialog_.reset();
    std::size_t imported = 0;
    if (cancel_ || outcome->cancelled) {
        wb_.report_error("Import cancelled; nothing was imported.");
    } else if (!outcome->errors.empty()) {
        std::string all = std::to_string(outcome->errors.size()) + " of " + std::to_string(total_) +
                          " files could not be read; nothing was imported:";
        for (const auto& e : outcome->errors) all += "\n  " + e;
        wb_.report_error(all);
    } else if (!outcome->documents.empty()) {
        const auto n = outcome->documents.size();
        if (wb_.run(core::ImportDocuments(std::move(outcome->documents)))) imported = n;
    }
    // `done_` may destroy this task; nothing may touch members after it.
    auto done = std::move(done_);
    if (done) done(imported);
}

}  // namespace comb::gui
