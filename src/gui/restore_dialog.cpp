// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/restore_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/list_fit.h"
#include "gui/wx_text.h"

namespace comb::gui {

std::string size_for_people(std::uintmax_t bytes) {
    if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
    if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

namespace {

// "2026-12-03T10:47:28Z" -> "2026-12-03 10:47:28 UTC".
std::string readable_time(const std::string& iso) {
    if (iso.size() != 20) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC";
}

}  // namespace

RestoreDialog::RestoreDialog(wxWindow* parent, const std::filesystem::path& project, const std::filesystem::path& folder)
    : wxDialog(parent, wxID_ANY, "Restore from backup", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      backups_(store::list_backups(project, folder)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const std::string intro = backups_.empty()
        ? "There are no backups in " + folder.string() + "."
        : "Put a backup in place of " + project.filename().string() +
              ". What the project holds now is backed up first, so the restore can be undone the same way.";
    auto* text = new wxStaticText(this, wxID_ANY, to_wx(intro));
    text->Wrap(FromDIP(520));
    sizer->Add(text, 0, wxALL, FromDIP(10));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 260)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->InsertColumn(0, "Date", wxLIST_FORMAT_LEFT, FromDIP(190));
    list_->InsertColumn(1, "Size", wxLIST_FORMAT_RIGHT, FromDIP(90));
    list_->InsertColumn(2, "Kind", wxLIST_FORMAT_LEFT, FromDIP(250));
    for (std::size_t i = 0; i < backups_.size(); ++i) {
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(readable_time(backups_[i].time)));
        list_->SetItem(row, 1, to_wx(size_for_people(backups_[i].bytes)));
        list_->SetItem(row, 2, to_wx(backups_[i].reason));
    }
    fit_list_columns(*list_);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    if (auto* ok = FindWindow(wxID_OK)) {
        ok->SetLabel("&Restore");
        ok->Enable(!backups_.empty());
    }
    if (!backups_.empty()) select(0);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
    SetSizerAndFit(sizer);
}

std::string RestoreDialog::row_text(std::size_t i) const {
    return from_wx(list_->GetItemText(static_cast<long>(i), 0)) + " | " + from_wx(list_->GetItemText(static_cast<long>(i), 1)) +
           " | " + from_wx(list_->GetItemText(static_cast<long>(i), 2));
}

void RestoreDialog::select(std::size_t i) {
    list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

std::optional<std::filesystem::path> RestoreDialog::selected() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= backups_.size()) return std::nullopt;
    return backups_[static_cast<std::size_t>(row)].path;
}

}  // namespace comb::gui
