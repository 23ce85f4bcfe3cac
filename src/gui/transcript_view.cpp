// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/transcript_view.h"

#include "gui/coder_legend.h"
#include "gui/transcript_edit.h"

#include <algorithm>
#include <map>

#include <wx/dcbuffer.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stc/stc.h>
#include <wx/stattext.h>

#include "core/change_set.h"
#include "gui/start_page.h"

namespace comb::gui {
namespace {

constexpr int kLabelStyleFirst = 1;  // speaker label styles 1..kLabelStyles
constexpr int kLabelStyles = 8;
constexpr int kInterviewerBodyStyle = 10;

// Readable on white; the interviewer's label is always the first.
const char* const kSpeakerColours[kLabelStyles] = {"#4A5568", "#2B6CB0", "#C05621", "#2F855A",
                                                   "#9B2C2C", "#6B46C1", "#B7791F", "#2C7A7B"};

int scintilla_colour(const std::string& hex) {
    const wxColour c(to_wx(hex));
    if (!c.IsOk()) return 0xC0C0C0;
    return c.Red() | (c.Green() << 8) | (c.Blue() << 16);
}

}  // namespace

TranscriptView::TranscriptView(wxWindow* parent, Workbench& workbench)
    : wxPanel(parent, wxID_ANY), wb_(workbench) {
    build_find_bar();
    build_text_control();
    setup_styles();

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(stripe_panel_, 0, wxEXPAND);
    body->Add(stc_, 1, wxEXPAND);
    start_ = new StartPage(this);
    body_ = body;
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    legend_ = new CoderLegend(this);
    edit_ = std::make_unique<TranscriptEdit>(this, wb_, *stc_);
    sizer->Add(find_bar_, 0, wxEXPAND);
    sizer->Add(&edit_->banner(), 0, wxEXPAND);
    sizer->Add(legend_, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(3));
    sizer->Add(body, 1, wxEXPAND);
    sizer->Add(start_, 1, wxEXPAND);
    SetSizer(sizer);
    update_start_page();

    stc_->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) { stripe_panel_->Refresh(); e.Skip(); });
    stc_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) { stripe_panel_->Refresh(); e.Skip(); });
    stc_->Bind(wxEVT_STC_DWELLSTART, &TranscriptView::on_dwell_start, this);
    stc_->Bind(wxEVT_STC_DWELLEND, &TranscriptView::on_dwell_end, this);
    stc_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        e.Skip();
        if (snap_to_words_) CallAfter([this] { snap_selection(); });
    });
    stc_->Bind(wxEVT_STC_STYLENEEDED, [](wxStyledTextEvent&) {});  // styled up front
    bind_find_bar();

    install_coding_actions();
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) { on_project_switched(); });
    coder_view_ = wb_.coder_view_changed().subscribe([this](const CoderViewChanged&) {
        if (!doc_) return;
        reload_codings();
        highlight();
        layout_stripes();
    });
    document_selected_ = wb_.document_selected().subscribe(
        [this](const DocumentSelected& e) { show_document(e.document, e.span); });
}

TranscriptView::~TranscriptView() = default;

bool TranscriptView::editing() const { return edit_->editing(); }
void TranscriptView::set_editing(bool on) { edit_->set_editing(on, document()); }
bool TranscriptView::commit_edit() { return edit_->commit(); }

void TranscriptView::setup_styles() {
    stc_->StyleClearAll();
    for (int i = 0; i < kLabelStyles; ++i) {
        stc_->StyleSetBold(kLabelStyleFirst + i, true);
        stc_->StyleSetForeground(kLabelStyleFirst + i, wxColour(kSpeakerColours[i]));
    }
    stc_->StyleSetForeground(kInterviewerBodyStyle, wxColour("#4A5568"));
    stc_->StyleSetItalic(kInterviewerBodyStyle, true);
    const int indicator_style = style_ == HighlightStyle::underline ? wxSTC_INDIC_COMPOSITIONTHICK
                                : style_ == HighlightStyle::text    ? wxSTC_INDIC_TEXTFORE
                                                                   : wxSTC_INDIC_STRAIGHTBOX;
    stc_->IndicatorSetStyle(kCodedIndicator, indicator_style);
    stc_->IndicatorSetFlags(kCodedIndicator, wxSTC_INDICFLAG_VALUEFORE);
    stc_->IndicatorSetAlpha(kCodedIndicator, 90);
    stc_->IndicatorSetOutlineAlpha(kCodedIndicator, 150);
    stc_->IndicatorSetUnder(kCodedIndicator, true);
}

