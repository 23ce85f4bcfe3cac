// SPDX-License-Identifier: GPL-3.0-or-later
#include "key_matcher.h"

#include <algorithm>
#include <set>
#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/error.h"
#include "core/utf8.h"

namespace comb::privacy {
namespace {

std::u32string decode(std::string_view s) {
    const auto v = core::utf8::decode(s);
    return {v.begin(), v.end()};
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) core::utf8::append(out, c);
    return out;
}

std::string upper(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale::getRoot()).toUTF8String(out);
    return out;
}

// The first letter in capitals (title case), the rest as written.
std::string capitalised(const std::string& s) {
    auto cps = decode(s);
    if (cps.empty()) return s;
    cps[0] = static_cast<char32_t>(u_totitle(static_cast<UChar32>(cps[0])));
    return encode(cps);
}

}  // namespace

bool is_word_char(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    return c == U'_' || u_hasBinaryProperty(cp, UCHAR_ALPHABETIC) || u_isdigit(cp) ||
           (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
}

KeyMatcher::KeyMatcher(PseudonymKey key) : key_(std::move(key)) {
    check_key(key_, "the key");
    for (std::size_t i = 0; i < key_.entries.size(); ++i) {
        const auto& o = key_.entries[i].original;
        by_pseudonym_[key_.entries[i].pseudonym] = i;
        std::set<std::string> seen;
        for (const char form : {'k', 'U', 'C'}) {
            const std::string t = form == 'k' ? o : form == 'U' ? upper(o) : capitalised(o);
            if (seen.insert(t).second) patterns_.push_back({decode(t), i, form});
        }
    }
    std::stable_sort(patterns_.begin(), patterns_.end(),
                     [](const Pattern& a, const Pattern& b) { return a.text.size() > b.text.size(); });
    for (std::size_t p = 0; p < patterns_.size(); ++p) by_first_[patterns_[p].text.front()].push_back(p);
}

std::string KeyMatcher::in_form(const std::string& s, char form) const {
    return form == 'U' ? upper(s) : form == 'C' ? capitalised(s) : s;
}

std::vector<Match> KeyMatcher::matches(std::string_view text) const {
    std::vector<Match> out;
    const auto t = decode(text);
    for (std::size_t i = 0; i < t.size();) {
        const auto it = by_first_.find(t[i]);
        const bool starts_word = i == 0 || !is_word_char(t[i - 1]);
        const Pattern* hit = nullptr;
        if (it != by_first_.end() && starts_word) {
            for (const auto p : it->second) {
                const auto& pat = patterns_[p].text;
                if (t.compare(i, pat.size(), pat) != 0) continue;
                if (i + pat.size() < t.size() && is_word_char(t[i + pat.size()])) continue;
                hit = &patterns_[p];
                break;  // longest first
            }
        }
        if (!hit) { ++i; continue; }
        const auto& e = key_.entries[hit->entry];
        const auto start = static_cast<std::int64_t>(i);
        const auto end = static_cast<std::int64_t>(i + hit->text.size());
        out.push_back({{core::CodePoint(start), core::CodePoint(end)}, hit->entry, hit->form, encode(hit->text),
                       in_form(e.pseudonym, hit->form)});
        i += hit->text.size();
    }
    return out;
}

std::vector<core::TextEdit> KeyMatcher::edits(std::string_view text, bool masked) const {
    std::vector<core::TextEdit> out;
    for (const auto& m : matches(text)) {
        std::string with;
        if (masked) {
            core::utf8::append(with, core::kMaskOpen);
            with += m.form;
            with += key_.entries[m.entry].pseudonym;
            core::utf8::append(with, core::kMaskClose);
        } else {
            with = m.replacement;
        }
        out.push_back({m.span, std::move(with)});
    }
    return out;
}

std::string KeyMatcher::unmask(std::string_view text) const {
    std::string open, close;
    core::utf8::append(open, core::kMaskOpen);
    core::utf8::append(close, core::kMaskClose);
    std::string out;
    std::size_t at = 0;
    for (auto o = text.find(open); o != std::string_view::npos; o = text.find(open, at)) {
        const auto c = text.find(close, o);
        if (c == std::string_view::npos || c < o + open.size() + 1) break;
        const char form = text[o + open.size()];
        const std::string pseudonym(text.substr(o + open.size() + 1, c - o - open.size() - 1));
        const auto e = by_pseudonym_.find(pseudonym);
        if (e == by_pseudonym_.end()) {
            throw core::InputError({"<key>"}, "the key has no original for the pseudonym \"" + pseudonym +
                                                 "\"; give the key used to pseudonymise");
        }
        out.append(text.substr(at, o - at));
        out += in_form(key_.entries[e->second].original, form);
        at = c + close.size();
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace comb::privacy
