// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Menu key and Shift+F10 arrive as a plain context-menu event without a position, while a
// right click on an item already comes as the control's own item event. This binds only the
// keyboard's, so both open the same menu once.
#include <functional>
#include <utility>

#include <wx/event.h>
#include <wx/window.h>

namespace comb::gui {

inline void bind_keyboard_menu(wxWindow& control, std::function<void()> show) {
    control.Bind(wxEVT_CONTEXT_MENU, [show = std::move(show)](wxContextMenuEvent& e) {
        if (e.GetPosition() != wxDefaultPosition) {
            e.Skip();
            return;
        }
        show();
    });
}

}  // namespace comb::gui
