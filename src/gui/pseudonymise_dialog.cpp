// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/pseudonymise_dialog.h"

#include "store/backup.h"

#include <map>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/commands/pseudonymise.h"
#include "core/error.h"
#include "gui/list_fit.h"
#include "gui/wx_text.h"
#include "privacy/key_matcher.h"
#include "store/project_file.h"

namespace comb::gui {
namespace {

enum Column { kOriginal, kPseudonym, kCategory };

std::string one_line(std::string s) {
    for (auto& c : s) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

PseudonymiseDialog::PseudonymiseDialog(wxWindow* parent, const core::Repository& repo)
    : wxDialog(parent, wxID_ANY, "Pseudonymise", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      repo_(repo), candidates_(privacy::suggest_candidates(repo)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    build_candidates(this, top);
    build_key(this, top);
    sizer->Add(top, 1, wxEXPAND | wxALL, FromDIP(8));
    build_preview(this, sizer);
    keep_ = new wxCheckBox(this, wxID_ANY, "&Keep the originals in the undo history (undo without the key; the file is then not safe to share)");
    sizer->Add(keep_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                "The key is never stored in the project. Save it apart from the project, encrypted; "
                                "undoing the pseudonymisation needs it."),
               0, wxLEFT | wxRIGHT, FromDIP(8));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel("&Pseudonymise");
    sizer->Add(buttons, 0, wxALL | wxEXPAND, FromDIP(8));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_ok(); }, wxID_OK);
    SetSizerAndFit(sizer);
    SetSize(FromDIP(wxSize(980, 680)));
    refresh_preview();
}

void PseudonymiseDialog::build_candidates(wxWindow* parent, wxSizer* sizer) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(new wxStaticText(parent, wxID_ANY, "&Candidates (review: Comb cannot know who is identifiable)"), 0, wxBOTTOM, FromDIP(4));
    candidate_list_ = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(400, 220)), wxLC_REPORT);
    candidate_list_->AppendColumn("Candidate", wxLIST_FORMAT_LEFT, FromDIP(130));
    candidate_list_->AppendColumn("Category", wxLIST_FORMAT_LEFT, FromDIP(70));
    candidate_list_->AppendColumn("Docs", wxLIST_FORMAT_RIGHT, FromDIP(45));
    candidate_list_->AppendColumn("Why", wxLIST_FORMAT_LEFT, FromDIP(140));
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        const auto& c = candidates_[i];
        const long row = candidate_list_->InsertItem(static_cast<long>(i), to_wx(c.text));
        candidate_list_->SetItem(row, 1, to_wx(c.category));
        candidate_list_->SetItem(row, 2, wxString::Format("%d", c.documents));
        candidate_list_->SetItem(row, 3, to_wx(c.reason));
    }
    // Columns as wide as their names (long ones cut at 220 DIPs; the reason takes the rest).
    fit_list_columns(*candidate_list_, {FromDIP(220), 0, 0, 0});
    auto* add = new wxButton(parent, wxID_ANY, wxString::FromUTF8("&Add to key \u2192"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        for (long i = -1; (i = candidate_list_->GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) != -1;) {
            add_candidate(static_cast<std::size_t>(i));
        }
    });
    candidate_list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { add_candidate(static_cast<std::size_t>(e.GetIndex())); });
    box->Add(candidate_list_, 1, wxEXPAND);
    box->Add(add, 0, wxTOP, FromDIP(4));
    sizer->Add(box, 1, wxEXPAND | wxRIGHT, FromDIP(8));
}

