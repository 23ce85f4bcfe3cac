// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ResultList: rows of passages (search hits, a matrix cell's quotes, a code's coded segments)
// with a few narrow columns (document, case, speaker, ...) and one wide text column that wraps
// and shows matched terms in bold. A wxHtmlListBox under a header of column names; each row is
// one small HTML table, so long quotes wrap inside the pane instead of running off its edge.
// Selecting a row (mouse or arrow keys) calls on_select; Enter or a double click on_activate.
#include <functional>
#include <string>
#include <vector>

#include <wx/htmllbox.h>
#include <wx/panel.h>

namespace comb::gui {

struct ResultColumn {
    std::string title;
    int width = 0;  // DIPs; 0 for the last, wrapping, column
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

private:
    class Box;
    std::vector<ResultColumn> columns_;
    std::vector<ResultRow> rows_;
    wxHtmlListBox* list_ = nullptr;
};

}  // namespace comb::gui
