// comb-gui [PROJECT]: the desktop workbench. Opens PROJECT, or the last project.
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <wx/textdlg.h>
#include <wx/utils.h>
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
        return wxApp::Initialize(argc, argv);
    }

    bool OnInit() override {
        SetAppName("comb");
        SetVendorName("Comb");
        settings_ = std::make_unique<comb::gui::Settings>(*wxConfigBase::Get());
        const char* env_coder = std::getenv("COMB_CODER");
        if (settings_->coder_name().empty() && !(env_coder && *env_coder)) {
            // Asked once: every coding and memo records it, and agreement and merges tell
            // coders apart by it (Edit > Preferences changes it). COMB_CODER, when set, is the
            // name already given (scripts, the demo), so nothing is asked.
            const wxString name = wxGetTextFromUser("Your name as a coder (recorded on your codings and memos):",
                                                    "Welcome to Comb", wxGetUserId());
            settings_->set_coder_name(comb::gui::from_wx(name.empty() ? wxGetUserId() : name));
            settings_->flush();
        }
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
