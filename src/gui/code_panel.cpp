// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/code_panel.h"

#include <algorithm>

#include <wx/dcclient.h>
#include <wx/dnd.h>
#include <wx/settings.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include "core/commands/code_commands.h"
#include "gui/code_drag.h"
#include "gui/command_ids.h"
#include "gui/menu_items.h"
#include "gui/keyboard_menu.h"
#include "gui/wx_text.h"

namespace comb::gui {

CodePanel::CodePanel(wxWindow* parent, Workbench& workbench)
    : wxPanel(parent, wxID_ANY), wb_(workbench), model_(new CodeTreeModel(workbench)) {
    ctrl_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VERT_RULES);
    ctrl_->SetName("codes");
    ctrl_->AssociateModel(model_.get());
    add_columns();
    // Our own format: the transcript accepts it too (drop a code on selected text to code it).
    ctrl_->EnableDragSource(code_data_format());
    ctrl_->EnableDropTarget(code_data_format());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(ctrl_, 1, wxEXPAND);
    SetSizer(sizer);

    bind_events();
    code_selected_ = wb_.code_selected().subscribe([this](const CodeSelected& e) { select(e.code); });
}

void CodePanel::add_columns() {
    // Not editable in place: GTK starts an edit on the second click of a double click, which
    // opens the code's coded segments here, as in other tools. F2 renames (MainFrame asks).
    auto* name = new wxDataViewIconTextRenderer(wxDataViewIconTextRenderer::GetDefaultType(), wxDATAVIEW_CELL_INERT);
    // A name longer than its column ends in an ellipsis; hovering it shows the whole path.
    name->EnableEllipsize(wxELLIPSIZE_END);
    ctrl_->AppendColumn(new wxDataViewColumn("Code", name, CodeTreeModel::kName, FromDIP(180), wxALIGN_LEFT,
                                             wxDATAVIEW_COL_RESIZABLE));
    const auto text_column = [&](const char* title, unsigned col, int width, wxAlignment align) {
        ctrl_->AppendTextColumn(title, col, wxDATAVIEW_CELL_INERT, FromDIP(width), align, wxDATAVIEW_COL_RESIZABLE);
    };
    text_column("Codings", CodeTreeModel::kCodings, 64, wxALIGN_RIGHT);
    text_column("Cases", CodeTreeModel::kCases, 50, wxALIGN_RIGHT);
    text_column("COM-B", CodeTreeModel::kComB, 80, wxALIGN_LEFT);
    text_column("Level", CodeTreeModel::kLevel, 100, wxALIGN_LEFT);
    text_column("Valence", CodeTreeModel::kValence, 76, wxALIGN_LEFT);
}

void CodePanel::bind_events() {
    model_->on_cleared = [this] { CallAfter([this] { expand_all(); select(wb_.selected_code()); fit_columns(); }); };
    ctrl_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().x == fitted_width_) return;  // column widths never change the control's width
        fitted_width_ = e.GetSize().x;
        CallAfter([this] { fit_columns(); });
    });
    ctrl_->Bind(wxEVT_MOTION, &CodePanel::on_motion, this);
    ctrl_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &CodePanel::on_selection, this);
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_CONTEXT_MENU, &CodePanel::on_context_menu, this);
    bind_keyboard_menu(*ctrl_, [this] { show_context_menu(); });
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_BEGIN_DRAG, &CodePanel::on_begin_drag, this);
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_DROP_POSSIBLE, &CodePanel::on_drop_possible, this);
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_DROP, &CodePanel::on_drop, this);
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        // A double click opens the code's coded segments (Enter is taken below).
        wxCommandEvent e(wxEVT_MENU, kIdCodedSegments);
        wxPostEvent(wxGetTopLevelParent(this), e);
    });
    ctrl_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& k) {
        // Enter on a code codes the transcript's selection with it (not while renaming).
        const bool enter = k.GetKeyCode() == WXK_RETURN || k.GetKeyCode() == WXK_NUMPAD_ENTER;
        if (!enter || k.HasAnyModifiers()) {
            k.Skip();
            return;
        }
        wxCommandEvent e(wxEVT_MENU, kIdCodeSelection);
        wxPostEvent(wxGetTopLevelParent(this), e);
    });

    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_EDITING_STARTED, [this](wxDataViewEvent& e) { renaming_ = true; e.Skip(); });
    ctrl_->Bind(wxEVT_DATAVIEW_ITEM_EDITING_DONE, [this](wxDataViewEvent& e) { renaming_ = false; e.Skip(); });
}