void TranscriptView::set_appearance(const wxFont& font, HighlightStyle style) {
    style_ = style;
    if (font.IsOk()) stc_->StyleSetFont(wxSTC_STYLE_DEFAULT, const_cast<wxFont&>(font));
    setup_styles();
    style_turns();
    highlight();
    stripe_panel_->Refresh();
}

void TranscriptView::on_project_switched() {
    clear();
    changed_.reset();
    update_start_page();
    if (!wb_.is_open()) return;
    changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) { on_project_changed(e); });
}

void TranscriptView::update_start_page() {
    const bool open = wb_.is_open();
    const bool empty = !open || wb_.repo().documents().empty();
    if (empty && (!start_->IsShown() || start_->for_open_project() != open)) start_->show_for(open);
    start_->Show(empty);
    GetSizer()->Show(body_, !empty);
    Layout();
}

bool TranscriptView::is_showing_start_page() const { return start_->IsShown(); }

void TranscriptView::on_project_changed(const core::ProjectChanged& event) {
    if (event.changes.touches(core::RowKind::document)) update_start_page();
    if (!doc_) return;
    if (event.touches(core::RowKind::document)) {
        const auto doc = wb_.repo().find_document(doc_->id);
        if (!doc) {
            clear();
            return;
        }
        if (doc->text_id != doc_->text_id) {
            // The transcript was edited: show the new text, at the same place.
            const int line = stc_->GetFirstVisibleLine();
            doc_.reset();
            show_document(doc->id);
            stc_->SetFirstVisibleLine(line);
            return;
        }
        doc_ = doc;  // renamed, or its turns changed
        style_turns();
    }
    const bool codes = event.touches(core::RowKind::code);
    if (codes || event.touches_codings_of(doc_->id)) {
        reload_codings();
        highlight();
        layout_stripes();
    } else if (event.touches(core::RowKind::memo)) {
        reload_memos();
        stripe_panel_->Refresh();
    }
}

void TranscriptView::show_document(core::DocumentId id, std::optional<core::Span> select_span) {
    if (!wb_.is_open()) return;
    if (!doc_ || doc_->id != id) {
        auto doc = wb_.repo().find_document(id);
        if (!doc) return;
        if (doc_ && editing()) set_editing(false);  // another document: what was typed is applied first
        doc_ = std::move(doc);
        text_ = std::make_unique<TextPositions>(wb_.repo().text(doc_->text_id));
        stc_->SetReadOnly(false);
        stc_->ClearAll();
        stc_->AppendTextRaw(text_->text().data(), static_cast<int>(text_->text().size()));
        stc_->SetReadOnly(true);
        edit_->text_reloaded();
        stc_->GotoPos(0);
        style_turns();
        reload_codings();
        highlight();
        layout_stripes();
        wb_.document_shown().publish({doc_->id});
    }
    if (select_span) select(*select_span);
}

void TranscriptView::clear() {
    if (editing()) edit_->set_editing(false, std::nullopt, false);
    doc_.reset();
    text_.reset();
    codings_.clear();
    with_memo_.clear();
    stripes_.clear();
    stc_->SetReadOnly(false);
    stc_->ClearAll();
    stc_->SetReadOnly(true);
    if (legend_->set({})) Layout();  // no document: no coders to name (not the last project's)
    stripe_panel_->Refresh();
    wb_.document_shown().publish({std::nullopt});
}

std::optional<core::DocumentId> TranscriptView::document() const {
    if (!doc_) return std::nullopt;
    return doc_->id;
}

std::string TranscriptView::document_name() const { return doc_ ? doc_->name : std::string(); }

