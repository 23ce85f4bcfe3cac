// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CodedSegmentsView: the retrieval view of one code (double-click a code in the code tree):
// every coded segment with its document, case, speaker and coder, the coded text in bold in
// its context, and the coding's memo under it. Choosing a segment jumps to it in the
// transcript; Uncode, Recode..., Pin and Export... act on the selected segments (each one
// undoable command; Export writes CSV). Follows the project's changes by itself.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/model.h"
#include "core/project.h"
#include "export/coded_segments.h"
#include "gui/workbench.h"

class wxButton;
class wxStaticText;

namespace comb::gui {

class ResultList;

class CodedSegmentsView : public wxPanel {
public:
    // How much text is shown before and after the coded segment, in code points.
    static constexpr std::int64_t kContext = 80;

    CodedSegmentsView(wxWindow* parent, Workbench& workbench);

    // Lists the code's segments (in document order); nullopt empties the view.
    void show_code(std::optional<core::CodeId> code);
    std::optional<core::CodeId> code() const { return code_; }
    const std::vector<core::Coding>& segments() const { return codings_; }
    ResultList& list() { return *list_; }
    std::string title() const;

    // The actions, on the selected segments (all of them for export). False when nothing
    // was selected, or the command was refused (the error is reported).
    void open(std::size_t n);
    bool uncode();
    bool recode(const std::string& code_path);
    bool toggle_pin();
    bool export_csv(const std::filesystem::path& path);
    // The rows as exported (code path, document, ..., memo).
    std::vector<exporters::CodedSegment> rows() const;

private:
    void reload();
    void on_recode();
    void on_export();
    std::vector<core::CodingId> selected_ids() const;

    Workbench& wb_;
    wxStaticText* title_ = nullptr;
    ResultList* list_ = nullptr;
    wxButton* pin_ = nullptr;
    std::optional<core::CodeId> code_;
    std::vector<core::Coding> codings_;
    std::vector<exporters::CodedSegment> rows_;
    core::Subscription changed_, switched_, coder_view_;
};

}  // namespace comb::gui
