// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/transcript_view.h"

// TranscriptView's coding actions: a code dropped on the text, memos on single codings, the
// hover text, and the context menus of the text and the stripes.
#include <algorithm>

#include <wx/dnd.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/stc/stc.h>

#include "core/commands/memo_commands.h"
#include "gui/code_drag.h"
#include "gui/coding_memo_dialog.h"
#include "gui/command_ids.h"
#include "gui/menu_items.h"

namespace comb::gui {
namespace {

// Accepts only a code dragged from the code tree: the transcript is read-only, so text
// dragged from elsewhere is refused rather than inserted.
class CodeDropTarget : public wxDropTarget {
public:
    explicit CodeDropTarget(TranscriptView& view) : wxDropTarget(new CodeDataObject), view_(view) {}
    wxDragResult OnDragOver(wxCoord, wxCoord, wxDragResult) override { return wxDragCopy; }
    wxDragResult OnData(wxCoord x, wxCoord y, wxDragResult def) override {
        if (!GetData()) return wxDragNone;
        const auto code = static_cast<CodeDataObject*>(GetDataObject())->code();
        if (!code) return wxDragNone;
        const int position = view_.control().PositionFromPoint(wxPoint(x, y));
        // Run the command after the drag has finished with the window system.
        view_.CallAfter([view = &view_, code = *code, position] { view->drop_code(code, position); });
        return def;
    }

private:
    TranscriptView& view_;
};

// The first line of a memo, cut short for a tooltip.
std::string memo_summary(const std::string& text) {
    constexpr std::int64_t kMax = 60;
    std::string line = text.substr(0, text.find('\n'));
    if (core::utf8::length(line) > kMax) {
        line = std::string(core::utf8::slice(line, {core::CodePoint(0), core::CodePoint(kMax)})) + "\u2026";
    } else if (line.size() < text.size()) {
        line += "\u2026";
    }
    return line;
}

enum : int { kMenuCopy = wxID_HIGHEST + 600, kMenuMemoFirst };

}  // namespace

void TranscriptView::install_coding_actions() {
    // Our own menu (with the coding actions) instead of Scintilla's edit menu.
    stc_->UsePopUp(wxSTC_POPUP_NEVER);
    stc_->SetDropTarget(new CodeDropTarget(*this));
    stc_->Bind(wxEVT_CONTEXT_MENU, &TranscriptView::on_context_menu, this);
}

std::string TranscriptView::tooltip_at(core::CodePoint cp) const {
    std::string tip;
    for (const auto& c : codings_at(cp)) tip += (tip.empty() ? "" : "\n") + coding_line(c);
    return tip;
}

std::string TranscriptView::coding_line(const core::Coding& coding) const {
    std::string line = code_name(coding.code);
    if (const auto memo = coding_memo(coding.id)) line += " \u2014 memo: " + memo_summary(memo->text);
    return line;
}

void TranscriptView::show_status(const std::string& message) {
    if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(this)); frame && frame->GetStatusBar()) {
        frame->SetStatusText(to_wx(message), 1);
    }
}

bool TranscriptView::drop_code(core::CodeId code, int position) {
    (void)position;  // the selection is coded wherever over the text the code lands
    if (!wb_.is_open() || !codes_ || !codes_->find(code) || editing()) return false;  // edit mode: no coding
    if (!selection()) {
        show_status("Select text in the transcript first, then drop a code on it to code it");
        return false;
    }
    // The same path as Ctrl+E: the dropped code becomes the selected code, and the frame's
    // "Code selection" command codes the selection with it.
    wb_.select_code(code);
    const auto before = codings_.size();
    wxCommandEvent event(wxEVT_MENU, kIdCodeSelection);
    wxGetTopLevelParent(this)->GetEventHandler()->ProcessEvent(event);
    return codings_.size() != before;
}

std::optional<core::Memo> TranscriptView::coding_memo(core::CodingId coding) const {
    if (!wb_.is_open()) return std::nullopt;
    for (const auto& m : const_cast<Workbench&>(wb_).repo().memos()) {
        if (m.target == core::MemoTarget::coding && m.target_id == coding.value) return m;
    }
    return std::nullopt;
}

bool TranscriptView::set_coding_memo(core::CodingId coding, const std::string& text) {
    return set_coding_memo(coding, text, coding_memo(coding));
}

