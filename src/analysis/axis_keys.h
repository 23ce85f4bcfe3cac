// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// AxisKeys (internal to comb_analysis): one axis's labels and, for every coding, the label
// indices it counts under. Keys depend on one source only (the code, the tag set or the case),
// so they are computed once per source and looked up per coding.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/coding_facts.h"
#include "analysis/matrix.h"

namespace comb::analysis {

class AxisKeys {
public:
    // Throws InputError for an attribute the project does not have.
    AxisKeys(const CodingFacts& facts, const Axis& axis);

    const std::vector<std::int32_t>& of(const CodingRow& row) const {
        switch (source_) {
            case Source::code: return by_source_[static_cast<std::size_t>(row.code)];
            case Source::tags: return by_source_[static_cast<std::size_t>(row.tags)];
            case Source::case_: return row.case_ == kNone ? none_ : by_source_[static_cast<std::size_t>(row.case_)];
        }
        return none_;
    }

    std::vector<std::string> labels;

private:
    enum class Source { code, tags, case_ };
    // The constructor's two longer cases: level tags (each actor after its level) and the
    // values of a case attribute (InputError naming the known ones when there is none).
    void key_levels(const CodingFacts& facts);
    void key_attribute(const CodingFacts& facts, const std::string& name);
    Source source_ = Source::code;
    std::vector<std::vector<std::int32_t>> by_source_;
    std::vector<std::int32_t> none_;
};

}  // namespace comb::analysis
