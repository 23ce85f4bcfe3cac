// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/result_list.h"

#include <algorithm>

#include <wx/dcclient.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/wx_text.h"

namespace comb::gui {

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\n': case '\r': case '\t': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

std::string marked_to_html(const std::string& marked) {
    // The index marks terms with « and » (U+00AB, U+00BB); a stray mark stays as it is.
    static const std::string kOpen = "\u00AB", kClose = "\u00BB";
    std::string out;
    std::size_t at = 0;
    while (at < marked.size()) {
        const auto open = marked.find(kOpen, at);
        const auto close = open == std::string::npos ? std::string::npos : marked.find(kClose, open + kOpen.size());
        if (close == std::string::npos) {
            out += html_escape(marked.substr(at));
            break;
        }
        out += html_escape(marked.substr(at, open - at));
        out += "<b>" + html_escape(marked.substr(open + kOpen.size(), close - open - kOpen.size())) + "</b>";
        at = close + kClose.size();
    }
    return out;
}

class ResultList::Box : public wxHtmlListBox {
public:
    Box(ResultList& owner, long style) : wxHtmlListBox(&owner, wxID_ANY, wxDefaultPosition, wxDefaultSize, style), owner_(owner) {}
    wxString OnGetItem(size_t n) const override { return to_wx(owner_.row_html(n)); }

private:
    ResultList& owner_;
};

ResultList::ResultList(wxWindow* parent, std::vector<ResultColumn> columns, bool multiple)
    : wxPanel(parent, wxID_ANY), columns_(std::move(columns)) {
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& c : columns_) {
        // Titles never widen the pane (the stacked heading is cut with an ellipsis instead).
        auto* title = new wxStaticText(this, wxID_ANY, to_wx(c.title), wxDefaultPosition, wxDefaultSize,
                                       c.width > 0 ? 0 : wxST_ELLIPSIZE_END);
        title->SetFont(title->GetFont().Bold());
        if (c.width > 0) title->SetMinSize(wxSize(FromDIP(c.width), -1));
        if (c.width <= 0) title->SetMinSize(wxSize(FromDIP(40), -1));
        header->Add(title, c.width > 0 ? 0 : 1, wxLEFT, FromDIP(4));
        titles_.push_back(title);
    }
    list_ = new Box(*this, multiple ? wxLB_MULTIPLE : 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(2));
    sizer->Add(list_, 1, wxEXPAND);
    SetSizer(sizer);
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (on_select && e.GetInt() >= 0) on_select(static_cast<std::size_t>(e.GetInt()));
    });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) {
        if (on_activate && e.GetInt() >= 0) on_activate(static_cast<std::size_t>(e.GetInt()));
    });
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        // Only a new width refits: refitting changes the header, never the list's width, so
        // this cannot feed itself.
        if (e.GetSize().x == fitted_width_) return;
        fitted_width_ = e.GetSize().x;
        CallAfter([this] {
            const bool was = stacked_;
            fit_columns();
            if (was != stacked_) list_->RefreshAll();
        });
    });
    fit_columns();
    list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const auto chosen = selected();
        if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) && !chosen.empty() && on_activate) {
            on_activate(chosen.front());
            return;
        }
        e.Skip();
    });
}