void TranscriptView::style_turns() {
    if (!doc_ || !text_) return;
    const int length = stc_->GetLength();
    stc_->StartStyling(0);
    stc_->SetStyling(length, 0);
    std::map<std::string, int> speaker_style;
    int next = 1;  // style 0 of the palette is kept for interviewers
    for (const auto& turn : doc_->turns) {
        int style = kLabelStyleFirst;
        if (!turn.is_interviewer) {
            auto [it, added] = speaker_style.emplace(turn.speaker, 0);
            if (added) it->second = kLabelStyleFirst + 1 + (next++ - 1) % (kLabelStyles - 1);
            style = it->second;
        }
        const int label_start = text_->to_position(turn.span.start);
        const int label_end = text_->to_position(turn.body.start);
        if (label_end > label_start) {
            stc_->StartStyling(label_start);
            stc_->SetStyling(label_end - label_start, style);
        }
        if (turn.is_interviewer) {
            const int body_end = text_->to_position(turn.body.end);
            if (body_end > label_end) {
                stc_->StartStyling(label_end);
                stc_->SetStyling(body_end - label_end, kInterviewerBodyStyle);
            }
        }
    }
}

void TranscriptView::reload_codings() {
    codes_ = std::make_unique<core::CodeTree>(wb_.repo().codes());
    codings_ = doc_ ? wb_.repo().codings_of_document(doc_->id) : std::vector<core::Coding>{};
    // Only the coders the coder view shows (blind mode: only mine).
    std::erase_if(codings_, [this](const core::Coding& c) { return !wb_.shows_coder(c.coder); });
    reload_memos();
}

void TranscriptView::reload_memos() {
    with_memo_.clear();
    if (codings_.empty()) return;
    std::set<core::CodingId> here;
    for (const auto& c : codings_) here.insert(c.id);
    for (const auto& m : wb_.repo().memos()) {
        if (m.target == core::MemoTarget::coding && here.count(core::CodingId(m.target_id))) with_memo_.insert(core::CodingId(m.target_id));
    }
}

void TranscriptView::highlight() {
    if (!text_) return;
    stc_->SetIndicatorCurrent(kCodedIndicator);
    stc_->IndicatorClearRange(0, stc_->GetLength());
    // Outer codings first, so nested (inner) codings paint over them and stay visible.
    auto order = codings_;
    std::stable_sort(order.begin(), order.end(), [](const core::Coding& a, const core::Coding& b) {
        return a.span.length() > b.span.length();
    });
    if (wb_.coder_view().mode == CoderMode::compare) {
        // A only, B only and both in their own colours, so the comparison reads at a glance.
        for (const auto& r : compare_runs(codings_, wb_.coder_view().a, wb_.coder_view().b)) {
            const int start = text_->to_position(r.span.start), end = text_->to_position(r.span.end);
            if (end <= start) continue;
            stc_->SetIndicatorValue(scintilla_colour(side_colour(r.side, wb_.coder_view(), wb_.coder_palette())) | wxSTC_INDICVALUEBIT);
            stc_->IndicatorFillRange(start, end - start);
        }
        return;
    }
    for (const auto& c : order) {
        const auto* code = codes_ ? codes_->find(c.code) : nullptr;
        const int start = text_->to_position(c.span.start);
        const int end = text_->to_position(c.span.end);
        if (end <= start) continue;
        stc_->SetIndicatorValue(scintilla_colour(code ? code->colour : "") | wxSTC_INDICVALUEBIT);
        stc_->IndicatorFillRange(start, end - start);
    }
}

