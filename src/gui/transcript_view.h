// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TranscriptView: one document in a read-only wxStyledTextCtrl. Speaker labels are styled per
// turn, coded text is highlighted in its code's colour (innermost coding on top), and a
// stripe panel beside the text shows every coding as a coloured bar, nested codings in
// further lanes. Hovering names the codes; clicking a stripe selects its coding's text.
// Refreshes itself from project.changed(); owns nothing of the project. Its coding actions
// (drop a code on the text, memos on codings, context menus) live in transcript_actions.cpp.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/code_paths.h"
#include "core/model.h"
#include "core/project.h"
#include "gui/settings.h"
#include "gui/workbench.h"
#include "gui/wx_text.h"

class wxMenu;
class wxStyledTextCtrl;
class wxStyledTextEvent;
class wxSearchCtrl;

namespace comb::gui {

class StripePanel;
class StartPage;
class CoderLegend;
class TranscriptEdit;

class TranscriptView : public wxPanel {
public:
    static constexpr int kCodedIndicator = 8;
    static constexpr int kFindIndicator = 9;

    struct Stripe {
        core::CodingId coding;
        core::CodeId code;
        core::Span span;
        int lane = 0;  // 0 outermost
        std::string colour;  // "#RRGGBB" when not the code's: the coder's (several coders shown), or A only, B only, both
    };

    TranscriptView(wxWindow* parent, Workbench& workbench);
    ~TranscriptView() override;

    void show_document(core::DocumentId id, std::optional<core::Span> select = std::nullopt);
    void clear();
    std::optional<core::DocumentId> document() const;
    std::string document_name() const;

    // The selection in code points; nullopt when nothing is selected.
    std::optional<core::Span> selection() const;
    std::string selected_text() const;
    // Selects a span and scrolls its first line into the middle of the view.
    void select(core::Span span);
    // Whether a code point is drawn in the middle half of the view (a jump landed on it).
    bool is_centred(core::CodePoint cp) const;
    // Puts the caret at `cp` and scrolls so its line is near the top (restoring a position).
    void scroll_to(core::CodePoint cp);
    core::CodePoint caret() const;

    const std::vector<core::Coding>& codings() const { return codings_; }
    const std::vector<Stripe>& stripes() const { return stripes_; }
    // Codings covering a code point, outermost first.
    std::vector<core::Coding> codings_at(core::CodePoint cp) const;
    // "#RRGGBB" of the highlight at a code point, or empty when the text is not coded.
    std::string highlight_at(core::CodePoint cp);
    std::string code_name(core::CodeId id) const;    // path, "Parent/Child"
    std::string code_colour(core::CodeId id) const;  // "#RRGGBB"
    int text_position(core::CodePoint cp) const;      // control position

    void set_appearance(const wxFont& font, HighlightStyle style);
    // Mouse selections grow to whole words and lose blanks at their ends (a preference).
    void set_snap_to_words(bool on) { snap_to_words_ = on; }
    // Snaps the current selection now; returns whether it changed.
    bool snap_selection();
    void show_find_bar();
    // Selects the next match of `needle` after the caret (wrapping); false if none.
    bool find_next(const std::string& needle);
    std::string find_text() const;

    // A code dropped on the transcript (at control position `position`, -1 if unknown):
    // codes the selection with it as Ctrl+E does (the code becomes the selected code); without
    // a selection it says so in the status bar and changes nothing. Returns whether it coded.
    bool drop_code(core::CodeId code, int position = -1);

