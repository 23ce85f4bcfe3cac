// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ResultList: rows of passages (search hits, a matrix cell's quotes, a code's coded segments)
// with a few narrow columns (document, case, speaker, ...) and one wide text column that wraps
// and shows matched terms in bold. A wxHtmlListBox under a header of column names; each row is
// one small HTML table, so long quotes wrap inside the pane instead of running off its edge.
// Narrow columns size to their content (up to their width); when the pane is too narrow to
// leave the text column a readable width, each row stacks: the narrow cells on a grey first
// line ("P03 · P3 · Time"), the text under them across the whole width.
// Selecting a row (mouse or arrow keys) calls on_select; Enter or a double click on_activate.
#include <functional>
#include <string>
#include <vector>

#include <wx/htmllbox.h>
#include <wx/panel.h>

namespace comb::gui {

struct ResultColumn {
    std::string title;
    // DIPs; 0 for the last, wrapping, column. A narrow column is as wide as its title and
    // widest cell, but at most this (longer cells wrap within it).
    int width = 0;
};

struct ResultRow {
    std::vector<std::string> cells;  // one per narrow column, plain text
    std::string text;                // the wide column
    std::string note;                // an optional second line under the text (a memo), grey
    bool marked = false;             // `text` has «marked» words (search snippets): drawn bold
    std::vector<std::string> colours = {};  // per narrow cell: "#RRGGBB" puts a swatch of it before the text
};

// "a «b» c" -> "a <b>b</b> c", with <, > and & escaped; also turns newlines into spaces.
std::string marked_to_html(const std::string& marked);
std::string html_escape(const std::string& text);

class ResultList : public wxPanel {
public:
    ResultList(wxWindow* parent, std::vector<ResultColumn> columns, bool multiple);

    void set_rows(std::vector<ResultRow> rows);
    const std::vector<ResultRow>& rows() const { return rows_; }
    std::size_t count() const { return rows_.size(); }
    // The selected rows in order (one at most without `multiple`).
    std::vector<std::size_t> selected() const;
    void select(std::size_t row);
    wxHtmlListBox& list() { return *list_; }
    std::function<void(std::size_t)> on_select, on_activate;
    // The HTML of one row, as drawn (tests read it).
    std::string row_html(std::size_t row) const;
    // Whether rows are stacked (the pane is too narrow for the columns side by side).
    bool stacked() const { return stacked_; }
    // The narrow columns' widths now (pixels).
    const std::vector<int>& widths() const { return widths_; }

private:
    class Box;
    void fit_columns();  // widths_ from the cells, stacked_ from the pane's width
    void show_header();
    std::vector<ResultColumn> columns_;
    std::vector<ResultRow> rows_;
    wxHtmlListBox* list_ = nullptr;
    std::vector<wxWindow*> titles_;
    std::vector<int> widths_;
    bool stacked_ = false;
    int fitted_width_ = -1;  // the list width the columns were last fitted to
};

}  // namespace comb::gui
