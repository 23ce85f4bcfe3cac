// comb-gui [PROJECT]: the desktop workbench. Opens PROJECT, or the last project.
#include <clocale>
#include <filesystem>
#include <memory>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/msgdlg.h>

#include "gui/main_frame.h"
#include "gui/settings.h"
#include "gui/text_metrics.h"
#include "gui/wx_text.h"

namespace {

class CombApp : public wxApp {
public:
    bool Initialize(int& argc, wxChar** argv) override {
        comb::gui::use_exact_text_metrics();  // before the toolkit loads any font
        if (!wxApp::Initialize(argc, argv)) return false;
        // Dates in dialogs (the export's date picker) in the user's format: wx keeps the C
        // locale, which showed 12/02/2026 to everyone. Only LC_TIME: numbers stay "C", as
        // the project file and every parser expect. Reports keep ISO dates (2026-02-12).
        std::setlocale(LC_TIME, "");
        return true;
    }

    bool OnInit() override {
        SetAppName("comb");
        SetVendorName("Comb");
        settings_ = std::make_unique<comb::gui::Settings>(*wxConfigBase::Get());
        auto* frame = new comb::gui::MainFrame(*settings_);
        frame->Show();
        std::filesystem::path project;
        if (argc > 1) project = comb::gui::from_wx(argv[1]);
        else if (!settings_->last_project().empty() && std::filesystem::exists(settings_->last_project())) {
            project = settings_->last_project();
        }
        if (!project.empty()) frame->open_project(project);
        return true;
    }

    // The main-loop net: an exception escaping a handler is shown, and the app goes on.
    bool OnExceptionInMainLoop() override {
        try {
            throw;
        } catch (const std::exception& e) {
            wxMessageBox(comb::gui::to_wx(std::string("Unexpected error: ") + e.what()), "Comb", wxOK | wxICON_ERROR);
        }
        return true;
    }

private:
    std::unique_ptr<comb::gui::Settings> settings_;
};

}  // namespace

wxIMPLEMENT_APP(CombApp);
