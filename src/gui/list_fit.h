// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Column widths of report lists (wxListCtrl) and labels of trees (wxTreeCtrl) that fit their
// content, so names are not cut at a fixed width.
//
// fit_list_columns: each column as wide as its title (bold, as some themes draw headers) and
// its widest cell plus padding, capped at `max_widths[c]` pixels when given and > 0 (a longer cell is cut
// with an ellipsis by the control). The last column also takes whatever width the list has left,
// so no empty strip follows it.
//
// fit_choice_list: a choice dialog's list shows its choices without cutting the last one.
//
// TreeLabels: the full label of every item of a wxTreeCtrl is remembered when the tree is
// filled; labels wider than the room left of the tree's right edge are shown cut with an
// ellipsis at the end, and hovering one shows the whole label as its tooltip. Owners read
// labels through full(), never GetItemText.
#include <map>
#include <vector>

#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/treectrl.h>

namespace comb::gui {

// Width (pixels) a list needs to show `text` in one cell without cutting it.
int list_cell_width(wxListCtrl& list, const wxString& text, bool title = false);
void fit_list_columns(wxListCtrl& list, const std::vector<int>& max_widths = {});
// Makes the list of a choice dialog (wxSingleChoiceDialog) tall enough for its choices, up to
// kChoiceRows (more scroll): under GTK its best size leaves the last row out. Call before
// ShowModal.
inline constexpr unsigned kChoiceRows = 12;
void fit_choice_list(wxDialog& dialog);

class TreeLabels {
public:
    explicit TreeLabels(wxTreeCtrl& tree);
    // Call after filling the tree: every item's text now is its full label. Then fits.
    void remember();
    // Cuts the labels that do not fit the tree's width now (and restores those that do).
    void fit();
    wxString full(const wxTreeItemId& item) const;
    // The whole label again (before an in-place edit starts on it).
    void show_full(const wxTreeItemId& item);
    // Whether `item`'s label is shown cut.
    bool is_cut(const wxTreeItemId& item) const;
    // The tooltip for `item`: its full label when it is cut, else empty.
    wxString tooltip(const wxTreeItemId& item) const { return is_cut(item) ? full(item) : wxString(); }
    // Shows tooltip() when hovering an item (owners with tooltips of their own call tooltip()).
    void bind_tooltips();

private:
    void remember_from(const wxTreeItemId& parent);
    void fit_from(const wxTreeItemId& parent, wxDC& dc, int right);
    wxTreeCtrl& tree_;
    std::map<void*, wxString> full_;
    int fitted_width_ = -1;
};

}  // namespace comb::gui
