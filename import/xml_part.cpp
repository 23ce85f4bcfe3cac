// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/xml_part.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/error.h"
#include "import/text_encoding.h"

namespace comb::importers {
namespace {

// Position of a DOCTYPE/ENTITY declaration in any of the encodings an XML part may use.
std::size_t find_declaration(const std::string& xml) {
    std::size_t found = std::string::npos;
    for (std::string_view word : {"<!DOCTYPE", "<!ENTITY"}) {
        found = std::min(found, xml.find(word));
        // The same in UTF-16: each ASCII character followed (LE) or preceded (BE) by a NUL.
        std::string le, be;
        for (char c : word) {
            le += c, le += '\0';
            be += '\0', be += c;
        }
        found = std::min({found, xml.find(le), xml.find(be)});
    }
    return found;
}

}  // namespace

pugi::xml_document parse_xml_part(const std::string& xml, const std::string& path, const std::string& part) {
    const std::string where = path + "/" + part;
    if (const std::size_t at = find_declaration(xml); at != std::string::npos) {
        throw core::InputError(position_at(where, xml, at), "XML with a DOCTYPE or ENTITY declaration is refused");
    }
    pugi::xml_document doc;
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), options);
    if (!result) {
        throw core::InputError(position_at(where, xml, static_cast<std::size_t>(result.offset)),
                               std::string("malformed XML (") + result.description() + ")");
    }
    return doc;
}

std::string all_text(const pugi::xml_node& node) {
    std::string out;
    struct Collect : pugi::xml_tree_walker {
        std::string* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) *out += n.value();
            return true;
        }
    } walker;
    walker.out = &out;
    pugi::xml_node copy = node;
    if (copy) copy.traverse(walker);
    return out;
}

}  // namespace comb::importers
