// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_frame.h"

// MainFrame's coding actions beyond the plain ones: in-vivo coding with the name offered for
// editing first, "Code with new code...", the recent codes of the transcript's context menu,
// and the coded segments of a code.
#include <algorithm>

#include <wx/statusbr.h>

#include "core/code_paths.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "gui/code_panel.h"
#include "gui/coded_segments_view.h"
#include "gui/command_ids.h"
#include "gui/transcript_view.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

// A code name from selected text: one line, no quotes or trailing punctuation, at most 60
// code points. Only ASCII is trimmed, so no multi-byte character is ever cut.
std::string name_from_selection(std::string name) {
    std::replace_if(name.begin(), name.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
    const auto first = name.find_first_not_of(" \"'");
    const auto last = name.find_last_not_of(" \"'.,;:");
    if (first == std::string::npos || last == std::string::npos || last < first) return {};
    name = name.substr(first, last - first + 1);
    if (core::utf8::length(name) > 60) name = std::string(core::utf8::slice(name, {core::CodePoint(0), core::CodePoint(60)}));
    return name;
}

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void MainFrame::code_selection_as(const std::string& path) {
    const auto span = transcript_->selection();
    if (!wb_.is_open() || !span || path.empty()) return;
    if (!wb_.run(core::ApplyCodings({{*transcript_->document(), *span}}, path, wb_.coder()))) return;
    if (const auto id = core::CodeTree(wb_.repo().codes()).find_path(path)) wb_.select_code(*id);
}

void MainFrame::on_in_vivo(wxCommandEvent&) {
    if (!wb_.is_open() || !transcript_->selection() || transcript_->editing()) return;
    // The selection may have been made sloppily ("a little bit hybr"): offer the name first.
    const std::string proposed = name_from_selection(transcript_->selected_text());
    if (proposed.empty()) return;
    const auto name = prompt_("Name of the in-vivo code (a slash is part of the name):", proposed);
    if (!name || trimmed(*name).empty()) return;
    code_selection_as(core::escape_code_name(trimmed(*name)));
}
void MainFrame::on_update_in_vivo(wxUpdateUIEvent& e) {
    e.Enable(wb_.is_open() && transcript_->selection().has_value() && !transcript_->editing());
}

void MainFrame::on_code_with_new_code(wxCommandEvent&) {
    if (!wb_.is_open() || !transcript_->selection() || transcript_->editing()) return;
    const auto path = prompt_("Code the selection with a new code (Parent/Child makes a path):", "");
    if (path && !trimmed(*path).empty()) code_selection_as(trimmed(*path));
}

void MainFrame::on_recent_code(wxCommandEvent& event) {
    const auto recent = wb_.recent_codes(static_cast<std::size_t>(kIdRecentCodeLast - kIdRecentCode1 + 1));
    const auto n = static_cast<std::size_t>(event.GetId() - kIdRecentCode1);
    if (n < recent.size()) code_selection_as(wb_.code_path(recent[n]));
}

void MainFrame::rename_selected_code() {
    if (!wb_.is_open() || !wb_.selected_code()) return;
    const core::CodeTree tree(wb_.repo().codes());
    const auto* code = tree.find(*wb_.selected_code());
    if (!code) return;
    const auto name = prompt_("New name of \u201C" + tree.path(code->id) + "\u201D:", code->name);
    if (!name || trimmed(*name).empty() || trimmed(*name) == code->name) return;
    wb_.run(core::RenameCode(tree.path(code->id), trimmed(*name)));
}

void MainFrame::show_coded_segments(core::CodeId code) {
    segments_->show_code(code);
    auto& pane = aui_.GetPane("segments");
    if (!pane.IsShown()) {
        pane.Show();
        aui_.Update();
    }
}

void MainFrame::on_coded_segments(wxCommandEvent&) {
    if (wb_.is_open() && wb_.selected_code()) show_coded_segments(*wb_.selected_code());
}

}  // namespace comb::gui
