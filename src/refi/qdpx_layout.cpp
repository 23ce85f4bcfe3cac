// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/qdpx_layout.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace comb::refi {

using json = nlohmann::json;

bool read_document_layout(std::string_view marker_json, RefiDocument& doc) {
    const auto j = json::parse(marker_json, nullptr, false);
    if (!j.is_object()) return false;
    for (const auto& p : j.value("paragraphs", json::array())) {
        doc.paragraphs.push_back({core::CodePoint(p.at(0).get<std::int64_t>()), core::CodePoint(p.at(1).get<std::int64_t>())});
    }
    for (const auto& t : j.value("turns", json::array())) {
        core::Turn turn;
        turn.span = {core::CodePoint(t.at("span").at(0).get<std::int64_t>()), core::CodePoint(t.at("span").at(1).get<std::int64_t>())};
        turn.body = {core::CodePoint(t.at("body").at(0).get<std::int64_t>()), core::CodePoint(t.at("body").at(1).get<std::int64_t>())};
        turn.speaker = t.value("speaker", "");
        turn.is_interviewer = t.value("interviewer", false);
        if (t.contains("start")) turn.time_start = t["start"].get<double>();
        if (t.contains("end")) turn.time_end = t["end"].get<double>();
        doc.turns.push_back(turn);
    }
    const json metadata = j.value("metadata", json::object());
    for (const auto& [k, v] : metadata.items()) {
        if (v.is_string()) doc.metadata[k] = v.get<std::string>();
    }
    return true;
}

std::vector<core::Span> lines_of(const std::string& text) {
    std::vector<core::Span> out;
    std::int64_t start = 0, at = 0;
    for (const char32_t c : core::utf8::decode(text)) {
        if (c == '\n') {
            if (at > start) out.push_back({core::CodePoint(start), core::CodePoint(at)});
            start = at + 1;
        }
        ++at;
    }
    if (at > start) out.push_back({core::CodePoint(start), core::CodePoint(at)});
    return out;
}

}  // namespace comb::refi
