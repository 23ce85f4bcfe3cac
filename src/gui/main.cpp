// SPDX-License-Identifier: GPL-3.0-or-later
// comb-gui [--read-only] [PROJECT.comb | FILE.qdpx | --example | --version | --help]: the desktop
// workbench. --read-only opens the project without ever writing it (docs/storage.md).
// Opens PROJECT, imports FILE.qdpx into a new project (asking where to save it), opens the
// example project, or reopens the last project. --version and --help answer before the toolkit
// starts, so they work without a display.
#include <cstdlib>
#include <clocale>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/app.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/msgdlg.h>

#include "about/about.h"
#include "core/error.h"
#include "gui/main_frame.h"
#include "gui/open_files.h"
#include "gui/settings.h"
#include "gui/text_metrics.h"
#include "gui/wx_text.h"

namespace {

bool g_read_only = false;  // --read-only, taken out of argv before wx sees it

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
        frame->workbench().set_read_only(g_read_only);
        // The installed icon from the icon theme (GTK); nothing when running from a build tree.
        const wxIconBundle icons = wxArtProvider::GetIconBundle(std::string(comb::about::app_id()), wxART_FRAME_ICON);
        if (!icons.IsEmpty()) frame->SetIcons(icons);
        frame->Show();
        const std::filesystem::path arg = argc > 1 ? std::filesystem::path(comb::gui::from_wx(argv[1])) : std::filesystem::path();
        if (arg == "--example") {
            frame->open_example();
        } else if (arg.extension() == ".qdpx") {
            open_qdpx(*frame, arg);
        } else if (!arg.empty()) {
            frame->open_project(arg);
        } else if (!settings_->last_project().empty() && std::filesystem::exists(settings_->last_project())) {
            frame->open_project(settings_->last_project());
        }
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
    static void open_qdpx(comb::gui::MainFrame& frame, const std::filesystem::path& qdpx) {
        try {
            if (const auto project = comb::gui::project_from_qdpx(&frame, qdpx)) frame.open_project(*project);
        } catch (const comb::core::Error& e) {
            frame.workbench().report_error(e.what());
        }
    }

    std::unique_ptr<comb::gui::Settings> settings_;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(CombApp);

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "comb-gui " << comb::about::version_line() << "\n" << comb::about::licence_notice() << "\n";
        return 0;
    }
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::cout << "Usage: comb-gui [--read-only] [PROJECT.comb | FILE.qdpx | --example | --version | --help]\n"
                     "Opens a Comb project (default: the last one), imports a REFI-QDA project into a new one,\n"
                     "or opens a copy of the example project. --read-only: look, never change the file.\n"
                     "See comb-gui(1) and comb(1).\n";
        return 0;
    }
    // --read-only anywhere: remembered, and removed so PROJECT stays argv[1].
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--read-only") == 0) g_read_only = true;
        else argv[kept++] = argv[i];
    }
    argv[kept] = nullptr;
    argc = kept;
    return wxEntry(argc, argv);
}
