// SPDX-License-Identifier: GPL-3.0-or-later
// MainFrame's Help menu beyond the shortcuts: the About box (version, git description when built
// from a checkout, licence) and opening the example project.
#include <wx/aboutdlg.h>

#include "about/about.h"
#include "core/error.h"
#include "gui/main_frame.h"
#include "gui/open_files.h"
#include "gui/wx_text.h"

namespace comb::gui {

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("Comb");
    info.SetVersion(to_wx(about::version_line()));
    info.SetDescription("A workbench for qualitative coding and thematic analysis,\n"
                        "mapping codes onto COM-B, levels and barriers/facilitators.");
    info.SetCopyright("Copyright (C) 2026 the Comb developers");
    info.SetLicence(to_wx(std::string(about::licence_notice())));
    if (GetIcon().IsOk()) info.SetIcon(GetIcon());
    wxAboutBox(info, this);
}

void MainFrame::on_open_example(wxCommandEvent&) { open_example(); }

bool MainFrame::open_example() {
    try {
        return open_project(example_project(user_data_dir()));
    } catch (const core::Error& e) {
        wb_.report_error(e.what());
        return false;
    }
}

}  // namespace comb::gui
