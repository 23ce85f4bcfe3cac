// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/code_drag.h"

#include <charconv>
#include <cstring>
#include <string>

namespace comb::gui {

const wxDataFormat& code_data_format() {
    static const wxDataFormat format("application/x-comb-code");
    return format;
}

CodeDataObject::CodeDataObject(std::optional<core::CodeId> code)
    : wxDataObjectSimple(code_data_format()), code_(code) {}

// The id travels as decimal text: readable when debugging a drag, and no byte-order trap.
size_t CodeDataObject::GetDataSize() const {
    return code_ ? std::to_string(code_->value).size() : 0;
}

bool CodeDataObject::GetDataHere(void* buf) const {
    if (!code_) return false;
    const auto text = std::to_string(code_->value);
    std::memcpy(buf, text.data(), text.size());
    return true;
}

bool CodeDataObject::SetData(size_t len, const void* buf) {
    const char* first = static_cast<const char*>(buf);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(first, first + len, value);
    if (error != std::errc() || end == first || value <= 0) {
        code_.reset();
        return false;
    }
    code_ = core::CodeId(value);
    return true;
}

}  // namespace comb::gui
