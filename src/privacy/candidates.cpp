// SPDX-License-Identifier: GPL-3.0-or-later
#include "candidates.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <unicode/uchar.h>

#include "core/utf8.h"
#include "privacy/key_matcher.h"

namespace comb::privacy {
namespace {

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) core::utf8::append(out, c);
    return out;
}

// Labels such as "P3", "INT", "R" are already pseudonyms or roles.
bool looks_like_label(const std::string& s) {
    static const std::regex code(R"(^[A-Za-z]{0,3}[0-9]+$|^(I|R|Q|A|INT|IV|RES|Interviewer|Participant|Respondent|Moderator|Facilitator)( ?[0-9A-Z]+)?$)");
    return std::regex_match(s, code);
}

char32_t lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

// Capitalised words in `text` that do not open a sentence, a turn or a quotation; every word
// seen in lower case goes to `lower_words` (a name is hardly ever written so: "well", "and").
std::set<std::string> capitalised_words(std::string_view text, std::set<std::string>& lower_words) {
    const auto v = core::utf8::decode(text);
    std::set<std::string> out;
    bool sentence_start = true;
    for (std::size_t i = 0; i < v.size();) {
        if (!is_word_char(v[i])) {
            const char32_t c = v[i];
            if (c == U'.' || c == U'!' || c == U'?' || c == U'\n' || c == U':' || c == U'"' || c == U'\u201C' ||
                c == U'\u2014' || c == U'\u2013' || c == U'(' || c == U'\u2026') {
                sentence_start = true;
            }
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < v.size() && is_word_char(v[j])) ++j;
        std::u32string word(v.begin() + static_cast<std::ptrdiff_t>(i), v.begin() + static_cast<std::ptrdiff_t>(j));
        if (!sentence_start && word.size() > 1 && u_isupper(static_cast<UChar32>(word[0])) &&
            !u_isupper(static_cast<UChar32>(word[1]))) {
            out.insert(encode(word));
        }
        if (!u_isupper(static_cast<UChar32>(word[0]))) lower_words.insert(encode(word));
        sentence_start = false;
        i = j;
    }
    return out;
}

std::string lowered(const std::string& s) {
    std::u32string out;
    for (char32_t c : core::utf8::decode(s)) out += lower(c);
    return encode(out);
}

std::string category_of_attribute(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* w : {"org", "employer", "trust", "company", "team", "service"}) if (name.find(w) != std::string::npos) return "ORG";
    for (const char* w : {"place", "site", "location", "city", "town", "region", "area"}) if (name.find(w) != std::string::npos) return "PLACE";
    for (const char* w : {"name", "person"}) if (name.find(w) != std::string::npos) return "PERSON";
    return "";
}

}  // namespace

std::vector<Candidate> suggest_candidates(const core::Repository& repo, int min_documents) {
    std::vector<Candidate> out;
    std::set<std::string> taken;
    auto add = [&](const std::string& text, const std::string& category, const std::string& reason) {
        if (text.empty() || looks_like_label(text) || !taken.insert(text).second) return;
        out.push_back({text, category, reason, 0});
    };
    const auto docs = repo.documents();
    for (const auto& d : docs) {
        for (const auto& t : d.turns) if (!t.is_interviewer) add(t.speaker, "PERSON", "speaker label");
    }
    for (const auto& c : repo.cases()) add(c.name, "PERSON", "case name");
    std::map<std::int64_t, core::Attribute> attributes;
    for (const auto& a : repo.attributes()) attributes[a.id.value] = a;
    for (const auto& v : repo.attribute_values()) {
        const auto& a = attributes[v.attribute_id.value];
        if (a.type == core::AttributeType::number || a.type == core::AttributeType::date) continue;
        // Organisations, places and names; roles and groups ("trainer") rarely identify.
        const auto category = category_of_attribute(a.name);
        if (!category.empty()) add(v.value, category, "attribute " + a.name);
    }
    std::map<std::string, int> in_documents;
    std::set<std::string> lower_words;
    for (const auto& d : docs) {
        for (const auto& w : capitalised_words(repo.text(d.text_id), lower_words)) ++in_documents[w];
    }
    std::vector<std::pair<std::string, int>> words(in_documents.begin(), in_documents.end());
    std::stable_sort(words.begin(), words.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (const auto& [w, n] : words) {
        if (n < min_documents || taken.count(w) || lower_words.count(lowered(w))) continue;
        add(w, "", "in " + std::to_string(n) + " documents");
    }
    std::vector<std::string> texts;
    for (const auto& d : docs) texts.push_back(repo.text(d.text_id));
    for (auto& c : out) {
        const KeyMatcher m({{{c.text, "\x01", ""}}});
        c.documents = static_cast<int>(std::count_if(texts.begin(), texts.end(), [&](const std::string& t) {
            return !m.matches(t).empty();
        }));
    }
    return out;
}

}  // namespace comb::privacy
