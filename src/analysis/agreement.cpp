// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "analysis/unit_mask.h"

namespace comb::analysis {
namespace {

struct Mark {
    std::int64_t start, end;
    std::size_t coder;
};

// Sweeps one code's marks in one document: the 2×2 table and the histogram by coder count.
AgreementRow compare(std::vector<Mark> marks, const UnitMask& mask, std::size_t coders) {
    struct Event {
        std::int64_t at;
        std::size_t coder;
        int delta;
    };
    std::vector<Event> events;
    events.reserve(marks.size() * 2);
    for (const auto& m : marks) {
        events.push_back({m.start, m.coder, +1});
        events.push_back({m.end, m.coder, -1});
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    AgreementRow row;
    row.histogram.by_count.assign(coders + 1, 0);
    std::vector<int> depth(coders, 0);
    std::size_t covering = 0;  // coders with depth > 0
    bool a_in = false, b_in = false;
    std::int64_t prev = 0, covered = 0;
    for (std::size_t i = 0; i < events.size();) {
        const std::int64_t at = events[i].at;
        if (covering > 0) {
            const auto n = mask.count(prev, at);
            row.histogram.by_count[covering] += n;
            covered += n;
            if (coders == 2) (a_in && b_in ? row.table.both : a_in ? row.table.a_only : row.table.b_only) += n;
        }
        for (; i < events.size() && events[i].at == at; ++i) {
            int& d = depth[events[i].coder];
            const bool was = d > 0;
            d += events[i].delta;
            if (was != (d > 0)) covering += d > 0 ? 1 : static_cast<std::size_t>(-1);
        }
        if (coders == 2) {
            a_in = depth[0] > 0;
            b_in = depth[1] > 0;
        }
        prev = at;
    }
    const auto uncoded = mask.total() - covered;
    row.histogram.by_count[0] += uncoded;
    if (coders == 2) row.table.neither += uncoded;
    return row;
}

void add(AgreementRow& into, const AgreementRow& row) {
    into.table += row.table;
    into.histogram += row.histogram;
}

// The documents counted and, for every compared coding, its coder's index.
struct Selection {
    std::vector<const core::Document*> documents;
    std::map<std::pair<core::CodeId, core::DocumentId>, std::vector<Mark>> marks;
    std::set<core::CodeId> used;
};

Selection select(const AgreementInput& input, const AgreementOptions& options) {
    if (options.coders.size() < 2) throw std::invalid_argument("agreement needs two or more coders");
    std::unordered_map<std::string, std::size_t> coder_index;
    for (std::size_t i = 0; i < options.coders.size(); ++i) {
        if (!coder_index.emplace(options.coders[i], i).second) throw std::invalid_argument("a coder is named twice");
    }
    std::map<core::DocumentId, std::vector<bool>> coded_by;
    for (const auto& c : input.codings) {
        const auto it = coder_index.find(c.coder);
        if (it == coder_index.end()) continue;
        auto& seen = coded_by[c.document];
        seen.resize(options.coders.size(), false);
        seen[it->second] = true;
    }
    Selection sel;
    std::set<core::DocumentId> counted;
    for (const auto& d : input.documents) {
        const auto it = coded_by.find(d.id);
        const bool everyone = it != coded_by.end() && std::all_of(it->second.begin(), it->second.end(), [](bool b) { return b; });
        if (options.all_documents || everyone) {
            sel.documents.push_back(&d);
            counted.insert(d.id);
        }
    }
    const std::set<core::CodeId> wanted(options.codes.begin(), options.codes.end());
    for (const auto& c : input.codings) {
        const auto it = coder_index.find(c.coder);
        if (it == coder_index.end() || !counted.count(c.document)) continue;
        if (!wanted.empty() && !wanted.count(c.code)) continue;
        sel.marks[{c.code, c.document}].push_back({c.span.start.value, c.span.end.value, it->second});
        sel.used.insert(c.code);
    }
    return sel;
}

// The unit mask of a counted document: ignoring whitespace, known at the ends of the
// compared codings in it (the only places the sweeps count), from one pass over its text.
UnitMask mask_of(const core::Document& doc, const AgreementInput& input, const Selection& sel,
                 const std::vector<core::CodeId>& codes, bool ignore_whitespace) {
    if (!ignore_whitespace) return UnitMask(doc.chars);
    std::vector<std::int64_t> points;
    for (const auto code : codes) {
        const auto it = sel.marks.find({code, doc.id});
        if (it == sel.marks.end()) continue;
        for (const auto& m : it->second) {
            points.push_back(m.start);
            points.push_back(m.end);
        }
    }
    return UnitMask(doc, input.text(doc), std::move(points));
}

}  // namespace

AgreementInput agreement_input(const core::Repository& repo) {
    AgreementInput in;
    in.documents = repo.documents();
    for (const auto& c : repo.codes()) in.code_order.push_back(c.id);
    in.codings = repo.codings();
    in.text = [&repo](const core::Document& d) { return repo.text(d.text_id); };
    return in;
}

AgreementResult compute_agreement(const AgreementInput& input, const AgreementOptions& options) {
    const Selection sel = select(input, options);
    const std::size_t m = options.coders.size();
    AgreementResult result;
    result.coders = options.coders;
    result.pooled.histogram.by_count.assign(m + 1, 0);
    std::vector<core::CodeId> codes = options.codes;
    if (codes.empty()) {
        for (auto id : input.code_order) if (sel.used.count(id)) codes.push_back(id);
    }
    std::vector<UnitMask> masks;
    masks.reserve(sel.documents.size());
    for (const auto* d : sel.documents) {
        masks.push_back(mask_of(*d, input, sel, codes, options.ignore_whitespace));
        result.documents.push_back(d->id);
    }
    for (const auto code : codes) {
        AgreementRow total;
        total.code = code;
        total.histogram.by_count.assign(m + 1, 0);
        for (std::size_t i = 0; i < sel.documents.size(); ++i) {
            const auto it = sel.marks.find({code, sel.documents[i]->id});
            AgreementRow row = compare(it == sel.marks.end() ? std::vector<Mark>{} : it->second, masks[i], m);
            row.code = code;
            row.doc = sel.documents[i]->id;
            add(total, row);
            if (options.by_document) result.rows.push_back(row);
        }
        if (!options.by_document) result.rows.push_back(total);
        add(result.pooled, total);
    }
    return result;
}

NominalAgreement compute_nominal_alpha(const AgreementInput& input, const AgreementOptions& options,
                                       const std::vector<core::CodeId>& group) {
    NominalAgreement out;
    if (group.empty()) return out;
    AgreementOptions opts = options;
    opts.codes = group;
    const Selection sel = select(input, opts);
    const std::size_t m = options.coders.size();
    // Runs of characters with the same values per coder become one weighted unit.
    std::map<std::vector<std::optional<double>>, double> runs;
    for (const auto* d : sel.documents) {
        const UnitMask mask = mask_of(*d, input, sel, group, options.ignore_whitespace);
        struct Event {
            std::int64_t at;
            std::size_t coder, code;
            int delta;
        };
        std::vector<Event> events;
        for (std::size_t g = 0; g < group.size(); ++g) {
            const auto it = sel.marks.find({group[g], d->id});
            if (it == sel.marks.end()) continue;
            for (const auto& mk : it->second) {
                events.push_back({mk.start, mk.coder, g, +1});
                events.push_back({mk.end, mk.coder, g, -1});
            }
        }
        events.push_back({d->chars, 0, 0, 0});
        std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
        std::vector<std::vector<int>> depth(m, std::vector<int>(group.size(), 0));
        std::int64_t prev = 0;
        for (std::size_t i = 0; i < events.size();) {
            const std::int64_t at = events[i].at;
            if (const auto n = mask.count(prev, at); n > 0) {
                std::vector<std::optional<double>> values(m);
                for (std::size_t c = 0; c < m; ++c) {
                    int on = 0;
                    std::size_t which = 0;
                    for (std::size_t g = 0; g < group.size(); ++g) if (depth[c][g] > 0) { ++on; which = g + 1; }
                    if (on <= 1) values[c] = static_cast<double>(on == 0 ? 0 : which);
                }
                runs[values] += static_cast<double>(n);
                out.units += n;
            }
            for (; i < events.size() && events[i].at == at; ++i) depth[events[i].coder][events[i].code] += events[i].delta;
            prev = at;
        }
    }
    ReliabilityData data;
    std::vector<double> weights;
    for (const auto& [values, n] : runs) {
        data.push_back(values);
        weights.push_back(n);
    }
    out.alpha = krippendorff_alpha(data, AlphaMetric::nominal, weights);
    return out;
}

}  // namespace comb::analysis
