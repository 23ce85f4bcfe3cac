// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/comb_markers.h"

#include <cctype>
#include <stdexcept>

#include "import/sha256.h"

namespace comb::refi {
namespace {

constexpr std::string_view kTagsPrefix = "Comb tags:";
constexpr std::string_view kDeductiveLine = "Comb code: deductive";
constexpr std::string_view kSections[] = {"Inclusion: ", "Exclusion: ", "Example: "};

// Splits off the last line of `s` (after trimming its end).
std::pair<std::string, std::string> split_last_line(std::string_view s) {
    const std::string t = trim(s);
    const auto nl = t.rfind('\n');
    if (nl == std::string::npos) return {"", t};
    return {t.substr(0, nl), t.substr(nl + 1)};
}

// Takes the part after the last "\n\n<label>" (or a leading "<label>") off `text`.
std::string take_section(std::string& text, std::string_view label) {
    const std::string marker = "\n\n" + std::string(label);
    const auto at = text.rfind(marker);
    if (at != std::string::npos) {
        std::string out = text.substr(at + marker.size());
        text.resize(at);
        return out;
    }
    if (text.rfind(label, 0) == 0) {
        std::string out = text.substr(label.size());
        text.clear();
        return out;
    }
    return {};
}

}  // namespace

std::string trim(std::string_view s) {
    const auto ws = " \t\r\n";
    const auto first = s.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(ws);
    return std::string(s.substr(first, last - first + 1));
}

std::string stable_guid(std::string_view key) {
    std::string hex = importers::sha256_hex(key).substr(0, 32);
    hex[12] = '5';                                            // version 5 (name-based)
    hex[16] = "89ab"[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];  // RFC 4122 variant
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

std::optional<std::string> normalise_guid(std::string_view s) {
    std::string g = trim(s);
    if (g.size() == 38 && g.front() == '{' && g.back() == '}') g = g.substr(1, 36);
    if (g.size() != 36) return std::nullopt;
    for (std::size_t i = 0; i < g.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? g[i] != '-' : !std::isxdigit(static_cast<unsigned char>(g[i]))) return std::nullopt;
        g[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(g[i])));
    }
    return g;
}

std::string code_description(const core::Code& code) {
    std::vector<std::string> parts;
    if (!code.definition.empty()) parts.push_back(code.definition);
    if (!code.inclusion.empty()) parts.push_back(std::string(kSections[0]) + code.inclusion);
    if (!code.exclusion.empty()) parts.push_back(std::string(kSections[1]) + code.exclusion);
    if (!code.example.empty()) parts.push_back(std::string(kSections[2]) + code.example);
    std::string tail;
    if (!code.inductive) tail = kDeductiveLine;
    if (!code.tags.empty()) {
        if (!tail.empty()) tail += "\n";
        tail += std::string(kTagsPrefix) + " " + code.tags.to_string();
    }
    if (!tail.empty()) parts.push_back(tail);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::optional<std::string> parse_code_description(std::string_view description, RefiCode& code) {
    std::optional<std::string> warning;
    std::string text = trim(description);
    auto [rest, last] = split_last_line(text);
    if (last.rfind(kTagsPrefix, 0) == 0) {
        try {
            code.tags = core::TagSet::parse(trim(last.substr(kTagsPrefix.size())));
            code.tags.normalise();
            text = trim(rest);
        } catch (const std::invalid_argument& e) {
            warning = "code \"" + code.name + "\": Comb tags line not understood (" + e.what() + "); kept as text";
        }
    }
    std::tie(rest, last) = split_last_line(text);
    if (last == kDeductiveLine) {
        code.inductive = false;
        text = trim(rest);
    }
    code.example = take_section(text, kSections[2]);
    code.exclusion = take_section(text, kSections[1]);
    code.inclusion = take_section(text, kSections[0]);
    code.definition = text;
    return warning;
}

Marked split_marker(std::string_view description, std::string_view prefix) {
    Marked out;
    const auto [rest, last] = split_last_line(description);
    const std::string p = std::string(prefix) + ": ";
    if (last.rfind(p, 0) == 0) {
        out.json = last.substr(p.size());
        out.text = trim(rest);
    } else {
        out.text = trim(description);
    }
    return out;
}

std::string join_marker(std::string_view text, std::string_view prefix, const std::string& json) {
    std::string out(text);
    if (!out.empty()) out += "\n\n";
    return out + std::string(prefix) + ": " + json;
}

}  // namespace comb::refi
