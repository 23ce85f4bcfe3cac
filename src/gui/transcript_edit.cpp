// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/transcript_edit.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stc/stc.h>

#include "core/commands/edit_text.h"
#include "core/utf8.h"
#include "gui/command_ids.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::optional<TextChange> text_change(const std::string& before, const std::string& after) {
    if (before == after) return std::nullopt;
    std::size_t head = 0;
    const std::size_t most = std::min(before.size(), after.size());
    while (head < most && before[head] == after[head]) ++head;
    while (head > 0 && continuation(before[head])) --head;  // back to a character's first byte
    std::size_t tail = 0;
    while (tail < most - head && before[before.size() - 1 - tail] == after[after.size() - 1 - tail]) ++tail;
    while (tail > 0 && continuation(before[before.size() - tail])) --tail;  // whole characters only
    const auto start = core::utf8::length(std::string_view(before).substr(0, head));
    const auto removed = core::utf8::length(std::string_view(before).substr(head, before.size() - tail - head));
    return TextChange{{core::CodePoint(start), core::CodePoint(start + removed)}, after.substr(head, after.size() - tail - head)};
}

TranscriptEdit::TranscriptEdit(wxWindow* parent, Workbench& wb, wxStyledTextCtrl& stc) : wb_(wb), stc_(stc), pause_(this) {
    banner_ = new wxPanel(parent, wxID_ANY);
    banner_->SetName("edit banner");
    banner_->SetBackgroundColour(wxColour(255, 236, 179));
    auto* text = new wxStaticText(banner_, wxID_ANY,
                                  "Editing the transcript text: typing changes it (codings keep their words; each burst of "
                                  "typing is one undo step). Coding keys are off.");
    text->SetForegroundColour(wxColour(90, 60, 0));
    auto* done = new wxButton(banner_, wxID_ANY, "&Done editing");
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, banner_->FromDIP(8));
    sizer->Add(done, 0, wxALL, banner_->FromDIP(4));
    banner_->SetSizer(sizer);
    // The text wraps to the banner's width beside the button (a narrow window cut it off).
    const wxString full = text->GetLabel();
    banner_->Bind(wxEVT_SIZE, [this, text, done, full, wrapped = -1](wxSizeEvent& e) mutable {
        e.Skip();
        const int width = e.GetSize().x - done->GetSize().x - banner_->FromDIP(24);
        if (width <= 0 || width == wrapped) return;
        wrapped = width;
        text->SetLabel(full);
        text->Wrap(width);
        banner_->CallAfter([this] {
            banner_->Layout();
            banner_->GetParent()->Layout();
        });
    });
    banner_->Hide();
    done->Bind(wxEVT_BUTTON, [parent](wxCommandEvent&) {
        wxCommandEvent e(wxEVT_MENU, kIdEditTranscript);
        wxPostEvent(wxGetTopLevelParent(parent), e);
    });
    stc_.Bind(wxEVT_STC_MODIFIED, &TranscriptEdit::on_modified, this);
    stc_.Bind(wxEVT_KEY_DOWN, [this, parent](wxKeyEvent& e) {
        if (!editing_ || e.GetKeyCode() != WXK_ESCAPE || e.HasAnyModifiers()) {
            e.Skip();
            return;
        }
        wxCommandEvent leave(wxEVT_MENU, kIdEditTranscript);  // Esc leaves edit mode
        wxPostEvent(wxGetTopLevelParent(parent), leave);
    });
    stc_.Bind(wxEVT_STC_UPDATEUI, &TranscriptEdit::on_update_ui, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { commit(); });
}

TranscriptEdit::~TranscriptEdit() {
    pause_.Stop();
    stc_.Unbind(wxEVT_STC_MODIFIED, &TranscriptEdit::on_modified, this);
    stc_.Unbind(wxEVT_STC_UPDATEUI, &TranscriptEdit::on_update_ui, this);
}

void TranscriptEdit::set_editing(bool on, std::optional<core::DocumentId> doc, bool apply) {
    if (!on && apply) commit();
    pause_.Stop();
    editing_ = on && doc.has_value();
    doc_ = editing_ ? doc : std::nullopt;
    burst_lo_ = burst_hi_ = -1;
    stc_.SetReadOnly(!editing_);
    stc_.EmptyUndoBuffer();
    stc_.SetUndoCollection(false);  // undo is the project's (one step per burst), not the control's
    banner_->Show(editing_);
    banner_->GetParent()->Layout();
    if (editing_) stc_.SetFocus();
}

bool TranscriptEdit::pending() const { return editing_ && burst_lo_ >= 0; }

bool TranscriptEdit::commit() {
    pause_.Stop();
    if (!editing_ || !doc_ || !wb_.is_open() || applying_) return false;
    burst_lo_ = burst_hi_ = -1;
    const auto doc = wb_.repo().find_document(*doc_);
    if (!doc) return false;
    const wxCharBuffer raw = stc_.GetTextRaw();
    const auto change = text_change(wb_.repo().text(doc->text_id), std::string(raw.data(), raw.length()));
    if (!change) return false;
    const int caret = stc_.GetCurrentPos();
    const int first = stc_.GetFirstVisibleLine();
    applying_ = true;
    const bool ok = wb_.run(core::EditText(*doc_, change->span, change->text));
    applying_ = false;
    // The view showed the new text anew: the caret and the scroll stay where the typing was.
    stc_.GotoPos(std::min(caret, stc_.GetLength()));
    stc_.SetFirstVisibleLine(first);
    return ok;
}

void TranscriptEdit::text_reloaded() {
    stc_.SetReadOnly(!editing_);
    if (editing_) stc_.EmptyUndoBuffer();
}

void TranscriptEdit::on_modified(wxStyledTextEvent& event) {
    event.Skip();
    const int type = event.GetModificationType();
    if (!editing_ || applying_ || !(type & (wxSTC_MOD_INSERTTEXT | wxSTC_MOD_DELETETEXT))) return;
    // The burst's range follows the text: what is inserted inside it moves its end on, what is
    // deleted pulls it back; an edit outside it widens it to there.
    const int at = event.GetPosition(), n = event.GetLength();
    const bool insert = (type & wxSTC_MOD_INSERTTEXT) != 0;
    if (burst_lo_ < 0) {
        burst_lo_ = at;
        burst_hi_ = insert ? at + n : at;
    } else if (insert) {
        burst_hi_ = at <= burst_hi_ ? burst_hi_ + n : at + n;
        burst_lo_ = std::min(burst_lo_, at);
    } else {
        burst_hi_ = at < burst_hi_ ? std::max(at, burst_hi_ - n) : at;
        burst_lo_ = std::min(burst_lo_, at);
    }
    pause_.StartOnce(kPauseMs);
}

void TranscriptEdit::on_update_ui(wxStyledTextEvent& event) {
    event.Skip();
    if (!pending() || !(event.GetUpdated() & wxSTC_UPDATE_SELECTION)) return;
    // The caret went elsewhere: what was typed here is one burst.
    const int caret = stc_.GetCurrentPos();
    if (caret < burst_lo_ || caret > burst_hi_) CallAfter([this] { commit(); });
}

}  // namespace comb::gui
