// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers over pugixml for REFI-QDA files: elements are matched by local name, so a
// file that binds the REFI namespace to a prefix reads the same as one that uses it as default.
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace comb::refi {

std::string_view local_name(const pugi::xml_node& node);
// Child elements with this local name, in document order.
std::vector<pugi::xml_node> kids(const pugi::xml_node& node, std::string_view name);
// The first child element with this local name (a null node if none).
pugi::xml_node kid(const pugi::xml_node& node, std::string_view name);
// Text content of the first child element `name` ("" if none).
std::string kid_text(const pugi::xml_node& node, std::string_view name);

}  // namespace comb::refi
