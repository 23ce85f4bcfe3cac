// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/matrix_view.h"

#include <algorithm>
#include <set>

#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/grid.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "analysis/coding_facts.h"
#include "core/change_set.h"
#include "core/error.h"
#include "gui/matrix_quotes_pane.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

const char* const kRowAxes[] = {"comb", "level", "codes", "themes", "cases"};
const char* const kColAxes[] = {"level", "valence", "comb", "cases", "codes"};
const char* const kCounts[] = {"segments", "cases"};

wxArrayString words(const char* const* items, std::size_t n) {
    wxArrayString out;
    for (std::size_t i = 0; i < n; ++i) out.Add(items[i]);
    return out;
}

// Fills a choice anew, keeping the chosen word when it is still offered (else the first).
void refill_choice(wxChoice& choice, const std::vector<std::string>& items) {
    const wxString chosen = choice.GetStringSelection();
    choice.Clear();
    for (const auto& i : items) choice.Append(to_wx(i));
    if (chosen.empty() || !choice.SetStringSelection(chosen)) choice.SetSelection(0);
}

}  // namespace

MatrixView::MatrixView(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    SetName("matrix");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(make_bar(), 0, wxALL | wxEXPAND, FromDIP(4));
    sizer->Add(make_split(), 1, wxEXPAND);
    SetSizer(sizer);
    bind_keys();
    subscribe();
}

// The axis and count choices above the grid.
wxSizer* MatrixView::make_bar() {
    rows_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kRowAxes, 5));
    cols_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kColAxes, 5));
    rows_->SetName("matrix-rows");
    cols_->SetName("matrix-cols");
    count_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, words(kCounts, 2));
    rows_->SetSelection(0);
    cols_->SetSelection(0);
    count_->SetSelection(0);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, "Rows:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    // The axes give way on a narrow pane (long attr: names); the count keeps its words.
    bar->Add(rows_, 1);
    bar->Add(new wxStaticText(this, wxID_ANY, "Columns:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    bar->Add(cols_, 1);
    bar->Add(new wxStaticText(this, wxID_ANY, "Count:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    count_->SetMinSize(count_->GetBestSize());
    bar->Add(count_);
    for (auto* c : {rows_, cols_, count_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recount(); });
    return bar;
}

// The grid beside the open cell's quotes.
wxWindow* MatrixView::make_split() {
    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    split_->SetMinimumPaneSize(FromDIP(120));
    split_->SetSashGravity(0.4);
    grid_ = new wxGrid(split_, wxID_ANY);
    quotes_ = new MatrixQuotesPane(split_, wb_);
    split_->SplitVertically(grid_, quotes_, FromDIP(520));
    split_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) { e.Skip(); CallAfter([this] { fit_sash(); }); });
    grid_->CreateGrid(0, 0);
    grid_->EnableEditing(false);
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    return split_;
}

void MatrixView::bind_keys() {
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, &MatrixView::on_cell, this);
    // wxGrid moves the cursor down on Enter; here Enter opens the cell, as a double click does.
    grid_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if ((key != WXK_RETURN && key != WXK_NUMPAD_ENTER) || e.HasAnyModifiers()) {
            e.Skip();
            return;
        }
        open_cell(grid_->GetGridCursorRow(), grid_->GetGridCursorCol());
    });
}

void MatrixView::subscribe() {
    // Blind mode hides others' codings here too; one coder or a comparison counts theirs.
    coder_view_ = wb_.coder_view_changed().subscribe([this](const CoderViewChanged&) { recount(); });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        open_cell_.reset();
        quotes_->clear();
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
                using core::RowKind;
                if (e.changes.touches(RowKind::attribute) || e.changes.touches(RowKind::attribute_value)) refill_axes();
                recount();
            });
        }
        refill_axes();
        recount();
    });
}

