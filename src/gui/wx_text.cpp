// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/wx_text.h"

#include <algorithm>

namespace comb::gui {

wxString to_wx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

std::string from_wx(const wxString& s) {
    const auto buf = s.utf8_str();
    return std::string(buf.data(), buf.length());
}

TextPositions::TextPositions(std::string text)
    : text_(std::move(text)), map_(std::make_unique<core::utf8::OffsetMap>(text_)) {}

int TextPositions::to_position(core::CodePoint cp) const {
    const auto clamped = core::CodePoint(std::clamp<std::int64_t>(cp.value, 0, map_->length()));
    return static_cast<int>(map_->byte_offset(clamped));
}

core::CodePoint TextPositions::to_code_point(int position) const {
    auto byte = static_cast<std::size_t>(std::clamp<int>(position, 0, static_cast<int>(text_.size())));
    // Continuation bytes look like 10xxxxxx; step back to the start of the sequence.
    while (byte > 0 && byte < text_.size() && (static_cast<unsigned char>(text_[byte]) & 0xC0) == 0x80) --byte;
    return map_->code_point(byte);
}

}  // namespace comb::gui
