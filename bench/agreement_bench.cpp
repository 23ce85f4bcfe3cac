// SPDX-License-Identifier: GPL-3.0-or-later
// comb_agreement_bench: inter-coder agreement over 2 coders × 20,000 codings each on the
// reference corpus (2,000 generated transcripts × 8,000 words; DESIGN.md target ≤ 1 s).
// The corpus comes from bench/corpus.h (same seed, same text everywhere). Coder A applies
// 20,000 codings of 20 codes to passages; coder B repeats 70 % of them with boundaries moved
// by up to 40 characters, drops the rest and codes 30 % elsewhere (so both coders have 20,000).
// Timed in one process, median of 5 runs:
//   comb by code        compute_agreement, per code pooled over documents (the CLI default)
//   comb by document    compute_agreement, one row per code × document (NVivo's table)
//   comb ignore ws      the same by code, ignoring whitespace and speaker labels
//   baseline            per-character arrays: each code × document marks a byte per character
//                       per coder and counts them (the obvious implementation), same result
//   disagreements       find_disagreements for the two coders
// Checked (untimed): the baseline's counts equal comb's, and so do those of a flag per
// character ignoring whitespace and speaker labels.
// Usage: comb_agreement_bench [--scale S] (S = share of the corpus, default 1)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <string>

#include "analysis/agreement.h"
#include "analysis/disagreements.h"
#include "analysis/unit_mask.h"
#include "core/utf8.h"
#include "corpus.h"
#include "timing.h"

using namespace comb;

namespace {

using bench::median_ms;

// The obvious way: a byte per character per coder for every code × document with codings.
analysis::TwoByTwo baseline(const analysis::AgreementInput& in, const std::vector<std::string>& coders) {
    std::map<core::DocumentId, std::int64_t> chars;
    for (const auto& d : in.documents) chars[d.id] = d.chars;
    std::map<std::pair<core::CodeId, core::DocumentId>, std::vector<const core::Coding*>> groups;
    for (const auto& c : in.codings) groups[{c.code, c.document}].push_back(&c);
    analysis::TwoByTwo total;
    for (const auto& [key, codings] : groups) {
        std::vector<std::uint8_t> mark(static_cast<std::size_t>(chars[key.second]), 0);
        for (const auto* c : codings) {
            const std::uint8_t bit = c->coder == coders[0] ? 1 : 2;
            for (auto i = c->span.start.value; i < c->span.end.value; ++i) mark[static_cast<std::size_t>(i)] |= bit;
        }
        for (auto m : mark) {
            if (m == 3) ++total.both;
            else if (m == 1) ++total.a_only;
            else if (m == 2) ++total.b_only;
        }
    }
    return total;
}

// The same ignoring whitespace and speaker labels: a flag per character per document, built
// from the text and the turns character by character (what analysis/unit_mask.cpp avoids).
analysis::TwoByTwo baseline_ws(const analysis::AgreementInput& in, const std::vector<std::string>& coders) {
    std::map<std::pair<core::CodeId, core::DocumentId>, std::vector<const core::Coding*>> groups;
    for (const auto& c : in.codings) groups[{c.code, c.document}].push_back(&c);
    std::map<core::DocumentId, std::vector<bool>> dropped;
    for (const auto& d : in.documents) {
        auto& drop = dropped[d.id];
        drop.assign(static_cast<std::size_t>(d.chars), false);
        const std::string text = in.text(d);
        const auto chars = core::utf8::decode(text);
        for (std::size_t cp = 0; cp < chars.size() && cp < drop.size(); ++cp) drop[cp] = analysis::is_unicode_space(chars[cp]);
        for (const auto& t : d.turns) {
            for (auto x = t.span.start.value; x < t.body.start.value; ++x) drop[static_cast<std::size_t>(x)] = true;
            for (auto x = t.body.end.value; x < t.span.end.value; ++x) drop[static_cast<std::size_t>(x)] = true;
        }
    }
    analysis::TwoByTwo total;
    for (const auto& [key, codings] : groups) {
        const auto& drop = dropped[key.second];
        std::vector<std::uint8_t> mark(drop.size(), 0);
        for (const auto* c : codings) {
            const std::uint8_t bit = c->coder == coders[0] ? 1 : 2;
            for (auto i = c->span.start.value; i < c->span.end.value; ++i) mark[static_cast<std::size_t>(i)] |= bit;
        }
        for (std::size_t i = 0; i < mark.size(); ++i) {
            if (drop[i]) continue;
            if (mark[i] == 3) ++total.both;
            else if (mark[i] == 1) ++total.a_only;
            else if (mark[i] == 2) ++total.b_only;
        }
    }
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    double scale = 1.0;
    for (int i = 1; i + 1 < argc; ++i) if (std::string(argv[i]) == "--scale") scale = std::stod(argv[i + 1]);
    bench::CorpusSpec spec;
    spec.transcripts = std::max(1, static_cast<int>(spec.transcripts * scale));
    std::vector<std::string> texts;
    analysis::AgreementInput in;
    const auto g0 = std::chrono::steady_clock::now();
    for (int n = 0; n < spec.transcripts; ++n) {
        auto t = bench::transcript(spec, n);
        core::Document d;
        d.id = core::DocumentId(n + 1);
        d.name = t.name;
        d.chars = core::utf8::length(t.text);
        d.turns = t.turns;
        d.paragraphs = t.paragraphs;
        in.documents.push_back(std::move(d));
        texts.push_back(std::move(t.text));
    }
    for (int c = 1; c <= 20; ++c) in.code_order.emplace_back(c);
    in.text = [&texts](const core::Document& d) { return texts[static_cast<std::size_t>(d.id.value - 1)]; };
    std::mt19937_64 rng(20240601);
    auto pick = [&](std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); };
    std::int64_t next = 1;
    auto add = [&](std::int64_t doc, std::int64_t start, std::int64_t end, std::int64_t code, const char* coder) {
        const auto chars = in.documents[static_cast<std::size_t>(doc - 1)].chars;
        start = std::clamp<std::int64_t>(start, 0, chars - 1);
        end = std::clamp<std::int64_t>(end, start + 1, chars);
        core::Coding c;
        c.id = core::CodingId(next++);
        c.document = core::DocumentId(doc);
        c.span = {core::CodePoint(start), core::CodePoint(end)};
        c.code = core::CodeId(code);
        c.coder = coder;
        in.codings.push_back(c);
    };
    constexpr int kPerCoder = 20000;
    for (int i = 0; i < kPerCoder; ++i) {
        const auto doc = pick(1, spec.transcripts);
        const auto chars = in.documents[static_cast<std::size_t>(doc - 1)].chars;
        const auto start = pick(0, chars - 1), len = pick(40, 600), code = pick(1, 20);
        add(doc, start, start + len, code, "A");
        if (rng() % 10 < 7) {
            add(doc, start + pick(-40, 40), start + len + pick(-40, 40), code, "B");
        } else {
            const auto d2 = pick(1, spec.transcripts);
            const auto s2 = pick(0, in.documents[static_cast<std::size_t>(d2 - 1)].chars - 1);
            add(d2, s2, s2 + pick(40, 600), pick(1, 20), "B");
        }
    }
    const double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count();
    std::int64_t total_chars = 0;
    for (const auto& d : in.documents) total_chars += d.chars;

