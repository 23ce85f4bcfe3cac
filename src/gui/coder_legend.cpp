// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/coder_legend.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "gui/wx_text.h"

namespace comb::gui {

CoderLegend::CoderLegend(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("coder legend");
    // Wraps onto further rows when a large team does not fit across the transcript.
    SetSizer(new wxWrapSizer(wxHORIZONTAL));
    Hide();
}

bool CoderLegend::set(std::vector<LegendEntry> entries) {
    if (entries == entries_) return false;
    entries_ = std::move(entries);
    auto* sizer = GetSizer();
    sizer->Clear(true);
    if (!entries_.empty()) {
        sizer->Add(new wxStaticText(this, wxID_ANY, "Coders:"), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    }
    for (const auto& e : entries_) {
        // Swatch and name wrap together.
        auto* item = new wxBoxSizer(wxHORIZONTAL);
        auto* swatch = new wxPanel(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(12, 12)));
        swatch->SetBackgroundColour(wxColour(to_wx(e.colour)));
        swatch->SetName(to_wx(e.colour));
        item->Add(swatch, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(10));
        item->Add(new wxStaticText(this, wxID_ANY, to_wx(e.label)), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
        sizer->Add(item, 0, wxALIGN_CENTER_VERTICAL | wxTOP | wxBOTTOM, FromDIP(1));
    }
    Show(!entries_.empty());
    sizer->Layout();
    return true;
}

}  // namespace comb::gui