// Shows the whole path of the code under the pointer (a cut name ends in an ellipsis).
void CodePanel::on_motion(wxMouseEvent& e) {
    e.Skip();
    wxDataViewItem item;
    wxDataViewColumn* column = nullptr;
    // GTK reports motion relative to the rows, below the header; HitTest counts from the
    // control's top, as the screen position does.
    ctrl_->HitTest(ctrl_->ScreenToClient(wxGetMousePosition()), item, column);
    const auto tip = item.IsOk() ? to_wx(tooltip(CodeTreeModel::code_of(item))) : wxString();
    if (tip != ctrl_->GetToolTipText()) {
        if (tip.empty()) ctrl_->UnsetToolTip();
        else ctrl_->SetToolTip(tip);
    }
}

CodePanel::~CodePanel() { model_->on_cleared = nullptr; }

std::vector<int> CodePanel::needed_widths() const {
    wxClientDC dc(ctrl_);
    dc.SetFont(ctrl_->GetFont());
    const int pad = FromDIP(12);  // cell padding and the column separator
    std::vector<int> need(ctrl_->GetColumnCount(), 0);
    wxFont bold = ctrl_->GetFont().Bold();
    for (unsigned c = 0; c < need.size(); ++c) {
        dc.SetFont(bold);  // headings are drawn bold by some themes: room for that
        need[c] = dc.GetTextExtent(ctrl_->GetColumn(c)->GetTitle()).x + pad;
    }
    dc.SetFont(ctrl_->GetFont());
    const auto& tree = model_->tree();
    for (const auto& code : tree.codes()) {
        const auto item = CodeTreeModel::item_of(code.id);
        int depth = 0;
        for (auto p = code.parent; p; ++depth) {
            const auto* up = tree.find(*p);
            p = up ? up->parent : std::nullopt;
        }
        for (unsigned c = 0; c < need.size(); ++c) {
            wxVariant v;
            model_->GetValue(v, item, ctrl_->GetColumn(c)->GetModelColumn());
            wxString text;
            if (v.GetType() == "wxDataViewIconText") {
                wxDataViewIconText it;
                it << v;
                text = it.GetText();
            } else {
                text = v.GetString();
            }
            int w = dc.GetTextExtent(text).x + pad;
            // The name: the expander and one indent per level, and the colour swatch.
            if (c == 0) w += (depth + 1) * FromDIP(24) + FromDIP(20);
            need[c] = std::max(need[c], w);
        }
    }
    return need;
}

void CodePanel::fit_columns() {
    if (ctrl_->GetColumnCount() == 0) return;
    const auto need = needed_widths();
    int others = 0;
    for (std::size_t c = 1; c < need.size(); ++c) others += need[c];
    // Room for a vertical scroll bar, whether or not it shows now.
    const int room = ctrl_->GetClientSize().x - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, ctrl_) - FromDIP(2);
    // The names come first: when the pane cannot hold every column, the names keep up to
    // 200 DIPs (cut with an ellipsis beyond) and the tags scroll into view sideways.
    const int name = std::max(std::min(need[0], FromDIP(200)), room - others);
    ctrl_->GetColumn(0)->SetWidth(name);
    for (std::size_t c = 1; c < need.size(); ++c) ctrl_->GetColumn(static_cast<unsigned>(c))->SetWidth(need[c]);
}

std::string CodePanel::tooltip(core::CodeId code) const {
    const auto& tree = model_->tree();
    const auto* c = tree.find(code);
    if (!c || ctrl_->GetColumnCount() == 0) return {};
    const auto need = needed_width(code);
    return need > ctrl_->GetColumn(0)->GetWidth() ? tree.path(code) : std::string();
}

