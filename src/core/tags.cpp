// SPDX-License-Identifier: GPL-3.0-or-later
#include "tags.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace comb::core {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= s.size()) {
        const auto e = s.find(sep, b);
        const auto part = trim(s.substr(b, e == std::string_view::npos ? s.npos : e - b));
        if (!part.empty()) out.push_back(part);
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

struct TdfShort {
    std::string_view id;
    std::size_t index;
};
constexpr TdfShort kTdfIds[] = {{"KNOW", 0}, {"SKIL", 1}, {"ROLE", 2}, {"BCAP", 3}, {"OPTI", 4},
                                {"BCON", 5}, {"REIN", 6}, {"INTE", 7}, {"GOAL", 8}, {"MADP", 9},
                                {"ENVR", 10}, {"SOCI", 11}, {"EMOT", 12}, {"BREG", 13}};

}  // namespace

std::string_view to_string(ComB c) {
    switch (c) {
        case ComB::C_Ph: return "C.Ph";
        case ComB::C_Ps: return "C.Ps";
        case ComB::O_Ph: return "O.Ph";
        case ComB::O_So: return "O.So";
        case ComB::M_Re: return "M.Re";
        case ComB::M_Au: return "M.Au";
    }
    return "?";
}

std::string_view label(ComB c) {
    switch (c) {
        case ComB::C_Ph: return "Physical capability";
        case ComB::C_Ps: return "Psychological capability";
        case ComB::O_Ph: return "Physical opportunity";
        case ComB::O_So: return "Social opportunity";
        case ComB::M_Re: return "Reflective motivation";
        case ComB::M_Au: return "Automatic motivation";
    }
    return "?";
}

std::string_view to_string(Level l) {
    switch (l) {
        case Level::macro: return "macro";
        case Level::organisational: return "organisational";
        case Level::individual: return "individual";
    }
    return "?";
}

std::string_view to_string(Valence v) {
    switch (v) {
        case Valence::barrier: return "barrier";
        case Valence::facilitator: return "facilitator";
        case Valence::mixed: return "mixed";
        case Valence::neutral: return "neutral";
    }
    return "?";
}

std::optional<ComB> parse_comb(std::string_view s) {
    const std::string l = lower(trim(s));
    for (ComB c : kAllComB) {
        if (lower(to_string(c)) == l || lower(label(c)) == l) return c;
    }
    return std::nullopt;
}

std::optional<Level> parse_level(std::string_view s) {
    const std::string l = lower(trim(s));
    if (l == "organizational" || l == "meso") return Level::organisational;
    if (l == "micro") return Level::individual;
    for (Level v : kAllLevels) if (to_string(v) == l) return v;
    return std::nullopt;
}

std::optional<Valence> parse_valence(std::string_view s) {
    const std::string l = lower(trim(s));
    if (l == "both") return Valence::mixed;
    for (Valence v : kAllValences) if (to_string(v) == l) return v;
    return std::nullopt;
}

const std::vector<TdfDomain>& tdf_domains() {
    static const std::vector<TdfDomain> domains = {
        {"Knowledge", {ComB::C_Ps}},
        {"Skills", {ComB::C_Ph, ComB::C_Ps}},
        {"Social/professional role and identity", {ComB::M_Re, ComB::M_Au}},
        {"Beliefs about capabilities", {ComB::M_Re}},
        {"Optimism", {ComB::M_Re, ComB::M_Au}},
        {"Beliefs about consequences", {ComB::M_Re}},
        {"Reinforcement", {ComB::M_Au}},
        {"Intentions", {ComB::M_Re}},
        {"Goals", {ComB::M_Re}},
        {"Memory, attention and decision processes", {ComB::C_Ps}},
        {"Environmental context and resources", {ComB::O_Ph}},
        {"Social influences", {ComB::O_So}},
        {"Emotion", {ComB::M_Au}},
        {"Behavioural regulation", {ComB::C_Ps}},
    };
    return domains;
}

