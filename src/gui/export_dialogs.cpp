// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/export_dialogs.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "core/error.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

// Format, quotes per row, orientation and date for the theme table.
class ThemeTableDialog : public wxDialog {
public:
    explicit ThemeTableDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, "Export theme table") {
        wxArrayString labels;
        for (const auto& f : theme_table_formats()) labels.Add(to_wx(f.label));
        format_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels);
        format_->SetName("format");
        format_->SetSelection(0);
        quotes_ = new wxSpinCtrl(this, wxID_ANY, "3", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 20, 3);
        landscape_ = new wxCheckBox(this, wxID_ANY, "&Landscape pages (DOCX, LaTeX)");
        landscape_->SetValue(true);
        date_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
        const wxString layouts[] = {"Level, COM-B and barrier/facilitator per row, with quotes",
                                    "Barriers and facilitators side by side (codes, COM-B, n)"};
        layout_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 2, layouts);
        layout_->SetName("layout");
        layout_->SetSelection(0);
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
        grid->Add(new wxStaticText(this, wxID_ANY, "&Format:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(format_, 0, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, "La&yout:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(layout_, 0, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Quotes per row:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(quotes_);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Date:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(date_);
        grid->AddSpacer(0);
        grid->Add(landscape_);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 0, wxALL | wxEXPAND, FromDIP(12));
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, FromDIP(8));
        // OK leads on to the save dialog.
        if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel("&Save...");
        SetSizerAndFit(sizer);
        format_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_landscape(); });
    }

    ThemeTableChoice choice() const {
        ThemeTableChoice c;
        c.format = static_cast<std::size_t>(std::max(0, format_->GetSelection()));
        c.quotes = quotes_->GetValue();
        c.landscape = landscape_->GetValue();
        c.date = from_wx(date_->GetValue().FormatISODate());
        c.side_by_side = layout_->GetSelection() == 1;
        return c;
    }

private:
    void update_landscape() {
        const std::string ext = theme_table_formats()[choice().format].extension;
        landscape_->Enable(ext == ".docx" || ext == ".tex");
    }

    wxChoice* format_ = nullptr;
    wxSpinCtrl* quotes_ = nullptr;
    wxCheckBox* landscape_ = nullptr;
    wxDatePickerCtrl* date_ = nullptr;
    wxChoice* layout_ = nullptr;
};

// Over a written preview: opens it in the browser, or asks where to save the summary.
class SummaryDialog : public wxDialog {
public:
    SummaryDialog(wxWindow* parent, Workbench& wb, std::filesystem::path preview)
        : wxDialog(parent, wxID_ANY, "Export summary"), wb_(wb), preview_(std::move(preview)) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY, "The barrier/facilitator summary is ready (one HTML file).\n"
                                                    "Preview it in your browser, then save it."),
                   0, wxALL, FromDIP(12));
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* preview_button = new wxButton(this, wxID_ANY, "&Preview in browser");
        auto* save_button = new wxButton(this, wxID_SAVE, "&Save...");
        buttons->Add(preview_button, 0, wxRIGHT, FromDIP(6));
        buttons->Add(save_button, 0, wxRIGHT, FromDIP(6));
        buttons->AddStretchSpacer();
        buttons->Add(new wxButton(this, wxID_CANCEL, "&Close"));
        sizer->Add(buttons, 0, wxALL | wxEXPAND, FromDIP(8));
        SetSizerAndFit(sizer);
        preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!wxLaunchDefaultBrowser(to_wx("file://" + preview_.string()))) {
                wb_.report_error("Cannot open a browser for " + preview_.string());
            }
        });
        save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    }

    // The path chosen to save to; empty when closed without saving.
    const std::filesystem::path& saved() const { return saved_; }

private:
    void save() {
        const std::string stem = wb_.path().stem().string() + "-summary.html";
        wxFileDialog dialog(this, "Save summary", "", to_wx(stem), "HTML files (*.html)|*.html",
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        std::filesystem::path path = from_wx(dialog.GetPath());
        const std::string ext = path.extension().string();
        if (ext != ".html" && ext != ".htm" && ext != ".HTML" && ext != ".HTM") path += ".html";
        saved_ = path;
        EndModal(wxID_OK);
    }

    Workbench& wb_;
    std::filesystem::path preview_;
    std::filesystem::path saved_;
};

}  // namespace

std::filesystem::path write_theme_table_export(Workbench& wb, const ThemeTableChoice& choice,
                                               const std::filesystem::path& path) {
    core::NullProgress quiet;
    return write_theme_table(wb.repo(), wb.path(), choice, path, quiet);
}

void write_summary_export(Workbench& wb, const std::filesystem::path& path, const std::string& date) {
    core::NullProgress quiet;
    write_summary(wb.repo(), wb.path(), path, date, quiet);
}

std::optional<ExportRequest> ask_theme_table_export(wxWindow* parent, Workbench& wb) {
    if (!wb.is_open()) return std::nullopt;
    ThemeTableDialog options(parent);
    if (options.ShowModal() != wxID_OK) return std::nullopt;
    const auto choice = options.choice();
    const auto format = theme_table_formats().at(choice.format);
    const std::string name = wb.path().stem().string() + "-theme-table" + format.extension;
    const wxString wildcard = to_wx(format.label + " files (*" + format.extension + ")|*" + format.extension);
    wxFileDialog dialog(parent, "Save theme table", "", to_wx(name), wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return theme_table_request(wb.path(), choice, from_wx(dialog.GetPath()));
}

std::optional<ExportRequest> ask_file_export(wxWindow* parent, Workbench& wb, exporters::Report report) {
    if (!wb.is_open()) return std::nullopt;
    const auto formats = exporters::formats(report);
    const bool project = report == exporters::Report::project;
    const std::string name = wb.path().stem().string() + (project ? "" : "-codebook") + formats.front().extension;
    wxFileDialog dialog(parent, project ? "Export REFI-QDA project" : "Export codebook", "", to_wx(name),
                        to_wx(export_wildcard(report)), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    std::filesystem::path path = from_wx(dialog.GetPath());
    // GTK does not add the chosen type's extension: add it when the name has none of them.
    const auto ext = path.extension().string();
    if (std::none_of(formats.begin(), formats.end(), [&](const ExportFormat& f) { return f.extension == ext; })) {
        const auto chosen = static_cast<std::size_t>(std::max(0, dialog.GetFilterIndex()));
        path += formats.at(std::min(chosen, formats.size() - 1)).extension;
    }
    return file_request(report, wb.path(), path);
}

std::filesystem::path summary_preview_path(const Workbench& wb) {
    return std::filesystem::temp_directory_path() / ("comb-summary-" + wb.path().stem().string() + ".html");
}

std::optional<std::filesystem::path> ask_summary_save(wxWindow* parent, Workbench& wb,
                                                      const std::filesystem::path& preview) {
    SummaryDialog dialog(parent, wb, preview);
    if (dialog.ShowModal() != wxID_OK || dialog.saved().empty()) return std::nullopt;
    return dialog.saved();
}

}  // namespace comb::gui
