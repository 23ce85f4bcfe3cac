// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/xml_util.h"

namespace comb::refi {

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view n = node.name();
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::vector<pugi::xml_node> kids(const pugi::xml_node& node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (auto c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
    }
    return out;
}

pugi::xml_node kid(const pugi::xml_node& node, std::string_view name) {
    for (auto c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    }
    return {};
}

std::string kid_text(const pugi::xml_node& node, std::string_view name) {
    const auto k = kid(node, name);
    if (!k) return {};
    std::string out;
    for (auto c = k.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    }
    return out;
}

}  // namespace comb::refi