bool TranscriptView::set_coding_memo(core::CodingId coding, const std::string& text, const std::optional<core::Memo>& seen) {
    if (!wb_.is_open()) return false;
    if (seen && text.empty()) {
        core::DeleteMemo remove(seen->id);
        remove.expect(*seen);
        return wb_.run(remove);
    }
    if (seen) {
        if (seen->text == text) return false;
        core::EditMemo edit(seen->id, std::nullopt, text);
        edit.expect(*seen);
        return wb_.run(edit);
    }
    if (text.empty()) return false;
    if (const auto now = coding_memo(coding)) {  // written by someone else since the dialog opened
        wb_.report_error("cannot do \"Add memo\": " + core::who_changed(wb_.repo(), *now, 0) + " since you saw it");
        wb_.catch_up();  // as for a refused command: show their change
        return false;
    }
    core::Memo m;
    m.target = core::MemoTarget::coding;
    m.target_id = coding.value;
    m.text = text;
    m.author = wb_.coder();
    m.created = wb_.project().now();
    return wb_.run(core::AddMemo(m));
}

void TranscriptView::edit_coding_memo(core::CodingId coding) {
    const auto it = std::find_if(codings_.begin(), codings_.end(), [&](const core::Coding& c) { return c.id == coding; });
    if (it == codings_.end() || !text_) return;
    const auto memo = coding_memo(coding);
    CodingMemoDialog dialog(this, code_name(it->code), std::string(core::utf8::slice(text_->text(), it->span)),
                            memo ? memo->text : std::string(), memo.has_value());
    const int answer = dialog.ShowModal();
    if (answer == wxID_OK) set_coding_memo(coding, dialog.text(), memo);
    else if (answer == wxID_DELETE) set_coding_memo(coding, {}, memo);
}

void TranscriptView::append_memo_items(wxMenu& menu, const std::vector<core::Coding>& codings) {
    int id = kMenuMemoFirst;
    for (const auto& c : codings) {
        const std::string verb = coding_memo(c.id) ? "Edit memo on coding" : "Memo on coding";
        const std::string label = codings.size() == 1 ? verb + "\u2026" : verb + " \u201C" + code_name(c.code) + "\u201D\u2026";
        menu.Append(id, to_wx(label), "Write a memo about this one coding (undoable)");
        menu.Bind(wxEVT_MENU, [this, coding = c.id](wxCommandEvent&) { edit_coding_memo(coding); }, id);
        ++id;
    }
}

std::unique_ptr<wxMenu> TranscriptView::context_menu(std::optional<core::CodePoint> at) {
    auto menu = std::make_unique<wxMenu>();
    // The menu bar's items (menu_items.h): the ids are the frame's commands, so the menu event
    // goes up to the frame, one handler each; labels, accelerators and enabled states are its.
    for (const int id : {kIdCodeSelection, kIdCodeWithNewCode, kIdInVivo, kIdUncode}) append_menu_item(*menu, id);
    // The codes used last, so recoding a run of passages needs no trip to the code tree.
    const auto recent = wb_.recent_codes(static_cast<std::size_t>(kIdRecentCodeLast - kIdRecentCode1 + 1));
    if (!recent.empty()) {
        menu->AppendSeparator();
        for (std::size_t i = 0; i < recent.size() && i < 5; ++i) {
            const int id = kIdRecentCode1 + static_cast<int>(i);
            menu->Append(id, to_wx("Code as \u201C" + code_name(recent[i]) + "\u201D"), "A recently used code");
            menu->Enable(id, selection().has_value());
        }
    }
    menu->AppendSeparator();
    menu->Append(kMenuCopy, "C&opy\tCtrl+C");
    menu->Bind(wxEVT_MENU, [this](wxCommandEvent&) { stc_->Copy(); }, kMenuCopy);
    const bool has_selection = selection().has_value();
    update_menu(*menu, *this);
    menu->Enable(kMenuCopy, has_selection);
    if (at) {
        const auto here = codings_at(*at);
        if (!here.empty()) menu->AppendSeparator();
        append_memo_items(*menu, here);
    }
    return menu;
}

std::unique_ptr<wxMenu> TranscriptView::stripe_menu(const Stripe& stripe) {
    auto menu = std::make_unique<wxMenu>();
    const auto it = std::find_if(codings_.begin(), codings_.end(), [&](const core::Coding& c) { return c.id == stripe.coding; });
    if (it != codings_.end()) append_memo_items(*menu, {*it});
    return menu;
}

void TranscriptView::on_context_menu(wxContextMenuEvent& event) {
    if (!text_) return;
    // From the keyboard (Menu key, Shift+F10) there is no position: use the caret.
    int pos = stc_->GetCurrentPos();
    wxPoint where = stc_->PointFromPosition(pos);
    if (event.GetPosition() != wxDefaultPosition) {
        where = stc_->ScreenToClient(event.GetPosition());
        const int hit = stc_->PositionFromPointClose(where.x, where.y);
        if (hit >= 0) pos = hit;
    }
    auto menu = context_menu(text_->to_code_point(pos));
    stc_->PopupMenu(menu.get(), where);
}

}  // namespace comb::gui
