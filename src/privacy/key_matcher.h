// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds a key's originals in text: whole words (a letter, digit or mark never touches a match
// on either side, in any script), case-aware (the original as written, in CAPITALS, and with a
// capital first letter at a sentence start; never all lower case for a name written with
// capitals, so the key "Rose" leaves "a rose" alone). A possessive or any punctuation after a
// name ends the word: "Jessica's" becomes "Participant A's". Longer originals win over shorter
// ones ("Jessica Smith" before "Jessica"). The pseudonym takes the case form of the match.
#include <memory>
#include <unordered_map>

#include "core/pseudonyms.h"
#include "privacy/key_file.h"

namespace comb::privacy {

// Letters, digits and marks in every script, and '_': what a word is made of.
bool is_word_char(char32_t c);

// One place an original was found.
struct Match {
    core::Span span;          // code points of the text searched
    std::size_t entry = 0;    // index into the key
    char form = 'k';          // k as in the key, U capitals, C capital first letter
    std::string found;        // the text matched
    std::string replacement;  // the pseudonym in the same case form
};

class KeyMatcher final : public core::NameMatcher {
public:
    // Throws InputError as check_key does.
    explicit KeyMatcher(PseudonymKey key);
    const PseudonymKey& key() const { return key_; }

    std::vector<Match> matches(std::string_view text) const;
    std::vector<core::TextEdit> edits(std::string_view text, bool masked) const override;
    std::string unmask(std::string_view text) const override;

private:
    struct Pattern {
        std::u32string text;
        std::size_t entry;
        char form;
    };
    std::string in_form(const std::string& s, char form) const;

    PseudonymKey key_;
    std::vector<Pattern> patterns_;  // longest first
    std::unordered_map<char32_t, std::vector<std::size_t>> by_first_;
    std::unordered_map<std::string, std::size_t> by_pseudonym_;
};

}  // namespace comb::privacy
