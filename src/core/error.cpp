// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

namespace comb::core {

std::string SourcePos::describe() const {
    std::string out = path.empty() ? std::string("<input>") : path;
    if (line) {
        out += ":" + std::to_string(*line);
        if (column) out += ":" + std::to_string(*column);
    } else if (offset) {
        out += ": byte " + std::to_string(*offset);
    }
    return out;
}

namespace {
// Errors about command-line arguments have no file to name.
std::string with_position(const SourcePos& pos, const std::string& reason) {
    if (pos.path.empty() && !pos.line && !pos.offset) return reason;
    return pos.describe() + ": " + reason;
}
}  // namespace

InputError::InputError(SourcePos pos, const std::string& reason)
    : Error(with_position(pos, reason)), pos_(std::move(pos)), reason_(reason) {}

InputError InputError::argument(const std::string& reason) {
    InputError e(SourcePos{}, reason);
    e.argument_ = true;
    return e;
}

StoreError::StoreError(const std::string& operation, const std::string& detail)
    : Error("project file: " + operation + ": " + detail), operation_(operation) {}

IndexError::IndexError(const std::string& operation, const std::string& detail)
    : Error("index: " + operation + ": " + detail) {}

}  // namespace comb::core
