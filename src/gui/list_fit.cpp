// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/list_fit.h"

#include <algorithm>

#include <wx/control.h>
#include <wx/dcclient.h>
#include <wx/listbox.h>
#include <wx/sizer.h>

namespace comb::gui {

int list_cell_width(wxListCtrl& list, const wxString& text, bool title) {
    wxClientDC dc(&list);
    dc.SetFont(title ? list.GetFont().Bold() : list.GetFont());
    return dc.GetTextExtent(text).x + list.FromDIP(16);  // cell padding and the separator
}

void fit_choice_list(wxDialog& dialog) {
    for (auto* w : dialog.GetChildren()) {
        auto* list = dynamic_cast<wxListBox*>(w);
        if (!list) continue;
        // A row is the text and about 10 px of padding.
        const int rows = static_cast<int>(std::min(list->GetCount(), kChoiceRows));
        list->SetMinSize(wxSize(list->GetBestSize().x, rows * (list->GetCharHeight() + dialog.FromDIP(10)) + dialog.FromDIP(6)));
    }
    if (dialog.GetSizer()) dialog.GetSizer()->SetSizeHints(&dialog);
}

void fit_list_columns(wxListCtrl& list, const std::vector<int>& max_widths) {
    const int columns = list.GetColumnCount();
    if (columns == 0) return;
    std::vector<int> need(static_cast<std::size_t>(columns), 0);
    for (int c = 0; c < columns; ++c) {
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        list.GetColumn(c, head);
        int w = list_cell_width(list, head.GetText(), true);
        for (long r = 0; r < list.GetItemCount(); ++r) w = std::max(w, list_cell_width(list, list.GetItemText(r, c)));
        const auto cap = static_cast<std::size_t>(c) < max_widths.size() ? max_widths[static_cast<std::size_t>(c)] : 0;
        need[static_cast<std::size_t>(c)] = cap > 0 ? std::min(w, cap) : w;
    }
    int used = 0;
    for (int c = 0; c + 1 < columns; ++c) used += need[static_cast<std::size_t>(c)];
    auto& last = need.back();
    last = std::max(last, list.GetClientSize().x - used - list.FromDIP(4));
    for (int c = 0; c < columns; ++c) list.SetColumnWidth(c, need[static_cast<std::size_t>(c)]);
}

TreeLabels::TreeLabels(wxTreeCtrl& tree) : tree_(tree) {
    tree_.Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().x == fitted_width_) return;
        fitted_width_ = e.GetSize().x;
        tree_.CallAfter([this] { fit(); });
    });
    tree_.Bind(wxEVT_TREE_ITEM_EXPANDED, [this](wxTreeEvent& e) {
        e.Skip();
        tree_.CallAfter([this] { fit(); });
    });
}

void TreeLabels::bind_tooltips() {
    tree_.Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& e) {
        if (e.GetItem().IsOk() && is_cut(e.GetItem())) e.SetToolTip(full(e.GetItem()));
    });
}

void TreeLabels::remember() {
    full_.clear();
    if (tree_.GetRootItem().IsOk()) remember_from(tree_.GetRootItem());
    fit();
}

void TreeLabels::remember_from(const wxTreeItemId& parent) {
    wxTreeItemIdValue cookie;
    for (auto it = tree_.GetFirstChild(parent, cookie); it.IsOk(); it = tree_.GetNextChild(parent, cookie)) {
        full_[it.GetID()] = tree_.GetItemText(it);
        remember_from(it);
    }
}

wxString TreeLabels::full(const wxTreeItemId& item) const {
    const auto found = full_.find(item.GetID());
    return found != full_.end() ? found->second : tree_.GetItemText(item);
}

bool TreeLabels::is_cut(const wxTreeItemId& item) const { return tree_.GetItemText(item) != full(item); }

void TreeLabels::show_full(const wxTreeItemId& item) {
    if (is_cut(item)) tree_.SetItemText(item, full(item));
}

void TreeLabels::fit() {
    if (!tree_.GetRootItem().IsOk()) return;
    wxClientDC dc(&tree_);
    fit_from(tree_.GetRootItem(), dc, tree_.GetClientSize().x - tree_.FromDIP(6));
}

void TreeLabels::fit_from(const wxTreeItemId& parent, wxDC& dc, int right) {
    wxTreeItemIdValue cookie;
    for (auto it = tree_.GetFirstChild(parent, cookie); it.IsOk(); it = tree_.GetNextChild(parent, cookie)) {
        wxRect r;
        const auto whole = full(it);
        if (tree_.GetBoundingRect(it, r, true)) {
            int x = 0;
            tree_.CalcUnscrolledPosition(r.x, 0, &x, nullptr);
            dc.SetFont(tree_.IsBold(it) ? tree_.GetFont().Bold() : tree_.GetFont());
            const auto shown = wxControl::Ellipsize(whole, dc, wxELLIPSIZE_END, std::max(right - x, tree_.FromDIP(40)));
            if (shown != tree_.GetItemText(it)) tree_.SetItemText(it, shown);
        }
        if (tree_.IsExpanded(it)) fit_from(it, dc, right);
    }
}

}  // namespace comb::gui
