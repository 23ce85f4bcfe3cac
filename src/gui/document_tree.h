// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DocumentTree: documents grouped by case, with each case's attributes. Activating a document
// shows it in the transcript; activating an attribute edits its value (SetCaseAttributes).
// The context menu adds an attribute to a case and assigns a document to another case.
// Rebuilds itself when documents, cases or attributes change.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <wx/panel.h>

#include "core/project.h"
#include "gui/list_fit.h"
#include "gui/workbench.h"

class wxTreeCtrl;
class wxTreeEvent;

namespace comb::gui {

class DocumentTree : public wxPanel {
public:
    DocumentTree(wxWindow* parent, Workbench& workbench);
    wxTreeCtrl& control() { return *tree_; }
    // The whole labels of the tree's rows (a long one is shown cut to the pane).
    const TreeLabels& labels() const { return *labels_; }
    void rebuild();

    // Asks the user for a line of text (a text entry dialog); tests replace it.
    using Prompt = std::function<std::optional<std::string>(const std::string& question, const std::string& value)>;
    void set_prompt(Prompt prompt) { prompt_ = std::move(prompt); }
    // The actions of the context menu, each one core command; false when cancelled or refused.
    bool add_attribute(const std::string& case_name);
    bool edit_attribute(const std::string& case_name, const std::string& attribute, const std::string& value);
    bool assign_case(core::DocumentId doc);
    // Selects the document's row (the transcript shows it); no jump is made.
    void select_document(std::optional<core::DocumentId> doc);
    // The document of the selected row, if a document row is selected.
    std::optional<core::DocumentId> selected_document() const;

private:
    void fill();
    void on_activated(wxTreeEvent& event);
    void on_menu(wxTreeEvent& event);

    Workbench& wb_;
    wxTreeCtrl* tree_ = nullptr;
    std::unique_ptr<TreeLabels> labels_;  // long labels cut to the pane, whole in a tooltip
    Prompt prompt_;
    bool syncing_ = false;  // selecting the shown document's row must not jump to it again
    bool restoring_ = false;  // re-selecting after a rebuild: not the user choosing a document
    std::optional<core::DocumentId> shown_doc_;
    // The attribute values the tree shows, by case and attribute name: an edit carries the
    // version the user saw, so a value changed since is refused naming who and when.
    std::map<std::pair<std::string, std::string>, core::AttributeValue> shown_values_;
    core::Subscription changed_, switched_, shown_;
};

}  // namespace comb::gui