std::optional<std::string> parse_tdf(std::string_view s) {
    std::string l = lower(trim(s));
    if (l.rfind("tdf.", 0) == 0) l = l.substr(4);
    auto normal = [](std::string x) {  // "&" and "and" spell the same domain
        const auto p = x.find(" & ");
        if (p != std::string::npos) x.replace(p, 3, " and ");
        return x;
    };
    l = normal(l);
    for (const auto& d : tdf_domains()) {
        if (normal(lower(d.name)) == l) return std::string(d.name);
    }
    for (const auto& t : kTdfIds) {
        if (lower(t.id) == l) return std::string(tdf_domains()[t.index].name);
    }
    return std::nullopt;
}

std::string LevelTag::to_string() const {
    std::string out(core::to_string(level));
    if (!actor.empty()) out += ":" + actor;
    return out;
}

std::optional<LevelTag> parse_level_tag(std::string_view s) {
    const auto colon = s.find(':');
    const auto level = parse_level(s.substr(0, colon));
    if (!level) return std::nullopt;
    LevelTag tag{*level, {}};
    if (colon != std::string_view::npos) tag.actor = lower(trim(s.substr(colon + 1)));
    return tag;
}

std::vector<ComB> TagSet::effective_comb() const {
    if (!comb.empty()) return comb;
    std::vector<ComB> out;
    for (const auto& name : tdf) {
        for (const auto& d : tdf_domains()) {
            if (d.name == name) out.insert(out.end(), d.comb.begin(), d.comb.end());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void TagSet::normalise() {
    std::sort(comb.begin(), comb.end());
    comb.erase(std::unique(comb.begin(), comb.end()), comb.end());
    auto rank = [](const std::string& name) {
        const auto& all = tdf_domains();
        for (std::size_t i = 0; i < all.size(); ++i) if (all[i].name == name) return i;
        return all.size();
    };
    std::sort(tdf.begin(), tdf.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    tdf.erase(std::unique(tdf.begin(), tdf.end()), tdf.end());
}

std::string TagSet::to_string() const {
    std::vector<std::string> parts;
    if (!comb.empty()) {
        std::string p = "comb=";
        for (std::size_t i = 0; i < comb.size(); ++i) p += (i ? "," : "") + std::string(core::to_string(comb[i]));
        parts.push_back(p);
    }
    if (!tdf.empty()) {
        std::string p = "tdf=";
        for (std::size_t i = 0; i < tdf.size(); ++i) p += (i ? "|" : "") + tdf[i];
        parts.push_back(p);
    }
    if (level) parts.push_back("level=" + level->to_string());
    if (valence) parts.push_back("valence=" + std::string(core::to_string(*valence)));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
    return out;
}

TagSet TagSet::parse(std::string_view s) {
    TagSet t;
    for (const auto& part : split(s, ';')) {
        const auto eq = part.find('=');
        if (eq == std::string::npos) throw std::invalid_argument("tag without '=': " + part);
        const std::string key = lower(trim(part.substr(0, eq)));
        const std::string value = trim(part.substr(eq + 1));
        if (key == "comb") {
            for (const auto& v : split(value, ',')) {
                const auto c = parse_comb(v);
                if (!c) throw std::invalid_argument("unknown COM-B sub-component: " + v);
                t.comb.push_back(*c);
            }
        } else if (key == "tdf") {
            for (const auto& v : split(value, '|')) {
                const auto d = parse_tdf(v);
                if (!d) throw std::invalid_argument("unknown TDF domain: " + v);
                t.tdf.push_back(*d);
            }
        } else if (key == "level") {
            t.level = parse_level_tag(value);
            if (!t.level) throw std::invalid_argument("unknown level: " + value);
        } else if (key == "valence") {
            t.valence = parse_valence(value);
            if (!t.valence) throw std::invalid_argument("unknown valence: " + value);
        } else {
            throw std::invalid_argument("unknown tag kind: " + key);
        }
    }
    t.normalise();
    return t;
}

}  // namespace comb::core