void PseudonymiseDialog::build_key(wxWindow* parent, wxSizer* sizer) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(new wxStaticText(parent, wxID_ANY, wxString::FromUTF8("&Key: original \u2192 pseudonym")), 0, wxBOTTOM, FromDIP(4));
    grid_ = new wxGrid(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(440, 220)));
    grid_->CreateGrid(0, 3);
    grid_->SetColLabelValue(kOriginal, "Original");
    grid_->SetColLabelValue(kPseudonym, "Pseudonym");
    grid_->SetColLabelValue(kCategory, "Category");
    grid_->SetColSize(kOriginal, FromDIP(150));
    grid_->SetColSize(kPseudonym, FromDIP(150));
    grid_->SetColSize(kCategory, FromDIP(100));
    grid_->SetRowLabelSize(FromDIP(32));
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { refresh_preview(); e.Skip(); });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto button = [&](const char* label, auto on) {
        auto* b = new wxButton(parent, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [on](wxCommandEvent&) { on(); });
        row->Add(b, 0, wxRIGHT, FromDIP(4));
    };
    button("Add &row", [this] { grid_->AppendRows(1); });
    button("Re&move row", [this] {
        const auto rows = grid_->GetSelectedRows();
        const int r = rows.IsEmpty() ? grid_->GetGridCursorRow() : rows[0];
        if (r >= 0 && r < grid_->GetNumberRows()) grid_->DeleteRows(r);
        refresh_preview();
    });
    button("&Load key...", [this] { on_load(); });
    button("&Save key...", [this] { on_save(); });
    box->Add(grid_, 1, wxEXPAND);
    box->Add(row, 0, wxTOP, FromDIP(4));
    sizer->Add(box, 1, wxEXPAND);
}

void PseudonymiseDialog::build_preview(wxWindow* parent, wxSizer* sizer) {
    summary_ = new wxStaticText(parent, wxID_ANY, "");
    preview_list_ = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 220)), wxLC_REPORT);
    preview_list_->AppendColumn("Where", wxLIST_FORMAT_LEFT, FromDIP(180));
    preview_list_->AppendColumn("In context", wxLIST_FORMAT_LEFT, FromDIP(700));
    sizer->Add(summary_, 0, wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(preview_list_, 1, wxEXPAND | wxALL, FromDIP(8));
}

privacy::PseudonymKey PseudonymiseDialog::key() const {
    privacy::PseudonymKey key;
    for (int r = 0; r < grid_->GetNumberRows(); ++r) {
        const auto o = privacy::normalise(from_wx(grid_->GetCellValue(r, kOriginal).Trim().Trim(false)));
        const auto p = privacy::normalise(from_wx(grid_->GetCellValue(r, kPseudonym).Trim().Trim(false)));
        if (o.empty() && p.empty()) continue;
        key.entries.push_back({o, p, from_wx(grid_->GetCellValue(r, kCategory).Trim().Trim(false))});
    }
    return key;
}

void PseudonymiseDialog::set_key(const privacy::PseudonymKey& key) {
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    grid_->AppendRows(static_cast<int>(key.entries.size()));
    for (std::size_t i = 0; i < key.entries.size(); ++i) {
        const int r = static_cast<int>(i);
        grid_->SetCellValue(r, kOriginal, to_wx(key.entries[i].original));
        grid_->SetCellValue(r, kPseudonym, to_wx(key.entries[i].pseudonym));
        grid_->SetCellValue(r, kCategory, to_wx(key.entries[i].category));
    }
    refresh_preview();
}

bool PseudonymiseDialog::keep_originals() const { return keep_->GetValue(); }

void PseudonymiseDialog::add_candidate(std::size_t index) {
    if (index >= candidates_.size()) return;
    auto k = key();
    const auto& c = candidates_[index];
    for (const auto& e : k.entries) if (e.original == c.text) return;
    const std::string category = c.category.empty() ? "NAME" : c.category;
    int n = 1;
    for (const auto& e : k.entries) if (e.category == c.category) ++n;
    k.entries.push_back({c.text, "[" + category + " " + std::to_string(n) + "]", c.category});
    set_key(k);
}

std::string PseudonymiseDialog::preview_row(std::size_t i) const {
    const auto& r = preview_.at(i);
    return r.where + ": \u2026" + one_line(r.before) + "[" + r.found + " \u2192 " + r.replacement + "]" + one_line(r.after) + "\u2026";
}

