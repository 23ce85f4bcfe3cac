// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RecodeCodings: moves codings to another code, keeping each coding's id, span, coder, time,
// tag override, pin and memo (the coded segments view's "Recode..."). One undo step.
#include <string>
#include <vector>

#include "core/command.h"

namespace comb::core {

class RecodeCodings : public Command {
public:
    RecodeCodings(std::vector<CodingId> ids, std::string code_path) : ids_(std::move(ids)), path_(std::move(code_path)) {}
    std::string label() const override;
    // Throws InputError for an unknown coding or code, or a code that is not codable.
    // A coding already of that code is left as it is.
    ChangeSet plan(Repository& repo) const override;

private:
    std::vector<CodingId> ids_;
    std::string path_;
};

}  // namespace comb::core