void TranscriptView::layout_stripes() {
    stripes_.clear();
    auto sorted = codings_;
    std::vector<SideRun> runs;
    if (wb_.coder_view().mode == CoderMode::compare) {
        // One stripe per run of one code: A only, B only or both.
        runs = compare_runs(codings_, wb_.coder_view().a, wb_.coder_view().b);
        sorted.clear();
        for (const auto& r : runs) {
            core::Coding c;
            c.id = r.coding;
            c.code = r.code;
            c.span = r.span;
            c.coder = side_colour(r.side, wb_.coder_view(), wb_.coder_palette());  // carried to the stripe below
            sorted.push_back(c);
        }
    }
    std::sort(sorted.begin(), sorted.end(), [](const core::Coding& a, const core::Coding& b) {
        if (a.span.start != b.span.start) return a.span.start < b.span.start;
        return a.span.end > b.span.end;  // outer first
    });
    // Several coders' codings on screen: each stripe in its coder's colour, named in the legend.
    const auto legend = coder_legend(wb_.coder_view(), codings_, wb_.coder_palette());
    std::map<std::string, std::string> by_coder;
    if (runs.empty()) for (const auto& e : legend) by_coder[e.label == "(no coder)" ? "" : e.label] = e.colour;
    if (legend_->set(legend)) Layout();
    std::vector<core::CodePoint> lane_end;  // where each lane is free again
    for (const auto& c : sorted) {
        std::size_t lane = 0;
        while (lane < lane_end.size() && lane_end[lane] > c.span.start) ++lane;
        if (lane == lane_end.size()) lane_end.push_back(c.span.end);
        else lane_end[lane] = c.span.end;
        const std::string colour = !runs.empty() ? c.coder : by_coder.empty() ? std::string() : by_coder[c.coder];
        stripes_.push_back({c.id, c.code, c.span, static_cast<int>(lane), colour});
    }
    const int lanes = std::max<int>(1, static_cast<int>(lane_end.size()));
    stripe_panel_->SetMinSize(wxSize(stripe_panel_->lane_x(lanes) + FromDIP(3), -1));
    Layout();
    stripe_panel_->Refresh();
}

std::optional<core::Span> TranscriptView::selection() const {
    if (!text_) return std::nullopt;
    const int a = stc_->GetSelectionStart(), b = stc_->GetSelectionEnd();
    if (a == b) return std::nullopt;
    return core::Span{text_->to_code_point(std::min(a, b)), text_->to_code_point(std::max(a, b))};
}

std::string TranscriptView::selected_text() const {
    const auto span = selection();
    if (!span) return {};
    return std::string(core::utf8::slice(text_->text(), *span));
}

void TranscriptView::select(core::Span span) {
    if (!text_) return;
    const int a = text_->to_position(span.start), b = text_->to_position(span.end);
    stc_->SetSelection(a, b);
    centre_on(a);
    // Scintilla wraps a freshly loaded text lazily, so display lines are only right after the
    // next paint: centre again then (else a jump into another document lands at its top).
    CallAfter([this, a, b] {
        if (text_ && stc_->GetSelectionStart() == a && stc_->GetSelectionEnd() == b) centre_on(a);
    });
}

