// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/start_page.h"

#include <wx/frame.h>

#include "gui/command_ids.h"
#include "gui/wx_text.h"

namespace comb::gui {

StartPage::StartPage(wxWindow* parent) : wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO) {
    SetName("start-page");
    SetBorders(FromDIP(24));
    show_for(false);
}

std::string StartPage::html(bool project_open) {
    std::string h = "<html><body><font size=\"+2\"><b>";
    if (!project_open) {
        h += "No project open</b></font><p>Comb keeps a study in one project file (<tt>*.comb</tt>).</p><ul>"
             "<li><a href=\"cmd:new\">Create a new project</a> (Ctrl+Shift+N)</li>"
             "<li><a href=\"cmd:open\">Open a project</a> (Ctrl+O)</li></ul>";
    } else {
        h += "This project has no documents yet</b></font><p>To start:</p><ol>"
             "<li><a href=\"cmd:import\">Import transcripts</a> (File &gt; Import documents, Ctrl+Shift+I): "
             "Word, OpenDocument, PDF, RTF, HTML, text and subtitle files. Lines like "
             "<tt>P4: ...</tt> become speaker turns; a transcript with one participant names its case.</li>"
             "<li><a href=\"cmd:codebook\">Load a codebook</a> (Tools &gt; Load codebook): COM-B, TDF, levels, "
             "barriers and facilitators, CFIR, or a REFI-QDA <tt>.qdc</tt> file. Or code inductively: select text "
             "and press Ctrl+I for an in-vivo code.</li>"
             "<li><a href=\"cmd:attributes\">Import case attributes</a> (Tools &gt; Import attributes): a CSV or XLSX "
             "sheet whose first column names the cases.</li></ol>";
    }
    h += "<p><b>The example project.</b> <a href=\"cmd:example\">Open the example</a> (Help &gt; Open the "
         "example project): the fictional MECC study, nine coded interviews in three themes, from "
         "<tt>examples/mecc/</tt> of the Comb sources (<tt>bash scripts/demo.sh</tt> builds it too).</p>"
         "<p>F1 lists every keyboard shortcut.</p></body></html>";
    return h;
}

void StartPage::show_for(bool project_open) {
    project_open_ = project_open;
    SetPage(to_wx(html(project_open)));
}

void StartPage::OnLinkClicked(const wxHtmlLinkInfo& link) {
    const wxString href = link.GetHref();
    const int id = href == "cmd:new" ? wxID_NEW : href == "cmd:open" ? wxID_OPEN : href == "cmd:import" ? kIdImport
                 : href == "cmd:example" ? kIdOpenExample : href == "cmd:codebook" ? kIdLoadCodebook : href == "cmd:attributes" ? kIdImportAttributes : 0;
    if (!id) return;
    wxCommandEvent e(wxEVT_MENU, id);
    wxPostEvent(wxGetTopLevelParent(this), e);
}

}  // namespace comb::gui
