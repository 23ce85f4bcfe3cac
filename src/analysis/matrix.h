// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Matrices over a project's codings: rows and columns are dimensions of a coding (its code,
// the themes holding its code, its effective COM-B, level and valence, its case, an attribute
// of its case); a cell counts the codings that fall in both, as segments or distinct cases.
//
// Counting rules (see CodingFacts for effective tags and interviewer turns):
// - A coding counts under every key it has on a dimension: a code tagged C.Ps and M.Re counts
//   in both COM-B rows; a code in two themes counts in both. A coding without a key on a
//   dimension (no level, no case) is not counted on it.
// - codes: the coding's own code only (not its ancestors); all codes, tree order.
// - themes: every theme whose member codes (or whose subthemes' member codes) include the
//   coding's code; all themes, parents before children.
// - comb: C.Ph C.Ps O.Ph O.So M.Re M.Au, always all six.
// - level: macro, organisational, individual always, plus every "level:actor" used by a tag,
//   each right after its level; a coding counts under its exact tag only.
// - valence: barrier, facilitator, mixed, neutral, always all four.
// - cases: every case, by name. attr:KEY: the values of KEY present among cases, sorted.
// - --count cases counts distinct cases per cell, never counting an interviewer-only coding.
// Labels are spelled as tags are written: "C.Ps", "individual:trainer", "barrier".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/coding_facts.h"

namespace comb::analysis {

enum class Dimension { codes, themes, comb, level, valence, cases, attribute };

struct Axis {
    Dimension dimension = Dimension::codes;
    std::string key;  // the attribute name, for Dimension::attribute

    // "codes", "attr:role". Throws InputError naming `option` for an unknown word, or a
    // dimension not allowed there (valence is a column dimension only in the CLI contract).
    static Axis parse(const std::string& text, const std::string& option, bool allow_valence = true);
    std::string describe() const;
};

enum class CountUnit { segments, cases };
std::string_view to_string(CountUnit u);

// The passages a matrix is restricted to (from a search): a coding counts only when it
// overlaps one of them.
struct PassageRef {
    core::DocumentId doc;
    core::Span span;
};

struct MatrixSpec {
    Axis rows;
    Axis cols;
    CountUnit count = CountUnit::segments;
    std::optional<std::vector<PassageRef>> within;  // nullopt: all codings
    std::string describe() const;  // "rows=comb cols=level count=segments"
};

struct Matrix {
    std::vector<std::string> rows;
    std::vector<std::string> cols;
    std::vector<std::vector<std::int64_t>> cells;  // [row][col]
    std::string corner;  // what the rows are: "comb", "code"; the CSV/MD header's first cell
    std::int64_t at(const std::string& row, const std::string& col) const;  // throws std::out_of_range
};

// The labels of one axis, in order. Throws InputError for an unknown attribute.
std::vector<std::string> axis_labels(const CodingFacts& facts, const Axis& axis);

// Counts the matrix. Throws InputError for an unknown attribute.
Matrix count_matrix(const CodingFacts& facts, const MatrixSpec& spec);

// The same rules over any number of axes (a cube): cells are flat, the last axis fastest.
struct Cube {
    std::vector<std::vector<std::string>> labels;  // per axis
    std::vector<std::int64_t> cells;
};
Cube count_cube(const CodingFacts& facts, const std::vector<Axis>& axes, CountUnit count,
                const std::optional<std::vector<PassageRef>>& within = std::nullopt);

// The codings behind one cell (index into facts.codings), in document order: those that the
// cell counts (with --count cases, interviewer-only codings are left out). Throws InputError
// naming the unknown label and listing the known ones.
std::vector<std::size_t> cell_codings(const CodingFacts& facts, const MatrixSpec& spec,
                                      const std::string& row, const std::string& col);

// A quote behind a cell, as `comb codings` prints one.
struct CellQuote {
    core::DocumentId doc;
    std::string document;
    core::Span span;
    std::string code;
    std::string text;
    std::optional<std::string> case_name;
};
std::vector<CellQuote> cell_quotes(const CodingFacts& facts, const core::Repository& repo,
                                   const std::vector<std::size_t>& codings);

// ---- Co-occurrence: codes × codes.
// Off the diagonal, cell (a, b) counts pairs of codings of a and b in the same document that
// overlap (scope overlap), or passages (speaker turns; paragraphs in documents without turns;
// else the whole document) holding codings of both (scope passage); with CountUnit::cases, the
// distinct cases in which that happens. The diagonal holds the code's own count (segments or
// cases). Symmetric. Codings of the same code never pair with each other.
enum class CooccurrenceScope { overlap, passage };
struct CooccurrenceSpec {
    CooccurrenceScope scope = CooccurrenceScope::overlap;
    CountUnit count = CountUnit::segments;
    std::optional<std::vector<PassageRef>> within;
    std::string describe() const;  // "cooccurrence scope=overlap count=segments"
};
Matrix cooccurrence(const CodingFacts& facts, const CooccurrenceSpec& spec);

// Which codings a restriction keeps (all when `within` is nullopt); index = coding index.
std::vector<char> kept_codings(const CodingFacts& facts, const std::optional<std::vector<PassageRef>>& within);

}  // namespace comb::analysis