bool TranscriptView::snap_selection() {
    if (!text_) return false;
    int a = stc_->GetSelectionStart(), b = stc_->GetSelectionEnd();
    if (a >= b) return false;
    const auto blank = [this](int pos) {
        const int c = stc_->GetCharAt(pos);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (a < b && blank(a)) ++a;
    while (b > a && blank(b - 1)) --b;
    if (a == b) return false;
    // An edge is inside a word when word characters lie on both of its sides.
    const auto inside = [this](int pos) { return stc_->WordStartPosition(pos, true) < pos && stc_->WordEndPosition(pos, true) > pos; };
    if (inside(a)) a = stc_->WordStartPosition(a, true);
    if (inside(b)) b = stc_->WordEndPosition(b, true);
    if (a == stc_->GetSelectionStart() && b == stc_->GetSelectionEnd()) return false;
    const bool caret_at_start = stc_->GetCurrentPos() < stc_->GetAnchor();
    if (caret_at_start) stc_->SetSelection(b, a);
    else stc_->SetSelection(a, b);
    return true;
}

void TranscriptView::centre_on(int pos) {
    const int doc_line = stc_->LineFromPosition(pos);
    stc_->WrapCount(doc_line);  // makes Scintilla wrap up to this line now
    const int line_height = std::max(1, stc_->TextHeight(doc_line));
    const int sub_line = (stc_->PointFromPosition(pos).y - stc_->PointFromPosition(stc_->PositionFromLine(doc_line)).y) / line_height;
    const int display_line = stc_->VisibleFromDocLine(doc_line) + std::max(0, sub_line);
    stc_->SetFirstVisibleLine(std::max(0, display_line - stc_->LinesOnScreen() / 2));
}

bool TranscriptView::is_centred(core::CodePoint cp) const {
    if (!text_) return false;
    const int y = stc_->PointFromPosition(text_->to_position(cp)).y;
    const int h = stc_->GetClientSize().y;
    return y >= h / 4 && y <= h * 3 / 4;
}

void TranscriptView::scroll_to(core::CodePoint cp) {
    if (!text_) return;
    const int pos = text_->to_position(cp);
    stc_->SetSelection(pos, pos);
    const int line = stc_->VisibleFromDocLine(stc_->LineFromPosition(pos));
    stc_->SetFirstVisibleLine(std::max(0, line - 1));
}

core::CodePoint TranscriptView::caret() const {
    return text_ ? text_->to_code_point(stc_->GetCurrentPos()) : core::CodePoint(0);
}

std::vector<core::Coding> TranscriptView::codings_at(core::CodePoint cp) const {
    std::vector<core::Coding> out;
    for (const auto& c : codings_) {
        if (c.span.start <= cp && cp < c.span.end) out.push_back(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const core::Coding& a, const core::Coding& b) {
        return a.span.length() > b.span.length();
    });
    return out;
}

std::string TranscriptView::highlight_at(core::CodePoint cp) {
    if (!text_) return {};
    const int pos = text_->to_position(cp);
    if (!(stc_->IndicatorAllOnFor(pos) & (1 << kCodedIndicator))) return {};
    const int v = stc_->IndicatorValueAt(kCodedIndicator, pos) & 0xFFFFFF;
    return from_wx(wxString::Format("#%02X%02X%02X", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF));
}

std::string TranscriptView::code_colour(core::CodeId id) const {
    const auto* code = codes_ ? codes_->find(id) : nullptr;
    return code ? code->colour : std::string();
}

int TranscriptView::text_position(core::CodePoint cp) const { return text_ ? text_->to_position(cp) : 0; }

std::string TranscriptView::code_name(core::CodeId id) const {
    if (!codes_ || !codes_->find(id)) return {};
    return codes_->path(id);
}

void TranscriptView::on_dwell_start(wxStyledTextEvent& event) {
    if (!text_ || event.GetPosition() < 0) return;
    const auto tip = tooltip_at(text_->to_code_point(event.GetPosition()));
    if (!tip.empty()) stc_->CallTipShow(event.GetPosition(), to_wx(tip));
}

void TranscriptView::on_dwell_end(wxStyledTextEvent&) {
    if (stc_->CallTipActive()) stc_->CallTipCancel();
}

void TranscriptView::show_find_bar() {
    find_bar_->Show();
    Layout();
    find_->SetFocus();
    find_->SelectAll();
}

std::string TranscriptView::find_text() const { return from_wx(find_->GetValue()); }

bool TranscriptView::find_next(const std::string& needle) {
    if (!text_ || needle.empty()) return false;
    const wxString what = to_wx(needle);
    const int from = stc_->GetSelectionEnd();
    stc_->SetSearchFlags(0);
    stc_->SetTargetRange(from, stc_->GetLength());
    int found = stc_->SearchInTarget(what);
    if (found < 0) {
        stc_->SetTargetRange(0, from);
        found = stc_->SearchInTarget(what);
    }
    if (found < 0) return false;
    const int start = stc_->GetTargetStart(), end = stc_->GetTargetEnd();
    select({text_->to_code_point(start), text_->to_code_point(end)});
    return true;
}

void TranscriptView::on_stripe_clicked(const Stripe& stripe) {
    select(stripe.span);
    wb_.select_code(stripe.code);
    stc_->SetFocus();
}

// --- StripePanel ---

StripePanel::StripePanel(wxWindow* parent, TranscriptView& view) : wxPanel(parent, wxID_ANY), view_(view) {
    SetName("stripes");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(lane_x(1) + FromDIP(3), -1));
    Bind(wxEVT_PAINT, &StripePanel::on_paint, this);
    Bind(wxEVT_MOTION, &StripePanel::on_motion, this);
    Bind(wxEVT_LEFT_DOWN, &StripePanel::on_click, this);
    Bind(wxEVT_CONTEXT_MENU, &StripePanel::on_context_menu, this);
}

