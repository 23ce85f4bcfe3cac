// SPDX-License-Identifier: GPL-3.0-or-later
// Context menus take their items from the menu bar's table (menu_items.h).
#include "gui/main_frame.h"
#include "gui/menu_items.h"

namespace comb::gui {
namespace {

const MainFrame::MenuEntry* find_entry(int id) {
    for (const auto& e : MainFrame::menu_table()) {
        if (e.id == id && *e.label) return &e;
    }
    return nullptr;
}

}  // namespace

void append_menu_item(wxMenu& menu, int id) {
    const auto* e = find_entry(id);
    if (!e) return;
    wxString label = e->label;
    if (*e->shortcut) label << "\t" << e->shortcut;
    menu.Append(id, label, e->help);
}

std::string menu_label(int id) {
    const auto* e = find_entry(id);
    return e ? std::string(e->label) : std::string();
}

void update_menu(wxMenu& menu, wxWindow& from) {
    for (auto* item : menu.GetMenuItems()) {
        if (item->IsSeparator() || item->IsSubMenu() || !find_entry(item->GetId())) continue;
        wxUpdateUIEvent event(item->GetId());
        event.SetEventObject(&from);
        if (from.GetEventHandler()->ProcessEvent(event) && event.GetSetEnabled()) item->Enable(event.GetEnabled());
    }
}

}  // namespace comb::gui
