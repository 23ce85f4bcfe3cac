// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Context menus (code tree, transcript) take their items from the menu bar's table
// (MainFrame::menu_table, main_frame_menus.cpp): the same label, accelerator text and help,
// and the same enabled state, which the frame's update handlers give. The item's id is the
// frame's command, so choosing it runs the frame's handler (menu events go up to the frame).
#include <string>

#include <wx/menu.h>
#include <wx/window.h>

namespace comb::gui {

// Appends the menu bar's item `id`; nothing when the table has no such item.
void append_menu_item(wxMenu& menu, int id);
// The table's label of `id` ("&Rename code"), empty when there is none.
std::string menu_label(int id);
// Enables or disables `menu`'s table items as the menu bar's would be now: an update-UI event
// per item sent from `from`, which goes up to the frame's handler.
void update_menu(wxMenu& menu, wxWindow& from);

}  // namespace comb::gui