    analysis::AgreementOptions by_code;
    by_code.coders = {"A", "B"};
    by_code.all_documents = true;  // every document counts, the heaviest case
    analysis::AgreementOptions by_doc = by_code;
    by_doc.by_document = true;
    analysis::AgreementOptions ws = by_code;
    ws.ignore_whitespace = true;

    analysis::AgreementResult r;
    const double t_code = median_ms(5, [&] { r = analysis::compute_agreement(in, by_code); });
    std::size_t doc_rows = 0;
    const double t_doc = median_ms(5, [&] { doc_rows = analysis::compute_agreement(in, by_doc).rows.size(); });
    analysis::AgreementResult rws;
    const double t_ws = median_ms(3, [&] { rws = analysis::compute_agreement(in, ws); });
    analysis::TwoByTwo base;
    const double t_base = median_ms(5, [&] { base = baseline(in, by_code.coders); });
    std::size_t dis = 0;
    const double t_dis = median_ms(5, [&] { dis = analysis::find_disagreements(in, by_code).size(); });
    const bool same_plain = base.both == r.pooled.table.both && base.a_only == r.pooled.table.a_only && base.b_only == r.pooled.table.b_only;
    const auto base_ws = baseline_ws(in, by_code.coders);
    const bool same_ws = base_ws.both == rws.pooled.table.both && base_ws.a_only == rws.pooled.table.a_only &&
                         base_ws.b_only == rws.pooled.table.b_only;
    const bool same = same_plain && same_ws;

    std::printf("corpus: %d transcripts, %lld characters, %zu codings (2 coders), generated in %.1f s\n", spec.transcripts,
                static_cast<long long>(total_chars), in.codings.size(), gen_s);
    std::printf("pooled: units %lld, both %lld, A only %lld, B only %lld, PA %.4f, kappa %.4f, alpha %.4f\n",
                static_cast<long long>(r.pooled.units()), static_cast<long long>(r.pooled.table.both),
                static_cast<long long>(r.pooled.table.a_only), static_cast<long long>(r.pooled.table.b_only),
                *r.pooled.agreement(), *r.pooled.kappa(), *r.pooled.alpha());
    std::printf("ignoring whitespace: units %lld, both %lld, A only %lld, B only %lld, PA %.4f, kappa %.4f, alpha %.4f\n",
                static_cast<long long>(rws.pooled.units()), static_cast<long long>(rws.pooled.table.both),
                static_cast<long long>(rws.pooled.table.a_only), static_cast<long long>(rws.pooled.table.b_only),
                *rws.pooled.agreement(), *rws.pooled.kappa(), *rws.pooled.alpha());
    std::printf("\n| measure | ms | target |\n|---|---|---|\n");
    std::printf("| comb: agreement by code (%zu rows) | %.1f | <= 1000 |\n", r.rows.size(), t_code);
    std::printf("| comb: agreement by document (%zu rows) | %.1f | |\n", doc_rows, t_doc);
    std::printf("| comb: by code, ignoring whitespace and speaker labels | %.1f | |\n", t_ws);
    std::printf("| comb: disagreements (%zu runs) | %.1f | |\n", dis, t_dis);
    std::printf("| baseline: byte per character per coder (coded pairs only) | %.1f | |\n", t_base);
    std::printf("| comb / baseline | %.2fx | |\n", t_code / t_base);
    std::printf("\nbaseline counts %s comb's (both, A only, B only)\n", same_plain ? "equal" : "DIFFER FROM");
    std::printf("ignoring whitespace: a flag per character %s comb's counts\n", same_ws ? "equals" : "DIFFERS FROM");
    return same ? 0 : 1;
}
