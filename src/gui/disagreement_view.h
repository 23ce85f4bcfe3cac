// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// DisagreementView: a window listing, per code, the passages one of two coders coded and the
// other did not (analysis/disagreements.h), side by side: code, document, span, what A coded
// alone, what B coded alone, with the text around it. Double-click (or Show) jumps to the
// passage in the transcript; Keep, Drop and Both agree resolve the selected one as an undoable
// command (core/commands/resolve_disagreement.h) that records the decision. Refreshes itself
// on every project change.
#include <string>
#include <vector>

#include <wx/frame.h>

#include "analysis/disagreements.h"
#include "core/commands/resolve_disagreement.h"
#include "gui/coder_filter.h"
#include "gui/workbench.h"

class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace comb::gui {

class DisagreementView : public wxFrame {
public:
    DisagreementView(wxWindow* parent, Workbench& workbench);

    // The coders compared; empty until two are chosen.
    void set_coders(const std::string& a, const std::string& b);
    const std::vector<analysis::Disagreement>& rows() const { return rows_; }
    // Shows row `i` in the transcript (selects its text).
    void show_row(std::size_t i);
    // Resolves row `i`; false when nothing changed (the error went to the workbench).
    bool resolve(std::size_t i, core::Resolution decision);
    wxListCtrl& list() { return *list_; }
    std::string summary() const;  // the line above the list

private:
    void reload();
    void fill_coders();
    long selected() const;
    void on_resolve(core::Resolution decision);
    void name_columns(const CoderView& view);
    void fit_columns();  // widths to the content and the window

    Workbench& wb_;
    wxChoice* a_ = nullptr;
    wxChoice* b_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    std::vector<std::string> coders_;  // a, b
    std::vector<analysis::Disagreement> rows_;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
