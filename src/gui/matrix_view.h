// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MatrixView: a heat map of codings over two dimensions (analysis::count_matrix) in a wxGrid,
// recounted when the project changes. Double-clicking a cell lists its quotes; choosing one
// shows it in the transcript.
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "analysis/matrix.h"
#include "core/project.h"
#include "gui/workbench.h"

class wxChoice;
class wxGrid;
class wxGridEvent;

namespace comb::gui {

class MatrixView : public wxPanel {
public:
    MatrixView(wxWindow* parent, Workbench& workbench);

    const analysis::Matrix& matrix() const { return matrix_; }
    // The quotes behind a cell (row, col indexes of the shown matrix).
    std::vector<analysis::CellQuote> cell_quotes(int row, int col) const;
    // Sets the axes ("comb", "level", "codes", ...) and recounts.
    void set_axes(const std::string& rows, const std::string& cols);
    void recount();
    wxGrid& grid() { return *grid_; }

private:
    void on_cell(wxGridEvent& event);
    analysis::MatrixSpec spec() const;

    Workbench& wb_;
    wxChoice* rows_ = nullptr;
    wxChoice* cols_ = nullptr;
    wxChoice* count_ = nullptr;
    wxGrid* grid_ = nullptr;
    analysis::Matrix matrix_;
    core::Subscription changed_, switched_;
};

}  // namespace comb::gui
