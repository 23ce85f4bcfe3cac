// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tools > Pseudonymise...: candidates (speaker labels, case names, attribute values, names in
// several documents), the key as an editable table (loaded from and saved to a CSV file kept
// apart from the project; never stored in it), and a preview of every replacement in context,
// refreshed as the key changes. OK applies the key as one undoable command
// (core::Pseudonymise); pseudonymise() then compacts the file and rebuilds the search index.
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "gui/workbench.h"
#include "privacy/candidates.h"
#include "privacy/key_file.h"
#include "privacy/preview.h"

class wxCheckBox;
class wxGrid;
class wxGridEvent;
class wxListCtrl;
class wxStaticText;

namespace comb::gui {

class PseudonymiseDialog : public wxDialog {
public:
    PseudonymiseDialog(wxWindow* parent, const core::Repository& repo);

    // The key as the table holds it (empty rows skipped, texts NFC).
    privacy::PseudonymKey key() const;
    void set_key(const privacy::PseudonymKey& key);  // fills the table and refreshes the preview
    bool keep_originals() const;

    const std::vector<privacy::Candidate>& candidates() const { return candidates_; }
    // Adds candidate `index` to the key with a pseudonym "[CATEGORY n]".
    void add_candidate(std::size_t index);
    // What the preview list shows; `problem` is why there is no preview (an invalid key).
    const std::vector<privacy::Replacement>& preview() const { return preview_; }
    const std::string& problem() const { return problem_; }
    // "document P01: …said [Maureen → [PERSON 1]]'s team…", as the list's row reads.
    std::string preview_row(std::size_t i) const;
    void refresh_preview();

private:
    void build_candidates(wxWindow* parent, wxSizer* sizer);
    void build_key(wxWindow* parent, wxSizer* sizer);
    void build_preview(wxWindow* parent, wxSizer* sizer);
    void on_load();
    void on_save();
    void on_ok();

    const core::Repository& repo_;
    std::vector<privacy::Candidate> candidates_;
    std::vector<privacy::Replacement> preview_;
    std::string problem_;
    wxListCtrl* candidate_list_ = nullptr;
    wxGrid* grid_ = nullptr;
    wxListCtrl* preview_list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxCheckBox* keep_ = nullptr;
};

// Applies the key: one undoable command, then the file rewritten so no original survives
// (unless `keep_originals`). Errors go to the workbench's error handler; returns success.
// The caller rebuilds the search index from scratch afterwards.
bool pseudonymise(Workbench& wb, const privacy::PseudonymKey& key, bool keep_originals);

// Undo (or redo) of a step that holds pseudonymised names: asks for the key file and runs the
// step with it. Returns false, doing nothing, when the next step needs no key.
bool step_with_key(wxWindow* parent, Workbench& wb, bool undo);

}  // namespace comb::gui
