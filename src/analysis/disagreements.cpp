// SPDX-License-Identifier: GPL-3.0-or-later
#include "disagreements.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace comb::analysis {

namespace {

// Each code's codings in each document, of the two coders, in the documents the agreement counts.
using Groups = std::map<std::pair<core::CodeId, core::DocumentId>, std::vector<const core::Coding*>>;

Groups group_codings(const AgreementInput& input, const AgreementOptions& options) {
    AgreementOptions count_only = options;
    count_only.codes = {core::CodeId(-1)};  // no rows needed, only the documents
    const auto counted = compute_agreement(input, count_only).documents;
    const std::set<core::DocumentId> docs(counted.begin(), counted.end());
    const std::set<core::CodeId> wanted(options.codes.begin(), options.codes.end());
    Groups groups;
    for (const auto& c : input.codings) {
        if (c.coder != options.coders[0] && c.coder != options.coders[1]) continue;
        if (!docs.count(c.document) || (!wanted.empty() && !wanted.count(c.code))) continue;
        groups[{c.code, c.document}].push_back(&c);
    }
    return groups;
}

// The stretches of one group that only one coder coded: the group's span ends cut the text into
// pieces; neighbouring pieces coded by the same one coder make one disagreement.
void add_one_coder_runs(const Groups::value_type& group, const std::vector<std::string>& coders,
                        std::vector<Disagreement>& out) {
    const auto& [key, codings] = group;
    const std::vector<std::int64_t> points = core::cut_points(codings);
    std::optional<Disagreement> run;
    auto flush = [&] {
        if (run) out.push_back(*run);
        run.reset();
    };
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const core::Span piece{core::CodePoint(points[i]), core::CodePoint(points[i + 1])};
        bool covered[2] = {false, false};
        for (const auto* c : codings) if (c->span.contains(piece)) covered[c->coder == coders[0] ? 0 : 1] = true;
        if (covered[0] == covered[1]) {
            flush();
            continue;
        }
        const std::size_t who = covered[0] ? 0 : 1;
        if (run && (run->coder != who || run->span.end != piece.start)) flush();
        if (!run) run = Disagreement{key.first, key.second, piece, who, {}, {}};
        run->span.end = piece.end;
    }
    flush();
}

// Each disagreement's codings: the coder's own that overlap it, the other's that touch it.
void attach_codings(std::vector<Disagreement>& out, Groups& groups, const std::vector<std::string>& coders) {
    for (auto& d : out) {
        for (const auto* c : groups[{d.code, d.doc}]) {
            const bool mine = c->coder == coders[d.coder];
            if (mine && c->span.overlaps(d.span)) d.codings.push_back(c->id);
            const bool touches = c->span.start <= d.span.end && d.span.start <= c->span.end;
            if (!mine && touches) d.other_codings.push_back(c->id);
        }
    }
}

// In code tree order, then document order, then by place.
void sort_for_reading(std::vector<Disagreement>& out, const AgreementInput& input) {
    std::map<core::CodeId, std::size_t> code_rank;
    for (std::size_t i = 0; i < input.code_order.size(); ++i) code_rank[input.code_order[i]] = i;
    std::map<core::DocumentId, std::size_t> doc_rank;
    for (std::size_t i = 0; i < input.documents.size(); ++i) doc_rank[input.documents[i].id] = i;
    std::stable_sort(out.begin(), out.end(), [&](const Disagreement& a, const Disagreement& b) {
        return std::tuple(code_rank[a.code], doc_rank[a.doc], a.span.start) <
               std::tuple(code_rank[b.code], doc_rank[b.doc], b.span.start);
    });
}

}  // namespace

std::vector<Disagreement> find_disagreements(const AgreementInput& input, const AgreementOptions& options) {
    if (options.coders.size() != 2 || options.coders[0] == options.coders[1]) {
        throw std::invalid_argument("disagreements compare exactly two coders");
    }
    auto groups = group_codings(input, options);
    std::vector<Disagreement> out;
    for (const auto& group : groups) add_one_coder_runs(group, options.coders, out);
    attach_codings(out, groups, options.coders);
    sort_for_reading(out, input);
    return out;
}

}  // namespace comb::analysis
