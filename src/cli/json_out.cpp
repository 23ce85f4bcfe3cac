// SPDX-License-Identifier: GPL-3.0-or-later
#include "json_out.h"

#include <algorithm>
#include <iostream>

#include "core/utf8.h"

namespace comb::cli {

void print_json(const json& j) {
    std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::int64_t> width(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
            width[i] = std::max(width[i], core::utf8::length(row[i]));
        }
    };
    measure(header);
    for (const auto& r : rows) measure(r);
    auto print = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(static_cast<std::size_t>(width[i] - core::utf8::length(row[i]) + 2), ' ');
        }
        std::cout << line << "\n";
    };
    print(header);
    for (const auto& r : rows) print(r);
}

json tags_json(const core::TagSet& tags) {
    json comb = json::array();
    for (auto c : tags.comb) comb.push_back(std::string(core::to_string(c)));
    json effective = json::array();
    for (auto c : tags.effective_comb()) effective.push_back(std::string(core::to_string(c)));
    return {{"comb", comb},
            {"comb_effective", effective},
            {"tdf", tags.tdf},
            {"level", tags.level ? json(tags.level->to_string()) : json(nullptr)},
            {"valence", tags.valence ? json(std::string(core::to_string(*tags.valence))) : json(nullptr)}};
}

json coding_json(Session& s, const core::Coding& c, const core::CodeTree& tree, const std::string& text) {
    const auto doc = s.repo().find_document(c.document);
    const auto case_name = doc ? s.case_name(doc->case_id) : std::nullopt;
    json j = {{"id", c.id.value},
              {"doc", c.document.value},
              {"start", c.span.start.value},
              {"end", c.span.end.value},
              {"code", tree.path(c.code)},
              {"text", std::string(core::utf8::slice(text, c.span))},
              {"case", case_name ? json(*case_name) : json(nullptr)},
              {"coder", c.coder},
              {"pinned", c.pinned}};
    if (c.tag_override) j["tags"] = tags_json(*c.tag_override);
    return j;
}

}  // namespace comb::cli
