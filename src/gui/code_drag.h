// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Dragging a code: the data format "application/x-comb-code" carrying a code id, used by the
// code tree as drag source (and for moves within itself) and by the transcript as drop target.
// A format of our own, so text from other programs is never mistaken for a code.
#include <optional>

#include <wx/dataobj.h>

#include "core/ids.h"

namespace comb::gui {

const wxDataFormat& code_data_format();

// One code id; empty until set or received.
class CodeDataObject : public wxDataObjectSimple {
public:
    explicit CodeDataObject(std::optional<core::CodeId> code = std::nullopt);
    std::optional<core::CodeId> code() const { return code_; }

    size_t GetDataSize() const override;
    bool GetDataHere(void* buf) const override;
    bool SetData(size_t len, const void* buf) override;

private:
    std::optional<core::CodeId> code_;
};

}  // namespace comb::gui