std::vector<std::string> MatrixView::axis_choices(bool rows) const {
    std::vector<std::string> out;
    if (rows) for (const auto* w : kRowAxes) out.emplace_back(w);
    else for (const auto* w : kColAxes) out.emplace_back(w);
    if (!wb_.is_open()) return out;
    std::vector<std::string> names;
    for (const auto& a : const_cast<Workbench&>(wb_).repo().attributes()) names.push_back("attr:" + a.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    out.insert(out.end(), names.begin(), names.end());
    return out;
}

void MatrixView::refill_axes() {
    refill_choice(*rows_, axis_choices(true));
    refill_choice(*cols_, axis_choices(false));
    Layout();
}

analysis::MatrixSpec MatrixView::spec() const {
    analysis::MatrixSpec s;
    s.rows = analysis::Axis::parse(from_wx(rows_->GetStringSelection()), "rows");
    s.cols = analysis::Axis::parse(from_wx(cols_->GetStringSelection()), "cols");
    s.count = count_->GetSelection() == 1 ? analysis::CountUnit::cases : analysis::CountUnit::segments;
    return s;
}

void MatrixView::set_axes(const std::string& rows, const std::string& cols) {
    rows_->SetStringSelection(to_wx(rows));
    cols_->SetStringSelection(to_wx(cols));
    open_cell_.reset();
    quotes_->clear();
    recount();
}

void MatrixView::recount() {
    matrix_ = {};
    if (wb_.is_open()) {
        try {
            matrix_ = analysis::count_matrix(shown_facts(), spec());
        } catch (const core::Error& e) {
            wb_.report_error(e.what());
        }
    }
    grid_->Freeze();
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    if (grid_->GetNumberCols() > 0) grid_->DeleteCols(0, grid_->GetNumberCols());
    const int nr = static_cast<int>(matrix_.rows.size()), nc = static_cast<int>(matrix_.cols.size());
    grid_->AppendRows(nr);
    grid_->AppendCols(nc);
    std::int64_t max = 1;
    for (const auto& row : matrix_.cells) for (const auto v : row) max = std::max(max, v);
    for (int r = 0; r < nr; ++r) grid_->SetRowLabelValue(r, to_wx(matrix_.rows[static_cast<std::size_t>(r)]));
    for (int c = 0; c < nc; ++c) grid_->SetColLabelValue(c, to_wx(matrix_.cols[static_cast<std::size_t>(c)]));
    for (int r = 0; r < nr; ++r) {
        for (int c = 0; c < nc; ++c) {
            const auto v = matrix_.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            grid_->SetCellValue(r, c, wxString::Format("%lld", static_cast<long long>(v)));
            // White to a warm orange by share of the largest cell.
            const double t = static_cast<double>(v) / static_cast<double>(max);
            const auto mix = [t](int from, int to) { return static_cast<unsigned char>(from + (to - from) * t); };
            grid_->SetCellBackgroundColour(r, c, wxColour(mix(255, 237), mix(255, 137), mix(255, 54)));
            grid_->SetCellTextColour(r, c, t > 0.6 ? *wxWHITE : *wxBLACK);
        }
    }
    grid_->SetRowLabelSize(wxGRID_AUTOSIZE);
    grid_->AutoSizeColumns(false);
    // Column labels as wide as their words (AutoSizeColumns measures the cells only).
    wxClientDC dc(grid_->GetGridColLabelWindow());
    dc.SetFont(grid_->GetLabelFont());
    for (int c = 0; c < nc; ++c) {
        const int label = dc.GetTextExtent(grid_->GetColLabelValue(c)).x + FromDIP(12);
        if (grid_->GetColSize(c) < label) grid_->SetColSize(c, label);
    }
    grid_->Thaw();
    fit_sash();
    // The listed cell's quotes follow the change (or go, with the cell).
    if (open_cell_) {
        const auto r = std::find(matrix_.rows.begin(), matrix_.rows.end(), open_cell_->first);
        const auto c = std::find(matrix_.cols.begin(), matrix_.cols.end(), open_cell_->second);
        if (r == matrix_.rows.end() || c == matrix_.cols.end()) {
            open_cell_.reset();
            quotes_->clear();
        } else {
            open_cell(static_cast<int>(r - matrix_.rows.begin()), static_cast<int>(c - matrix_.cols.begin()));
        }
    }
}

analysis::CodingFacts MatrixView::shown_facts() const {
    auto facts = analysis::CodingFacts::from(wb_.repo());
    if (wb_.coder_view().mode == CoderMode::all) return facts;
    std::set<std::int64_t> hidden;
    for (const auto& c : wb_.repo().codings()) {
        if (!wb_.shows_coder(c.coder)) hidden.insert(c.id.value);
    }
    std::erase_if(facts.codings, [&](const analysis::CodingRow& r) { return hidden.count(r.id) > 0; });
    return facts;
}

void MatrixView::fit_sash() {
    const int width = split_->GetClientSize().x;
    if (width <= 0) return;
    int needed = grid_->GetRowLabelSize() + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, grid_) + FromDIP(4);
    for (int c = 0; c < grid_->GetNumberCols(); ++c) needed += grid_->GetColSize(c);
    split_->SetSashPosition(std::clamp(needed, FromDIP(160), std::max(FromDIP(160), width * 3 / 5)));
}

std::vector<analysis::CellQuote> MatrixView::cell_quotes(int row, int col) const {
    if (!wb_.is_open() || row < 0 || col < 0 || row >= static_cast<int>(matrix_.rows.size()) ||
        col >= static_cast<int>(matrix_.cols.size())) {
        return {};
    }
    const auto facts = shown_facts();
    const auto codings = analysis::cell_codings(facts, spec(), matrix_.rows[static_cast<std::size_t>(row)],
                                                matrix_.cols[static_cast<std::size_t>(col)]);
    return analysis::cell_quotes(facts, wb_.repo(), codings);
}

void MatrixView::on_cell(wxGridEvent& event) { open_cell(event.GetRow(), event.GetCol()); }

void MatrixView::open_cell(int row, int col) {
    if (row < 0 || col < 0 || row >= static_cast<int>(matrix_.rows.size()) || col >= static_cast<int>(matrix_.cols.size())) return;
    const auto& r = matrix_.rows[static_cast<std::size_t>(row)];
    const auto& c = matrix_.cols[static_cast<std::size_t>(col)];
    open_cell_ = std::make_pair(r, c);
    quotes_->show(r + " \u00D7 " + c, cell_quotes(row, col));
}

}  // namespace comb::gui