    // The memo attached to a coding, if any.
    std::optional<core::Memo> coding_memo(core::CodingId coding) const;
    // Whether a coding of this document has a memo (its stripe shows a dot).
    bool has_memo(core::CodingId coding) const { return with_memo_.count(coding) > 0; }
    // Writes a coding's memo as one undoable command: adds, edits, or (empty text) deletes it.
    // Returns whether something changed.
    bool set_coding_memo(core::CodingId coding, const std::string& text);
    // The same from the memo the user saw (nullopt: none): refused, naming who and when, when
    // that memo changed or went since, or someone else wrote one meanwhile (issue 12).
    bool set_coding_memo(core::CodingId coding, const std::string& text, const std::optional<core::Memo>& seen);
    // Opens the memo editor for a coding (modal).
    void edit_coding_memo(core::CodingId coding);
    // The hover text at a code point: one line per coding, "Code/Path — memo: first line…".
    std::string tooltip_at(core::CodePoint cp) const;
    // One coding's line of that text.
    std::string coding_line(const core::Coding& coding) const;
    // The transcript's context menu for a code point (codings there get "Memo on coding…").
    std::unique_ptr<wxMenu> context_menu(std::optional<core::CodePoint> at);
    // The context menu for one coding's stripe.
    std::unique_ptr<wxMenu> stripe_menu(const Stripe& stripe);

    wxStyledTextCtrl& control() { return *stc_; }
    // The page shown instead of the text while no project is open or it has no documents.
    StartPage& start_page() { return *start_; }
    bool is_showing_start_page() const;
    StripePanel& stripe_panel() { return *stripe_panel_; }
    CoderLegend& legend() { return *legend_; }
    // Edit mode (transcript_edit.h): the text takes typing, coding keys are off.
    bool editing() const;
    void set_editing(bool on);
    // Applies typing not applied yet (before an undo, a save); false when there was none.
    bool commit_edit();
    TranscriptEdit& edit() { return *edit_; }
    void on_stripe_clicked(const Stripe& stripe);

private:
    void on_project_changed(const core::ProjectChanged& event);
    void on_project_switched();
    void update_start_page();
    void reload_codings();
    void reload_memos();
    void style_turns();
    void highlight();
    void layout_stripes();
    void on_dwell_start(wxStyledTextEvent& event);
    void on_dwell_end(wxStyledTextEvent& event);
    void setup_styles();
    // Constructor parts (transcript_view_setup.cpp).
    void build_find_bar();
    void build_text_control();
    void bind_find_bar();
    void centre_on(int position);
    void install_coding_actions();  // transcript_actions.cpp
    void on_context_menu(wxContextMenuEvent& event);
    void show_status(const std::string& message);
    void append_memo_items(wxMenu& menu, const std::vector<core::Coding>& codings);

    Workbench& wb_;
    wxStyledTextCtrl* stc_ = nullptr;
    StripePanel* stripe_panel_ = nullptr;
    wxPanel* find_bar_ = nullptr;
    CoderLegend* legend_ = nullptr;
    std::unique_ptr<TranscriptEdit> edit_;
    StartPage* start_ = nullptr;
    wxSizer* body_ = nullptr;
    wxSearchCtrl* find_ = nullptr;
    std::optional<core::Document> doc_;
    std::unique_ptr<TextPositions> text_;
    std::unique_ptr<core::CodeTree> codes_;
    std::vector<core::Coding> codings_;
    std::vector<Stripe> stripes_;
    std::set<core::CodingId> with_memo_;  // codings of codings_ that have a memo
    HighlightStyle style_ = HighlightStyle::box;
    bool snap_to_words_ = true;
    core::Subscription changed_, switched_, document_selected_, coder_view_;
};

// The coding stripes beside the text: drawn from the view's stripes at the text's scroll
// position. Public so tests can click it.
class StripePanel : public wxPanel {
public:
    static constexpr int kLaneWidth = 8;  // DIPs; lane_width() is in pixels
    StripePanel(wxWindow* parent, TranscriptView& view);
    // The stripe drawn at a point of this panel, innermost first when nested.
    std::optional<TranscriptView::Stripe> stripe_at(const wxPoint& p) const;
    // Vertical extent of a stripe in this panel's coordinates.
    std::pair<int, int> extent(const TranscriptView::Stripe& s) const;
    int lane_width() const { return FromDIP(kLaneWidth); }
    int lane_x(int lane) const { return FromDIP(3) + lane * lane_width(); }
    // Mouse only: Tab moves between the text and the other panes, not onto the stripes.
    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }

private:
    void on_paint(wxPaintEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_click(wxMouseEvent& event);
    void on_context_menu(wxContextMenuEvent& event);
    TranscriptView& view_;
};

}  // namespace comb::gui
