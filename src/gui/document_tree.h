#pragma once
// DocumentTree: documents grouped by case, with each case's attributes. Activating a document
// shows it in the transcript; activating an attribute edits its value (SetCaseAttributes).
// Rebuilds itself when documents, cases or attributes change.
#include <wx/panel.h>

#include "core/project.h"
#include "gui/workbench.h"

class wxTreeCtrl;
class wxTreeEvent;

namespace comb::gui {

class DocumentTree : public wxPanel {
public:
    DocumentTree(wxWindow* parent, Workbench& workbench);
    wxTreeCtrl& control() { return *tree_; }
    void rebuild();

private:
    void on_activated(wxTreeEvent& event);

    Workbench& wb_;
    wxTreeCtrl* tree_ = nullptr;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
