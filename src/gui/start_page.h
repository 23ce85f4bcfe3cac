// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// StartPage: what the transcript pane shows while there is nothing to read: no project open,
// or a project without documents. It says how to start (new or open a project, import
// transcripts, load a codebook, where the example project is) with links that run the
// frame's commands.
#include <string>

#include <wx/html/htmlwin.h>

namespace comb::gui {

class StartPage : public wxHtmlWindow {
public:
    explicit StartPage(wxWindow* parent);
    // Shows the page for "no project" or "an empty project".
    void show_for(bool project_open);
    bool for_open_project() const { return project_open_; }
    // The page as HTML (tests read it).
    static std::string html(bool project_open);

private:
    void OnLinkClicked(const wxHtmlLinkInfo& link) override;
    bool project_open_ = false;
};

}  // namespace comb::gui