std::string ResultList::row_html(std::size_t n) const {
    if (n >= rows_.size()) return {};
    const auto& row = rows_[n];
    const auto text_cell = [&] {
        std::string out = row.marked ? marked_to_html(row.text) : html_escape(row.text);
        if (!row.note.empty()) out += "<br><font color=\"#666666\"><i>" + html_escape(row.note) + "</i></font>";
        return out;
    };
    if (stacked_) {
        std::string first;
        for (std::size_t i = 0; i < columns_.size() && i < row.cells.size(); ++i) {
            if (columns_[i].width <= 0 || row.cells[i].empty()) continue;
            const std::string colour = i < row.colours.size() ? row.colours[i] : std::string();
            if (!first.empty()) first += " \u00B7 ";
            if (!colour.empty()) first += "<font color=\"" + html_escape(colour) + "\">\u25A0</font>&nbsp;";
            first += html_escape(row.cells[i]);
        }
        return "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr><td><font color=\"#555555\">" + first +
               "</font><br>" + text_cell() + "</td></tr></table>";
    }
    std::string html = "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><tr>";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const auto& c = columns_[i];
        if (c.width > 0) {
            const std::string cell = i < row.cells.size() ? row.cells[i] : std::string();
            const std::string colour = i < row.colours.size() ? row.colours[i] : std::string();
            const std::string swatch = colour.empty() ? "" : "<font color=\"" + html_escape(colour) + "\">\u25A0</font>&nbsp;";
            const int width = i < widths_.size() ? widths_[i] : FromDIP(c.width);
            html += "<td valign=\"top\" width=\"" + std::to_string(width) + "\">" + swatch + html_escape(cell) + "</td>";
        } else {
            html += "<td valign=\"top\">" + text_cell() + "</td>";
        }
    }
    return html + "</tr></table>";
}

void ResultList::fit_columns() {
    wxClientDC dc(list_);
    dc.SetFont(list_->GetFont());
    const int pad = FromDIP(10);  // the cell's padding and a little air
    widths_.assign(columns_.size(), 0);
    int narrow = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].width <= 0) continue;
        int w = titles_[i]->GetBestSize().x + pad;
        for (const auto& row : rows_) {
            if (i >= row.cells.size()) continue;
            const int swatch = i < row.colours.size() && !row.colours[i].empty() ? dc.GetTextExtent("\u25A0 ").x : 0;
            w = std::max(w, dc.GetTextExtent(to_wx(row.cells[i])).x + swatch + pad);
        }
        widths_[i] = std::min(w, FromDIP(columns_[i].width * 2));
        narrow += widths_[i];
    }
    // The text needs room for a few words a line; else rows stack.
    stacked_ = list_->GetClientSize().x > 0 && list_->GetClientSize().x < narrow + FromDIP(220);
    show_header();
}

void ResultList::show_header() {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        auto* title = static_cast<wxStaticText*>(titles_[i]);
        const bool text_column = columns_[i].width <= 0;
        if (stacked_) {
            // One heading for the stacked rows: "Document · Case · Code / Quote".
            title->Show(text_column);
            if (text_column) {
                std::string label;
                for (const auto& c : columns_) if (c.width > 0) label += (label.empty() ? "" : " \u00B7 ") + c.title;
                title->SetLabel(to_wx(label + " / " + columns_[i].title));
            }
        } else {
            title->Show();
            title->SetLabel(to_wx(columns_[i].title));
            // The header cell lines up with the rows' cell (4 px apart in the sizer).
            if (!text_column) title->SetMinSize(wxSize(std::max(1, widths_[i] - FromDIP(4)), -1));
        }
    }
    Layout();
}

void ResultList::set_rows(std::vector<ResultRow> rows) {
    rows_ = std::move(rows);
    fit_columns();
    list_->SetItemCount(rows_.size());
    if (list_->HasMultipleSelection()) list_->DeselectAll();
    else list_->SetSelection(wxNOT_FOUND);
    list_->RefreshAll();
    if (!rows_.empty()) list_->ScrollToRow(0);
}

std::vector<std::size_t> ResultList::selected() const {
    std::vector<std::size_t> out;
    if (list_->HasMultipleSelection()) {
        unsigned long cookie = 0;
        for (int i = list_->GetFirstSelected(cookie); i != wxNOT_FOUND; i = list_->GetNextSelected(cookie)) {
            out.push_back(static_cast<std::size_t>(i));
        }
    } else if (list_->GetSelection() != wxNOT_FOUND) {
        out.push_back(static_cast<std::size_t>(list_->GetSelection()));
    }
    return out;
}

void ResultList::select(std::size_t row) {
    if (row >= rows_.size()) return;
    if (list_->HasMultipleSelection()) {
        list_->DeselectAll();
        list_->Select(row);
    } else {
        list_->SetSelection(static_cast<int>(row));
    }
    list_->ScrollToRow(row);
}

}  // namespace comb::gui
