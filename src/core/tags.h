// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Framework tags: COM-B sub-components, TDF domains, level (+ actor) and valence.
// They are independent dimensions of a code (not positions in the code tree), and a
// single coding may override its code's tags. Spelled exactly as the CLI and JSON spell them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace comb::core {

enum class ComB { C_Ph, C_Ps, O_Ph, O_So, M_Re, M_Au };
enum class Level { macro, organisational, individual };
enum class Valence { barrier, facilitator, mixed, neutral };

inline constexpr ComB kAllComB[] = {ComB::C_Ph, ComB::C_Ps, ComB::O_Ph,
                                    ComB::O_So, ComB::M_Re, ComB::M_Au};
inline constexpr Level kAllLevels[] = {Level::macro, Level::organisational, Level::individual};
inline constexpr Valence kAllValences[] = {Valence::barrier, Valence::facilitator,
                                           Valence::mixed, Valence::neutral};

std::string_view to_string(ComB c);      // "C.Ph"
std::string_view label(ComB c);          // "Physical capability"
std::string_view to_string(Level l);     // "organisational"
std::string_view to_string(Valence v);   // "barrier"
// Parsers return nullopt for unknown words; callers turn that into an InputError.
std::optional<ComB> parse_comb(std::string_view s);
std::optional<Level> parse_level(std::string_view s);
std::optional<Valence> parse_valence(std::string_view s);

// The 14 TDF v2 domains in their canonical order and spelling, with their COM-B links.
struct TdfDomain {
    std::string_view name;
    std::vector<ComB> comb;
};
const std::vector<TdfDomain>& tdf_domains();
// Accepts the canonical name case-insensitively, or its short id ("KNOW", "TDF.KNOW").
std::optional<std::string> parse_tdf(std::string_view s);

struct LevelTag {
    Level level = Level::macro;
    std::string actor;  // empty: none; e.g. "trainer", "agent"
    // "individual:trainer" or "macro"
    std::string to_string() const;
    friend bool operator==(const LevelTag&, const LevelTag&) = default;
};
std::optional<LevelTag> parse_level_tag(std::string_view s);

struct TagSet {
    std::vector<ComB> comb;          // sorted, unique
    std::vector<std::string> tdf;    // canonical names, sorted by framework order
    std::optional<LevelTag> level;
    std::optional<Valence> valence;

    bool empty() const { return comb.empty() && tdf.empty() && !level && !valence; }
    // Sorts and de-duplicates comb and tdf (framework order) so equal sets compare equal.
    void normalise();
    // Explicit COM-B tags, or those implied by the TDF domains when none are explicit.
    std::vector<ComB> effective_comb() const;
    // "comb=C.Ps,O.Ph; tdf=Knowledge; level=individual:trainer; valence=barrier"
    std::string to_string() const;
    // Inverse of to_string(); throws std::invalid_argument naming the bad part.
    static TagSet parse(std::string_view s);
    friend bool operator==(const TagSet&, const TagSet&) = default;
};

}  // namespace comb::core
