// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/matrix.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "analysis/axis_keys.h"
#include "core/error.h"
#include "core/utf8.h"

namespace comb::analysis {
namespace {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::size_t label_index(const std::vector<std::string>& labels, const std::string& label, const std::string& what) {
    const auto it = std::find(labels.begin(), labels.end(), label);
    if (it == labels.end()) {
        throw core::InputError::argument("--cell: no " + what + " \"" + label + "\" (known: " + join(labels) + ")");
    }
    return static_cast<std::size_t>(it - labels.begin());
}

}  // namespace

std::string_view to_string(CountUnit u) { return u == CountUnit::segments ? "segments" : "cases"; }

Axis Axis::parse(const std::string& text, const std::string& option, bool allow_valence) {
    static const std::map<std::string, Dimension> words = {
        {"codes", Dimension::codes}, {"themes", Dimension::themes}, {"comb", Dimension::comb},
        {"level", Dimension::level}, {"valence", Dimension::valence}, {"cases", Dimension::cases}};
    if (text.rfind("attr:", 0) == 0) {
        if (text.size() == 5) throw core::InputError::argument(option + ": attr: needs an attribute name, as in attr:role");
        return {Dimension::attribute, text.substr(5)};
    }
    const auto it = words.find(text);
    if (it == words.end() || (!allow_valence && it->second == Dimension::valence)) {
        throw core::InputError::argument(option + ": unknown dimension \"" + text + "\" (use codes, themes, comb, level, " +
                        (allow_valence ? "valence, " : "") + "cases or attr:KEY)");
    }
    return {it->second, {}};
}

std::string Axis::describe() const {
    switch (dimension) {
        case Dimension::codes: return "codes";
        case Dimension::themes: return "themes";
        case Dimension::comb: return "comb";
        case Dimension::level: return "level";
        case Dimension::valence: return "valence";
        case Dimension::cases: return "cases";
        case Dimension::attribute: return "attr:" + key;
    }
    return "?";
}

std::string MatrixSpec::describe() const {
    std::string out = "rows=" + rows.describe() + " cols=" + cols.describe() + " count=" + std::string(to_string(count));
    if (within) out += " within=" + std::to_string(within->size()) + " passages";
    return out;
}

std::string CooccurrenceSpec::describe() const {
    std::string out = std::string("cooccurrence scope=") + (scope == CooccurrenceScope::overlap ? "overlap" : "passage") +
                      " count=" + std::string(to_string(count));
    if (within) out += " within=" + std::to_string(within->size()) + " passages";
    return out;
}

std::int64_t Matrix::at(const std::string& row, const std::string& col) const {
    const auto r = std::find(rows.begin(), rows.end(), row);
    const auto c = std::find(cols.begin(), cols.end(), col);
    if (r == rows.end() || c == cols.end()) throw std::out_of_range("no cell " + row + " × " + col);
    return cells[static_cast<std::size_t>(r - rows.begin())][static_cast<std::size_t>(c - cols.begin())];
}

std::vector<char> kept_codings(const CodingFacts& facts, const std::optional<std::vector<PassageRef>>& within) {
    std::vector<char> kept(facts.codings.size(), within ? 0 : 1);
    if (!within) return kept;
    std::vector<std::vector<core::Span>> by_doc(facts.documents.size());
    for (const auto& p : *within) {
        const auto d = facts.doc_index(p.doc);
        if (d != kNone) by_doc[static_cast<std::size_t>(d)].push_back(p.span);
    }
    for (auto& spans : by_doc) std::sort(spans.begin(), spans.end());
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        const auto& c = facts.codings[i];
        const core::Span span{core::CodePoint(c.start), core::CodePoint(c.end)};
        for (const auto& p : by_doc[static_cast<std::size_t>(c.doc)]) {
            if (p.start.value >= c.end) break;
            if (p.overlaps(span)) {
                kept[i] = 1;
                break;
            }
        }
    }
    return kept;
}

std::vector<std::string> axis_labels(const CodingFacts& facts, const Axis& axis) {
    return AxisKeys(facts, axis).labels;
}

