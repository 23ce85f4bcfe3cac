// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame: File > Export (theme table, summary, codebook, REFI-QDA project) on a worker
// thread, one export at a time.
#include <algorithm>

#include "gui/background_task.h"
#include "gui/code_editor.h"
#include "gui/command_ids.h"
#include "gui/export_dialogs.h"
#include "gui/export_jobs.h"
#include "gui/main_frame.h"
#include "gui/wx_text.h"

namespace comb::gui {

void MainFrame::on_export(wxCommandEvent& event) {
    editor_->commit();
    const int id = event.GetId();
    if (id == kIdExportSummary) export_summary();
    std::optional<ExportRequest> request;
    if (id == kIdExportThemeTable) request = ask_theme_table_export(this, wb_);
    if (id == kIdExportCodebook) request = ask_file_export(this, wb_, exporters::Report::codebook);
    if (id == kIdExportProject) request = ask_file_export(this, wb_, exporters::Report::project);
    if (request) start_export(std::move(*request));
}

void MainFrame::export_summary() {
    if (!wb_.is_open()) return;
    const auto preview = summary_preview_path(wb_);
    start_export(summary_request(wb_.path(), preview), [this, preview] {
        if (!wb_.is_open()) return;
        if (const auto to = ask_summary_save(this, wb_, preview)) start_export(summary_request(wb_.path(), *to));
    });
}

bool MainFrame::start_export(ExportRequest request, std::function<void()> then) {
    if (!wb_.is_open() || export_) return false;
    const auto target = request.target;
    TaskSpec spec{request.title, "Writing " + target.filename().string(), 300};
    export_ = std::make_unique<BackgroundTask>(*this, std::move(spec), std::move(request.job),
                                               [this, target, then = std::move(then)](const TaskOutcome& outcome) {
        // The task goes first, so `then` may start the next export.
        CallAfter([this] { export_.reset(); });
        if (outcome.cancelled) {
            SetStatusText("Export cancelled; nothing was written", 1);
        } else if (!outcome.ok) {
            wb_.report_error(outcome.error);
        } else if (then) {
            CallAfter(then);
        } else {
            SetStatusText(to_wx("Wrote " + target.string()), 1);
        }
    });
    return true;
}

bool MainFrame::export_report(int which, const std::filesystem::path& path) {
    if (!wb_.is_open()) return false;
    if (which == kIdExportCodebook) return start_export(file_request(exporters::Report::codebook, wb_.path(), path));
    if (which == kIdExportProject) return start_export(file_request(exporters::Report::project, wb_.path(), path));
    if (which != kIdExportThemeTable) return start_export(summary_request(wb_.path(), path));
    const auto& formats = theme_table_formats();
    const auto ext = path.extension().string();
    const auto f = std::find_if(formats.begin(), formats.end(), [&](const ExportFormat& x) { return ext == x.extension; });
    if (f == formats.end()) {
        wb_.report_error(path.string() + ": not a theme table format (.docx .xlsx .csv .md .tex .html)");
        return false;
    }
    ThemeTableChoice choice;
    choice.format = static_cast<std::size_t>(f - formats.begin());
    return start_export(theme_table_request(wb_.path(), choice, path));
}
void MainFrame::on_update_export(wxUpdateUIEvent& e) { e.Enable(wb_.is_open() && !export_); }

}  // namespace comb::gui
