// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MatrixView: a heat map of codings over two dimensions (analysis::count_matrix) in a wxGrid,
// recounted when the project changes. Rows and columns may be any dimension, the cases'
// attributes too ("attr:role"). Double-clicking a cell or pressing Enter on it lists its
// quotes in a pane beside the grid (MatrixQuotesPane); choosing one shows it in the transcript.
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
class wxSplitterWindow;

namespace comb::gui {

class MatrixQuotesPane;

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
    MatrixQuotesPane& quotes() { return *quotes_; }
    // Lists the quotes of a cell in the quotes pane.
    void open_cell(int row, int col);
    // The axis words offered for rows (or columns): the dimensions and attr:KEY per attribute.
    std::vector<std::string> axis_choices(bool rows) const;

private:
    // The grid as wide as its columns (at most 60% of the pane): the quotes get the rest.
    void fit_sash();
    wxSizer* make_bar();
    wxWindow* make_split();
    void bind_keys();
    void subscribe();
    // The project's codings as the coder view shows them (blind: only mine; counts too).
    analysis::CodingFacts shown_facts() const;
    void on_cell(wxGridEvent& event);
    void refill_axes();
    analysis::MatrixSpec spec() const;

    Workbench& wb_;
    wxChoice* rows_ = nullptr;
    wxChoice* cols_ = nullptr;
    wxChoice* count_ = nullptr;
    wxGrid* grid_ = nullptr;
    wxSplitterWindow* split_ = nullptr;
    MatrixQuotesPane* quotes_ = nullptr;
    std::optional<std::pair<std::string, std::string>> open_cell_;  // labels of the listed cell
    analysis::Matrix matrix_;
    core::Subscription changed_, switched_, coder_view_;
};

}  // namespace comb::gui
