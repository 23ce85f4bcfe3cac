// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// JSON and table output shared by subcommands. JSON goes to stdout as one document.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/session.h"

namespace comb::cli {

using nlohmann::json;

void print_json(const json& j);
// A plain text table with a header row; columns padded to their widest cell (in code points).
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

json tags_json(const core::TagSet& tags);
json coding_json(Session& s, const core::Coding& c, const core::CodeTree& tree, const std::string& text);

}  // namespace comb::cli
