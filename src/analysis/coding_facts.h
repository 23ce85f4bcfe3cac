// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CodingFacts: a project read once into compact vectors for counting in memory. Every coding
// becomes one small row of indices (document, code, effective tag set, case); tag sets are
// interned, so a million codings of a few hundred codes share a few hundred tag sets.
//
// Rules fixed here, used by every matrix and report:
// - Effective tags: a coding's tag_override replaces its code's tags whole; COM-B is
//   TagSet::effective_comb() (explicit COM-B, else the COM-B implied by the TDF domains).
// - Interviewer turns: a coding lying entirely inside an interviewer turn is
//   `interviewer_only`. It still counts as a coded segment, but it never counts a participant
//   (distinct-case counts, n participants) and is never chosen as a participant's quote.
// - Participant: the case of the coding's document (none when the document has no case).
//
// Read-only after construction; owns copies of everything it holds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/code_paths.h"
#include "core/model.h"
#include "core/repository.h"

namespace comb::analysis {

inline constexpr std::int32_t kNone = -1;

// One coding's effective tags, interned.
struct TagFacts {
    std::uint8_t comb_mask = 0;     // bit i: core::kAllComB[i]
    std::int32_t level = kNone;     // index into CodingFacts::levels
    std::int32_t valence = kNone;   // index into core::kAllValences
    friend bool operator==(const TagFacts&, const TagFacts&) = default;
};

struct CodingRow {
    std::int64_t id = 0;
    std::int64_t start = 0;  // code points
    std::int64_t end = 0;
    std::int32_t doc = 0;    // index into CodingFacts::documents
    std::int32_t code = 0;   // index into CodingFacts::codes
    std::int32_t tags = 0;   // index into CodingFacts::tagsets
    std::int32_t case_ = kNone;  // index into CodingFacts::cases
    bool pinned = false;
    bool interviewer_only = false;
};

class CodingFacts {
public:
    // Reads the codings in one Repository::scan_codings pass (the fast path for large
    // projects), the rest as values. Throws StoreError.
    static CodingFacts load(const core::Repository& repo);
    // Reads the codings as whole values (Repository::codings). Same result; kept to check
    // the fast path against. Throws StoreError.
    static CodingFacts from(const core::Repository& repo);

    std::vector<core::Document> documents;  // import order
    std::vector<core::Case> cases;          // by name
    std::vector<core::Code> codes;          // tree order
    std::vector<core::Theme> themes;        // parents before children
    std::vector<core::LevelTag> levels;     // interned level tags, sorted (level, actor)
    std::vector<TagFacts> tagsets;          // interned
    std::vector<core::TagSet> tagset_sources;  // the TagSet each TagFacts came from
    std::vector<CodingRow> codings;         // document order, then start, end, id
    std::vector<std::string> coders;        // distinct coders, sorted

    const core::CodeTree& tree() const { return tree_; }
    std::int32_t code_index(core::CodeId id) const;   // kNone if absent
    std::int32_t doc_index(core::DocumentId id) const;
    std::int32_t case_index(core::CaseId id) const;
    std::string code_path(std::int32_t code) const { return paths_[static_cast<std::size_t>(code)]; }
    std::optional<std::string> case_name(std::int32_t c) const;
    // The value of attribute `key` for every case (index = case index); nullopt when the
    // project has no attribute of that name.
    std::optional<std::vector<std::optional<std::string>>> attribute_column(const std::string& key) const;
    std::vector<std::string> attribute_names() const;
    // A case's "role" attribute, else its "stakeholder_group", else empty.
    std::string case_label(std::int32_t c) const;
    std::vector<core::ComB> comb_of(std::int32_t tagset) const;

    // A coding as read, before its tags are resolved. override_ indexes `overrides`.
    struct RawCoding {
        std::int64_t id = 0;
        core::DocumentId doc;
        std::int64_t start = 0, end = 0;
        core::CodeId code;
        std::int32_t override_ = kNone;
        bool pinned = false;
    };

private:
    static CodingFacts assemble(const core::Repository& repo, std::vector<RawCoding> raw,
                                const std::vector<core::TagSet>& overrides);

    core::CodeTree tree_{{}};
    std::vector<std::string> paths_;
    std::vector<core::Attribute> attributes_;
    std::vector<core::AttributeValue> attribute_values_;
    std::vector<std::pair<core::CodeId, std::int32_t>> code_ids_;  // sorted by id
    std::vector<std::pair<core::DocumentId, std::int32_t>> doc_ids_;
    std::vector<std::pair<core::CaseId, std::int32_t>> case_ids_;
};

}  // namespace comb::analysis
