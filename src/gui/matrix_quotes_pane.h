// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MatrixQuotesPane: the quotes behind one matrix cell, beside the grid (not a modal list):
// document, case and code in narrow columns, the quote wrapping in the wide one. Choosing a
// quote (click, arrow keys, Enter) shows it in its transcript through the Workbench.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "analysis/matrix.h"
#include "gui/workbench.h"

class wxStaticText;

namespace comb::gui {

class ResultList;

class MatrixQuotesPane : public wxPanel {
public:
    MatrixQuotesPane(wxWindow* parent, Workbench& workbench);

    // Shows a cell's quotes under a title ("O.So × organisational").
    void show(const std::string& title, std::vector<analysis::CellQuote> quotes);
    void clear();
    const std::vector<analysis::CellQuote>& quotes() const { return quotes_; }
    std::string title() const;
    ResultList& list() { return *list_; }
    // Shows quote `n` in the transcript.
    void open(std::size_t n);

private:
    Workbench& wb_;
    wxStaticText* title_ = nullptr;
    ResultList* list_ = nullptr;
    std::vector<analysis::CellQuote> quotes_;
};

}  // namespace comb::gui
