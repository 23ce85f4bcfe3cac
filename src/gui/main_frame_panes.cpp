// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"

// MainFrame's panes and the keyboard: restoring the window's size and a saved layout, showing and focusing a pane
// (View menu), and F6 / Shift+F6 to go round the shown panes.
#include <algorithm>
#include <cstdio>

#include <wx/display.h>

#include <wx/stc/stc.h>
#include <wx/treectrl.h>

#include "gui/code_panel.h"
#include "gui/command_ids.h"
#include "gui/theme_panel.h"
#include "gui/transcript_view.h"
#include "gui/window_fit.h"
#include "gui/wx_text.h"

namespace comb::gui {

void MainFrame::restore_geometry() {
    // Never larger than the screen's work area (1400x900 does not fit a 1280x720 laptop).
    const auto area = [](const wxPoint& at) {
        const int n = wxDisplay::GetFromPoint(at);
        return wxDisplay(n == wxNOT_FOUND ? 0u : static_cast<unsigned>(n)).GetClientArea();
    };
    const wxRect main_area = area(wxPoint(0, 0));
    SetSize(fit_rect(wxRect(main_area.GetPosition(), FromDIP(wxSize(1400, 900))), main_area));
    int x = 0, y = 0, w = 0, h = 0, maximized = 0;
    const auto saved = settings_.frame_geometry();
    if (std::sscanf(saved.c_str(), "%d,%d,%d,%d,%d", &x, &y, &w, &h, &maximized) != 5 || w < 200 || h < 150) return;
    // A window saved on a screen that is gone (a laptop off its monitor) opens on the main one;
    // one saved larger than its screen (a monitor swapped for a smaller one) shrinks to fit.
    const wxRect rect(x, y, w, h);
    if (wxDisplay::GetFromPoint(rect.GetTopLeft() + wxPoint(40, 20)) != wxNOT_FOUND) SetSize(fit_rect(rect, area(rect.GetTopLeft() + wxPoint(40, 20))));
    else SetSize(fit_rect(wxRect(main_area.GetPosition(), rect.GetSize()), main_area));
    if (maximized) Maximize();
}

void MainFrame::save_geometry() {
    if (IsIconized()) return;
    // While maximised the normal rectangle is not known everywhere: keep the saved one.
    wxRect rect = GetRect();
    if (IsMaximized()) {
        int x = 0, y = 0, w = 0, h = 0, m = 0;
        if (std::sscanf(settings_.frame_geometry().c_str(), "%d,%d,%d,%d,%d", &x, &y, &w, &h, &m) == 5) rect = {x, y, w, h};
    }
    settings_.set_frame_geometry(std::to_string(rect.x) + "," + std::to_string(rect.y) + "," + std::to_string(rect.width) +
                                 "," + std::to_string(rect.height) + "," + (IsMaximized() ? "1" : "0"));
}

void MainFrame::restore_perspective(const std::string& saved) {
    // LoadPerspective hides every pane the string does not name; remember where the default
    // layout puts each pane first.
    std::vector<wxAuiPaneInfo> defaults;
    const auto& panes = aui_.GetAllPanes();
    for (std::size_t i = 0; i < panes.GetCount(); ++i) defaults.push_back(panes.Item(i));
    aui_.LoadPerspective(to_wx(saved), false);
    for (const auto& d : defaults) {
        if (saved.find("name=" + from_wx(d.name) + ";") != std::string::npos) continue;
        aui_.GetPane(d.name).Direction(d.dock_direction).Layer(d.dock_layer).Row(d.dock_row)
            .Position(d.dock_pos).BestSize(d.best_size).Show(d.IsShown());
    }
    aui_.Update();
}

const std::vector<std::string>& MainFrame::pane_order() {
    static const std::vector<std::string> kOrder = {"documents", "themes", "transcript", "codes", "editor", "search", "matrix", "segments"};
    return kOrder;
}

void MainFrame::focus_pane(const std::string& name) {
    auto& pane = aui_.GetPane(to_wx(name));
    if (!pane.IsOk()) return;
    if (!pane.IsShown()) {
        pane.Show();
        aui_.Update();
    }
    // The main control of each pane, not whatever the panel would pick (the find bar, a button).
    if (name == "transcript") transcript_->control().SetFocus();
    else if (name == "codes") codes_->control().SetFocus();
    else if (name == "themes") themes_->control().SetFocus();
    else pane.window->SetFocus();
}

std::string MainFrame::focused_pane() const {
    for (auto* w = wxWindow::FindFocus(); w; w = w->GetParent()) {
        const auto& panes = const_cast<wxAuiManager&>(aui_).GetAllPanes();
        for (std::size_t i = 0; i < panes.GetCount(); ++i) {
            if (panes.Item(i).window == w && panes.Item(i).IsShown()) return from_wx(panes.Item(i).name);
        }
        if (w == this) break;
    }
    return {};
}

void MainFrame::on_show_pane(wxCommandEvent& event) {
    const int id = event.GetId();
    const char* name = id == kIdShowDocuments ? "documents" : id == kIdShowCodes ? "codes" : id == kIdShowMatrix ? "matrix"
                     : id == kIdShowSearch ? "search" : id == kIdShowThemes ? "themes" : id == kIdShowTranscript ? "transcript"
                     : "editor";
    // The themes pane toggles: it is an occasional tool beside the coding panes. The first
    // press focuses it; pressed again while it has the focus, it goes away.
    if (id == kIdShowThemes && focused_pane() == name) {
        aui_.GetPane(name).Hide();
        aui_.Update();
        transcript_->control().SetFocus();
        return;
    }
    focus_pane(name);
}

void MainFrame::on_cycle_pane(wxCommandEvent& event) {
    std::vector<std::string> shown;
    for (const auto& name : pane_order()) {
        if (aui_.GetPane(to_wx(name)).IsShown()) shown.push_back(name);
    }
    if (shown.empty()) return;
    const auto here = std::find(shown.begin(), shown.end(), focused_pane());
    const auto n = static_cast<std::ptrdiff_t>(shown.size());
    std::ptrdiff_t i = here == shown.end() ? -1 : here - shown.begin();
    if (event.GetId() == kIdNextPane) i = (i + 1) % n;
    else i = i < 0 ? n - 1 : (i + n - 1) % n;
    focus_pane(shown[static_cast<std::size_t>(i)]);
}

}  // namespace comb::gui