Cube count_cube(const CodingFacts& facts, const std::vector<Axis>& axes, CountUnit count,
                const std::optional<std::vector<PassageRef>>& within) {
    std::vector<AxisKeys> keys;
    Cube cube;
    std::size_t n_cells = 1;
    for (const auto& a : axes) {
        keys.emplace_back(facts, a);
        cube.labels.push_back(keys.back().labels);
        n_cells *= keys.back().labels.size();
    }
    cube.cells.assign(n_cells, 0);
    if (n_cells == 0) return cube;
    const auto kept = kept_codings(facts, within);
    const std::size_t n_axes = axes.size();
    const std::size_t n_cases = facts.cases.size();
    // Distinct-case counting marks (cell, case) pairs: a bit vector when it is small, a hash
    // set otherwise (a codes × codes × cases cube could be large).
    const bool use_bits = count == CountUnit::cases && n_cells * n_cases <= (std::size_t{1} << 28);
    std::vector<std::uint64_t> bits(use_bits ? (n_cells * n_cases + 63) / 64 : 0);
    std::unordered_set<std::uint64_t> seen;
    std::vector<const std::vector<std::int32_t>*> k(n_axes);
    std::vector<std::size_t> pos(n_axes);
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        if (!kept[i]) continue;
        const auto& row = facts.codings[i];
        if (count == CountUnit::cases && (row.case_ == kNone || row.interviewer_only)) continue;
        bool empty = false;
        for (std::size_t a = 0; a < n_axes; ++a) {
            k[a] = &keys[a].of(row);
            if (k[a]->empty()) empty = true;
        }
        if (empty) continue;
        std::fill(pos.begin(), pos.end(), 0);
        while (true) {
            std::size_t cell = 0;
            for (std::size_t a = 0; a < n_axes; ++a) {
                cell = cell * keys[a].labels.size() + static_cast<std::size_t>((*k[a])[pos[a]]);
            }
            if (count == CountUnit::segments) {
                ++cube.cells[cell];
            } else {
                const std::uint64_t mark = cell * n_cases + static_cast<std::size_t>(row.case_);
                bool fresh = false;
                if (use_bits) {
                    auto& word = bits[mark / 64];
                    const std::uint64_t bit = std::uint64_t{1} << (mark % 64);
                    fresh = !(word & bit);
                    word |= bit;
                } else {
                    fresh = seen.insert(mark).second;
                }
                if (fresh) ++cube.cells[cell];
            }
            // Next combination of keys, the last axis fastest.
            std::size_t a = n_axes;
            while (a > 0) {
                --a;
                if (++pos[a] < k[a]->size()) break;
                pos[a] = 0;
                if (a == 0) {
                    a = n_axes + 1;
                    break;
                }
            }
            if (a == n_axes + 1) break;
        }
    }
    return cube;
}

Matrix count_matrix(const CodingFacts& facts, const MatrixSpec& spec) {
    const auto cube = count_cube(facts, {spec.rows, spec.cols}, spec.count, spec.within);
    Matrix m;
    m.rows = cube.labels[0];
    m.cols = cube.labels[1];
    m.corner = spec.rows.describe();
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        m.cells.emplace_back(cube.cells.begin() + static_cast<std::ptrdiff_t>(r * m.cols.size()),
                             cube.cells.begin() + static_cast<std::ptrdiff_t>((r + 1) * m.cols.size()));
    }
    return m;
}

std::vector<std::size_t> cell_codings(const CodingFacts& facts, const MatrixSpec& spec,
                                      const std::string& row, const std::string& col) {
    const AxisKeys rows(facts, spec.rows);
    const AxisKeys cols(facts, spec.cols);
    const auto r = static_cast<std::int32_t>(label_index(rows.labels, row, "row"));
    const auto c = static_cast<std::int32_t>(label_index(cols.labels, col, "column"));
    const auto kept = kept_codings(facts, spec.within);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < facts.codings.size(); ++i) {
        if (!kept[i]) continue;
        const auto& coding = facts.codings[i];
        if (spec.count == CountUnit::cases && (coding.case_ == kNone || coding.interviewer_only)) continue;
        const auto& rk = rows.of(coding);
        const auto& ck = cols.of(coding);
        if (std::find(rk.begin(), rk.end(), r) != rk.end() && std::find(ck.begin(), ck.end(), c) != ck.end()) {
            out.push_back(i);
        }
    }
    return out;
}

std::vector<CellQuote> cell_quotes(const CodingFacts& facts, const core::Repository& repo,
                                   const std::vector<std::size_t>& codings) {
    std::map<std::int32_t, std::string> texts;
    std::vector<CellQuote> out;
    for (const auto i : codings) {
        const auto& c = facts.codings[i];
        const auto& doc = facts.documents[static_cast<std::size_t>(c.doc)];
        auto it = texts.find(c.doc);
        if (it == texts.end()) it = texts.emplace(c.doc, repo.text(doc.text_id)).first;
        const core::Span span{core::CodePoint(c.start), core::CodePoint(c.end)};
        out.push_back({doc.id, doc.name, span, facts.code_path(c.code), std::string(core::utf8::slice(it->second, span)),
                       facts.case_name(c.case_)});
    }
    return out;
}

}  // namespace comb::analysis