int CodePanel::needed_width(core::CodeId code) const {
    const auto& tree = model_->tree();
    int depth = 0;
    for (auto p = tree.find(code) ? tree.find(code)->parent : std::nullopt; p; ++depth) {
        const auto* up = tree.find(*p);
        p = up ? up->parent : std::nullopt;
    }
    wxClientDC dc(ctrl_);
    dc.SetFont(ctrl_->GetFont());
    const auto* c = tree.find(code);
    // The expander and one indent per level, the colour swatch and the cell padding.
    return dc.GetTextExtent(to_wx(c ? c->name : std::string())).x + FromDIP(12) + (depth + 1) * FromDIP(24) + FromDIP(20);
}

void CodePanel::expand_all() {
    for (const auto& code : model_->tree().codes()) {
        if (!model_->tree().children(code.id).empty()) ctrl_->Expand(CodeTreeModel::item_of(code.id));
    }
}

void CodePanel::select(std::optional<core::CodeId> id) {
    if (selecting_) return;
    selecting_ = true;
    if (id && model_->tree().find(*id)) {
        const auto item = CodeTreeModel::item_of(*id);
        if (ctrl_->GetSelection() != item) {
            ctrl_->Select(item);
            ctrl_->EnsureVisible(item);
        }
    } else if (!id) {
        ctrl_->UnselectAll();
    }
    selecting_ = false;
}

void CodePanel::on_selection(wxDataViewEvent&) {
    if (selecting_) return;
    const auto item = ctrl_->GetSelection();
    selecting_ = true;
    wb_.select_code(item.IsOk() ? std::optional(CodeTreeModel::code_of(item)) : std::nullopt);
    selecting_ = false;
}

void CodePanel::on_context_menu(wxDataViewEvent&) { show_context_menu(); }

void CodePanel::show_context_menu() {
    const auto menu = context_menu();
    PopupMenu(menu.get());
}

std::unique_ptr<wxMenu> CodePanel::context_menu() {
    // The menu bar's items (label, accelerator, enabled state: menu_items.h); the frame
    // handles these ids, as menu events from a popup propagate up to it.
    auto menu = std::make_unique<wxMenu>();
    for (const int id : {kIdCodeSelection, kIdCodedSegments, kIdNewCode, kIdNewChildCode}) append_menu_item(*menu, id);
    menu->AppendSeparator();
    for (const int id : {kIdRenameCode, kIdMergeCode, kIdMoveCodeTop, kIdDeleteCode}) append_menu_item(*menu, id);
    update_menu(*menu, *this);
    return menu;
}

void CodePanel::on_begin_drag(wxDataViewEvent& event) {
    const auto item = event.GetItem();
    if (!item.IsOk()) { event.Veto(); return; }
    dragging_ = CodeTreeModel::code_of(item);
    event.SetDataObject(new CodeDataObject(dragging_));
    event.SetDragFlags(wxDrag_AllowMove);
}

void CodePanel::on_drop_possible(wxDataViewEvent& event) {
    if (!dragging_) { event.Veto(); return; }
    event.SetDropEffect(wxDragMove);
}

void CodePanel::on_drop(wxDataViewEvent& event) {
    if (!dragging_) { event.Veto(); return; }
    const auto source = *dragging_;
    dragging_.reset();
    std::optional<core::CodeId> target;
    if (event.GetItem().IsOk()) target = CodeTreeModel::code_of(event.GetItem());
    const bool merge = wxGetMouseState().ControlDown();
    // Change the model after the native drag has finished with its rows.
    CallAfter([this, source, target, merge] { drop(source, target, merge); });
}

bool CodePanel::drop(core::CodeId source, std::optional<core::CodeId> target, bool merge) {
    if (target == source) return false;
    const auto& tree = model_->tree();
    if (!tree.find(source) || (target && !tree.find(*target))) return false;
    if (merge) {
        if (!target) return false;
        return wb_.run(core::MergeCodes(tree.path(source), tree.path(*target)));
    }
    return wb_.run(core::MoveCode(tree.path(source), target ? std::optional(tree.path(*target)) : std::nullopt));
}

}  // namespace comb::gui