void PseudonymiseDialog::refresh_preview() {
    preview_.clear();
    problem_.clear();
    preview_list_->DeleteAllItems();
    const auto k = key();
    try {
        if (!k.entries.empty()) preview_ = privacy::preview(repo_, privacy::KeyMatcher(k));
    } catch (const core::InputError& e) {
        problem_ = e.what();
    }
    for (std::size_t i = 0; i < preview_.size(); ++i) {
        const auto& r = preview_[i];
        const long row = preview_list_->InsertItem(static_cast<long>(i), to_wx(r.where));
        preview_list_->SetItem(row, 1, to_wx("\u2026" + one_line(r.before) + "[" + r.found + " \u2192 " + r.replacement + "]" +
                                             one_line(r.after) + "\u2026"));
    }
    fit_list_columns(*preview_list_, {FromDIP(240), 0});
    summary_->SetLabel(to_wx(!problem_.empty() ? "The key cannot be used: " + problem_
                             : k.entries.empty() ? std::string("Add names to the key to see every replacement here.")
                                                 : std::to_string(preview_.size()) + " replacements:"));
    if (auto* ok = FindWindow(wxID_OK)) ok->Enable(problem_.empty() && !preview_.empty());
}

void PseudonymiseDialog::on_load() {
    wxFileDialog dlg(this, "Load the key", "", "", "Key (*.csv)|*.csv", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        set_key(privacy::read_key(from_wx(dlg.GetPath())));
    } catch (const core::Error& e) {
        wxMessageBox(to_wx(e.what()), "Pseudonymise", wxOK | wxICON_WARNING, this);
    }
}

void PseudonymiseDialog::on_save() {
    wxFileDialog dlg(this, "Save the key apart from the project", "", "key.csv", "Key (*.csv)|*.csv",
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        privacy::write_key(from_wx(dlg.GetPath()), key());
    } catch (const core::Error& e) {
        wxMessageBox(to_wx(e.what()), "Pseudonymise", wxOK | wxICON_WARNING, this);
    }
}

void PseudonymiseDialog::on_ok() {
    if (!problem_.empty() || preview_.empty()) return;
    const auto answer = wxMessageBox(
        to_wx(std::to_string(preview_.size()) + " replacements. Have you saved the key apart from the project? "
              "Without it the pseudonymisation cannot be undone."),
        "Pseudonymise", wxYES_NO | wxICON_QUESTION, this);
    if (answer == wxYES) EndModal(wxID_OK);
}

bool pseudonymise(Workbench& wb, const privacy::PseudonymKey& key, bool keep_originals) {
    if (!wb.is_open()) return false;
    std::optional<privacy::KeyMatcher> matcher;
    try {
        matcher.emplace(key);
    } catch (const core::Error& e) {
        wb.report_error(e.what());
        return false;
    }
    // The backup comes first and holds the originals by nature (docs/privacy.md); copies made
    // afterwards hold pseudonyms only. No backup, no pseudonymisation.
    std::filesystem::path backup;
    try {
        if (auto* file = dynamic_cast<store::ProjectFile*>(&wb.repo())) {
            backup = store::backup_project(*file, "before-pseudonymise", wb.project().now());
        }
    } catch (const core::Error& e) {
        wb.report_error(std::string("No backup could be made, so nothing was pseudonymised: ") + e.what());
        return false;
    }
    if (!wb.run(core::Pseudonymise(*matcher, keep_originals))) return false;
    if (!backup.empty()) {
        wb.report_error("A backup was made before pseudonymising: " + backup.string() +
                        "\nIt holds the ORIGINAL names: keep it as safely as the key, or delete it. "
                        "Backups made from now on hold pseudonyms only.");
    }
    try {
        if (auto* file = dynamic_cast<store::ProjectFile*>(&wb.repo())) file->compact_securely();
    } catch (const core::Error& e) {
        wb.report_error(std::string("Pseudonymised, but the file could not be compacted (") + e.what() +
                        "): deleted originals may remain in its free pages. Close every other program using this "
                        "project, then run: sqlite3 PROJECT.comb VACUUM");
    }
    return true;
}

bool step_with_key(wxWindow* parent, Workbench& wb, bool undo) {
    if (!wb.is_open() || !wb.project().step_needs_key(undo)) return false;
    wxFileDialog dlg(parent, "This step holds pseudonymised names: choose the key", "", "", "Key (*.csv)|*.csv",
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return true;
    try {
        const privacy::KeyMatcher key(privacy::read_key(from_wx(dlg.GetPath())));
        if (undo ? wb.undo(&key) : wb.redo(&key)) {
            if (auto* file = dynamic_cast<store::ProjectFile*>(&wb.repo())) file->compact_securely();
        }
    } catch (const core::Error& e) {
        wb.report_error(e.what());
    }
    return true;
}

}  // namespace comb::gui
