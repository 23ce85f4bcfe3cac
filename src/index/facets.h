// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Facets: the boolean terms a passage carries besides its words, so a search can filter by
// code, theme, COM-B, level, valence, case, attribute, speaker and document. Terms are a
// Xapian-style prefix plus a folded value ("XCorganisation/time"); computing them needs no
// Xapian, so this header is plain C++.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/code_paths.h"
#include "core/repository.h"

namespace comb::index {

namespace prefix {
inline constexpr std::string_view kCode = "XC";      // code path, and every ancestor's path
inline constexpr std::string_view kTheme = "XT";     // theme name, and every ancestor theme's
inline constexpr std::string_view kComb = "XB";      // effective COM-B ("c.ps"), and its component ("c")
inline constexpr std::string_view kLevel = "XL";     // "organisational", "individual", "individual:trainer"
inline constexpr std::string_view kValence = "XV";   // "barrier"
inline constexpr std::string_view kCase = "XK";      // case name
inline constexpr std::string_view kAttr = "XA";      // "role=trainer"
inline constexpr std::string_view kSpeaker = "XS";   // speaker label
inline constexpr std::string_view kDocument = "XD";  // document id
}  // namespace prefix

// Lower-cases ASCII letters and trims blanks, so filters match however they are typed.
std::string fold(std::string_view s);
// prefix + fold(value), cut to a length Xapian accepts.
std::string term(std::string_view prefix, std::string_view value);

// The boolean term for a filter value as the CLI and query parser take it. Tag words are
// checked: throws InputError naming the value for an unknown COM-B, level or valence.
std::string comb_term(std::string_view value);     // "C.Ps", or a component "C", "O", "M"
std::string level_term(std::string_view value);    // "organisational", "individual:trainer"
std::string valence_term(std::string_view value);  // "barrier"
std::string attribute_term(std::string_view key, std::string_view value);

// Everything a passage's facets depend on beyond its document, read once from the
// repository. Read-only after construction, so index threads may share one.
class FacetSource {
public:
    explicit FacetSource(const core::Repository& repo);

    // Terms every passage of `doc` carries: document, case, case attributes.
    std::vector<std::string> document_terms(const core::Document& doc) const;
    // Terms a passage overlapping `coding` carries: code paths, themes, COM-B, level, valence.
    std::vector<std::string> coding_terms(const core::Coding& coding) const;
    std::optional<std::string> case_name(std::optional<core::CaseId> id) const;
    std::vector<std::string> attribute_names() const;
    const core::CodeTree& tree() const { return tree_; }

private:
    std::vector<std::string> code_terms(core::CodeId code) const;

    core::CodeTree tree_;
    std::map<core::CodeId, std::vector<std::string>> code_terms_;  // paths and themes per code
    std::map<core::CaseId, std::string> cases_;
    std::map<core::CaseId, std::vector<std::string>> case_attributes_;
    std::vector<std::string> attribute_names_;
};

}  // namespace comb::index
