// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one place where Comb's UTF-8 text meets wx: std::string <-> wxString, and code points
// <-> wxStyledTextCtrl positions. The transcript control holds a UTF-8 document, so its
// positions are byte offsets; Comb counts code points, so every conversion goes through here.
#include <memory>
#include <string>
#include <string_view>

#include <wx/string.h>

#include "core/ids.h"
#include "core/utf8.h"

namespace comb::gui {

wxString to_wx(std::string_view utf8);
std::string from_wx(const wxString& s);

// The text shown in a transcript control and its offset map. Not copyable: the map views
// the text it owns.
class TextPositions {
public:
    explicit TextPositions(std::string text);
    TextPositions(const TextPositions&) = delete;
    TextPositions& operator=(const TextPositions&) = delete;

    const std::string& text() const { return text_; }
    std::int64_t length() const { return map_->length(); }
    // Control position (byte offset) of a code point; clamps past the end to the end.
    int to_position(core::CodePoint cp) const;
    // Code point at a control position; a position inside a multi-byte sequence rounds down.
    core::CodePoint to_code_point(int position) const;

private:
    std::string text_;
    std::unique_ptr<core::utf8::OffsetMap> map_;
};

}  // namespace comb::gui
