#include "gui/export_dialogs.h"

#include <algorithm>
#include <cctype>

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

#include "analysis/coding_facts.h"
#include "analysis/report_builders.h"
#include "core/error.h"
#include "export/registry.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

analysis::ReportOptions report_options(Workbench& wb, const std::string& date) {
    analysis::ReportOptions options;
    options.project = wb.path().stem().string();
    options.date = date.empty() ? core::utc_now_iso8601().substr(0, 10) : date;
    return options;
}

// Format, quotes per row, orientation and date for the theme table.
class ThemeTableDialog : public wxDialog {
public:
    explicit ThemeTableDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, "Export theme table") {
        wxArrayString labels;
        for (const auto& f : theme_table_formats()) labels.Add(f.label);
        format_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels);
        format_->SetName("format");
        format_->SetSelection(0);
        quotes_ = new wxSpinCtrl(this, wxID_ANY, "3", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 20, 3);
        landscape_ = new wxCheckBox(this, wxID_ANY, "&Landscape pages (DOCX, LaTeX)");
        landscape_->SetValue(true);
        date_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
        auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
        grid->Add(new wxStaticText(this, wxID_ANY, "&Format:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(format_, 0, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Quotes per row:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(quotes_);
        grid->Add(new wxStaticText(this, wxID_ANY, "&Date:"), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(date_);
        grid->AddSpacer(0);
        grid->Add(landscape_);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 0, wxALL | wxEXPAND, 12);
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);
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
};

// Writes the summary to a temporary file on opening; previews it or saves it elsewhere.
class SummaryDialog : public wxDialog {
public:
    SummaryDialog(wxWindow* parent, Workbench& wb, std::filesystem::path preview)
        : wxDialog(parent, wxID_ANY, "Export summary"), wb_(wb), preview_(std::move(preview)) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY, "The barrier/facilitator summary is ready (one HTML file).\n"
                                                    "Preview it in your browser, then save it."),
                   0, wxALL, 12);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* preview_button = new wxButton(this, wxID_ANY, "&Preview in browser");
        auto* save_button = new wxButton(this, wxID_SAVE, "&Save...");
        buttons->Add(preview_button, 0, wxRIGHT, 6);
        buttons->Add(save_button, 0, wxRIGHT, 6);
        buttons->AddStretchSpacer();
        buttons->Add(new wxButton(this, wxID_CANCEL, "&Close"));
        sizer->Add(buttons, 0, wxALL | wxEXPAND, 8);
        SetSizerAndFit(sizer);
        preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (!wxLaunchDefaultBrowser(to_wx("file://" + preview_.string()))) {
                wb_.report_error("Cannot open a browser for " + preview_.string());
            }
        });
        save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    }

    const std::filesystem::path& saved() const { return saved_; }

private:
    void save() {
        const std::string stem = wb_.path().stem().string() + "-summary.html";
        wxFileDialog dialog(this, "Save summary", "", to_wx(stem), "HTML files (*.html)|*.html",
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        std::filesystem::path path = from_wx(dialog.GetPath());
        const std::string ext = lower(path.extension().string());
        if (ext != ".html" && ext != ".htm") path += ".html";
        try {
            wxBusyCursor busy;
            write_summary_export(wb_, path);
            saved_ = path;
            EndModal(wxID_OK);
        } catch (const std::exception& e) {
            wb_.report_error(e.what());
        }
    }

    Workbench& wb_;
    std::filesystem::path preview_;
    std::filesystem::path saved_;
};

}  // namespace

const std::vector<ExportFormat>& theme_table_formats() {
    static const std::vector<ExportFormat> kFormats = {
        {"DOCX", ".docx"}, {"XLSX", ".xlsx"}, {"CSV", ".csv"}, {"Markdown", ".md"}, {"LaTeX", ".tex"}, {"HTML", ".html"},
    };
    return kFormats;
}

std::filesystem::path with_format_extension(const std::filesystem::path& path, const ThemeTableChoice& choice) {
    const std::string want = theme_table_formats().at(choice.format).extension;
    const std::string ext = lower(path.extension().string());
    if (ext == want) return path;
    std::filesystem::path out = path;
    const bool known = std::any_of(theme_table_formats().begin(), theme_table_formats().end(),
                                   [&](const ExportFormat& f) { return ext == f.extension; });
    // A name like "table.v2" keeps its dot part; only a known report extension is swapped.
    if (known) out.replace_extension(want);
    else out += want;
    return out;
}

std::filesystem::path write_theme_table_export(Workbench& wb, const ThemeTableChoice& choice,
                                               const std::filesystem::path& path) {
    const auto target = with_format_extension(path, choice);
    auto options = report_options(wb, choice.date);
    options.quotes.max_quotes = choice.quotes;
    const auto facts = analysis::CodingFacts::from(wb.repo());
    exporters::ThemeTableOptions write;
    write.landscape = choice.landscape;
    exporters::write_theme_table(analysis::build_theme_table(facts, wb.repo(), options), target, write);
    return target;
}

void write_summary_export(Workbench& wb, const std::filesystem::path& path, const std::string& date) {
    const auto facts = analysis::CodingFacts::from(wb.repo());
    exporters::write_summary(analysis::build_summary(facts, wb.repo(), report_options(wb, date)), path);
}

std::filesystem::path show_theme_table_export(wxWindow* parent, Workbench& wb) {
    if (!wb.is_open()) return {};
    ThemeTableDialog options(parent);
    if (options.ShowModal() != wxID_OK) return {};
    const auto choice = options.choice();
    const auto& format = theme_table_formats()[choice.format];
    const std::string name = wb.path().stem().string() + "-theme-table" + format.extension;
    const wxString wildcard = wxString(format.label) + " files (*" + format.extension + ")|*" + format.extension;
    wxFileDialog dialog(parent, "Save theme table", "", to_wx(name), wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return {};
    try {
        wxBusyCursor busy;
        return write_theme_table_export(wb, choice, from_wx(dialog.GetPath()));
    } catch (const std::exception& e) {
        wb.report_error(e.what());
        return {};
    }
}

std::filesystem::path show_summary_export(wxWindow* parent, Workbench& wb) {
    if (!wb.is_open()) return {};
    // One preview file per project name, replaced on each export: the browser may read it
    // after the dialog has closed, so it is not removed.
    const auto preview = std::filesystem::temp_directory_path() / ("comb-summary-" + wb.path().stem().string() + ".html");
    try {
        wxBusyCursor busy;
        write_summary_export(wb, preview);
    } catch (const std::exception& e) {
        wb.report_error(e.what());
        return {};
    }
    SummaryDialog dialog(parent, wb, preview);
    dialog.ShowModal();
    return dialog.saved();
}

}  // namespace comb::gui
