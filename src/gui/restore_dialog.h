// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Restore from backup...: the project's backups (store::list_backups), newest first,
// with date, size and kind; the user picks one. MainFrame::restore_backup does the restore.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "store/backup.h"

class wxListCtrl;

namespace comb::gui {

class RestoreDialog : public wxDialog {
public:
    RestoreDialog(wxWindow* parent, const std::filesystem::path& project, const std::filesystem::path& folder);

    const std::vector<store::BackupInfo>& backups() const { return backups_; }
    // A row as shown: "2026-12-03 10:47:28 UTC | 124 KiB | rolling".
    std::string row_text(std::size_t i) const;
    void select(std::size_t i);
    std::optional<std::filesystem::path> selected() const;

private:
    std::vector<store::BackupInfo> backups_;
    wxListCtrl* list_ = nullptr;
};

// "124 KiB", "3 MiB": a size for people.
std::string size_for_people(std::uintmax_t bytes);

}  // namespace comb::gui