void StripePanel::on_context_menu(wxContextMenuEvent& event) {
    const auto s = stripe_at(ScreenToClient(event.GetPosition()));
    if (!s) return;
    auto menu = view_.stripe_menu(*s);
    if (menu->GetMenuItemCount() > 0) PopupMenu(menu.get());
}

std::pair<int, int> StripePanel::extent(const TranscriptView::Stripe& s) const {
    auto& stc = view_.control();
    // The stripe panel and the text share their top edge, so text y is panel y.
    const auto& positions = s.span;
    const auto pos_of = [&](core::CodePoint cp) { return view_.text_position(cp); };
    const int p0 = pos_of(positions.start);
    const int p1 = std::max(p0, pos_of(positions.end) - 1);
    const int y0 = stc.PointFromPosition(p0).y;
    const int y1 = stc.PointFromPosition(p1).y + stc.TextHeight(stc.LineFromPosition(p1));
    return {y0, y1};
}

std::optional<TranscriptView::Stripe> StripePanel::stripe_at(const wxPoint& p) const {
    std::optional<TranscriptView::Stripe> best;
    for (const auto& s : view_.stripes()) {
        const int x = lane_x(s.lane);
        if (p.x < x - 1 || p.x >= x + lane_width()) continue;
        const auto [y0, y1] = extent(s);
        if (p.y < y0 || p.y >= y1) continue;
        if (!best || s.span.length() < best->span.length()) best = s;
    }
    return best;
}

void StripePanel::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(248, 248, 246)));
    dc.Clear();
    const int height = GetClientSize().y;
    // Only stripes that reach the visible lines are measured: a long transcript has thousands.
    auto& stc = view_.control();
    const int first_line = stc.DocLineFromVisible(stc.GetFirstVisibleLine());
    const int last_line = stc.DocLineFromVisible(stc.GetFirstVisibleLine() + stc.LinesOnScreen());
    const int first_pos = stc.PositionFromLine(first_line);
    const int last_pos = stc.GetLineEndPosition(std::min(last_line, stc.GetLineCount() - 1));
    for (const auto& s : view_.stripes()) {
        if (view_.text_position(s.span.end) < first_pos || view_.text_position(s.span.start) > last_pos) continue;
        const auto [y0, y1] = extent(s);
        if (y1 < 0 || y0 > height) continue;
        const wxColour colour(to_wx(s.colour.empty() ? view_.code_colour(s.code) : s.colour));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(colour.IsOk() ? colour : wxColour(160, 160, 160)));
        const int w = lane_width() - FromDIP(2);
        dc.DrawRoundedRectangle(lane_x(s.lane), y0 + 1, w, std::max(FromDIP(4), y1 - y0 - 2), FromDIP(2));
        if (view_.has_memo(s.coding)) {
            // A white dot with a dark ring at the stripe's top: this coding has a memo.
            dc.SetPen(wxPen(wxColour(40, 40, 40)));
            dc.SetBrush(*wxWHITE_BRUSH);
            dc.DrawCircle(lane_x(s.lane) + w / 2, y0 + FromDIP(4), FromDIP(2));
        }
    }
}

void StripePanel::on_motion(wxMouseEvent& event) {
    const auto s = stripe_at(event.GetPosition());
    if (!s) { UnsetToolTip(); return; }
    wxString tip;
    for (const auto& c : view_.codings_at(s->span.start)) {
        if (c.span.overlaps(s->span)) tip << (tip.empty() ? "" : "\n") << to_wx(view_.coding_line(c));
    }
    SetToolTip(tip);
}

void StripePanel::on_click(wxMouseEvent& event) {
    if (const auto s = stripe_at(event.GetPosition())) view_.on_stripe_clicked(*s);
}

}  // namespace comb::gui
