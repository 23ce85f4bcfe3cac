// SPDX-License-Identifier: GPL-3.0-or-later
// Character-level agreement over codings: units, coder filtering, documents counted,
// whitespace and speaker labels, pooling, more than two coders, nominal alpha.
#include <catch2/catch.hpp>

#include "analysis/agreement.h"

using namespace comb;
using namespace comb::analysis;
using Catch::Detail::Approx;

namespace {

core::Document doc(std::int64_t id, std::int64_t chars) {
    core::Document d;
    d.id = core::DocumentId(id);
    d.name = "D" + std::to_string(id);
    d.chars = chars;
    return d;
}

core::Coding coding(std::int64_t doc_id, std::int64_t start, std::int64_t end, std::int64_t code, std::string coder) {
    static std::int64_t next = 1;
    core::Coding c;
    c.id = core::CodingId(next++);
    c.document = core::DocumentId(doc_id);
    c.span = {core::CodePoint(start), core::CodePoint(end)};
    c.code = core::CodeId(code);
    c.coder = std::move(coder);
    return c;
}

AgreementInput input_of(std::vector<core::Document> docs, std::vector<core::Coding> codings,
                        std::vector<std::string> texts = {}) {
    AgreementInput in;
    in.documents = std::move(docs);
    in.code_order = {core::CodeId(1), core::CodeId(2), core::CodeId(3)};
    in.codings = std::move(codings);
    in.text = [texts](const core::Document& d) { return texts.at(static_cast<std::size_t>(d.id.value - 1)); };
    return in;
}

AgreementOptions opts(std::vector<std::string> coders, std::vector<core::CodeId> codes = {}, bool by_document = false) {
    AgreementOptions o;
    o.coders = std::move(coders);
    o.codes = std::move(codes);
    o.by_document = by_document;
    return o;
}

}  // namespace

TEST_CASE("agreement: NVivo's example from codings, 1,000 characters", "[analysis][agreement]") {
    // A codes 0-100 (in two overlapping codings: counted once), B 50-200: both 50, A only 50,
    // B only 100, neither 800. A third coder's coding is not compared.
    const auto in = input_of({doc(1, 1000)}, {coding(1, 0, 80, 1, "ann"), coding(1, 30, 100, 1, "ann"),
                                              coding(1, 50, 200, 1, "bob"), coding(1, 0, 1000, 1, "cyd")});
    const auto r = compute_agreement(in, opts({"ann", "bob"}));
    REQUIRE(r.rows.size() == 1);
    const auto& row = r.rows[0];
    CHECK(row.code == core::CodeId(1));
    CHECK_FALSE(row.doc.has_value());
    CHECK(row.table.both == 50);
    CHECK(row.table.a_only == 50);
    CHECK(row.table.b_only == 100);
    CHECK(row.table.neither == 800);
    CHECK(row.units() == 1000);
    CHECK(*row.agreement() == Approx(0.85));
    CHECK(*row.kappa() == Approx(0.3182).margin(0.00005));
    CHECK(*row.alpha() == Approx(0.3146).margin(0.00005));
    CHECK(r.pooled.table.both == 50);
}

TEST_CASE("agreement: by document, pooled per code and over the project", "[analysis][agreement]") {
    const auto in = input_of({doc(1, 100), doc(2, 50), doc(3, 70)},
                             {coding(1, 0, 10, 1, "ann"), coding(1, 0, 10, 1, "bob"), coding(2, 5, 15, 1, "ann"),
                              coding(2, 10, 20, 2, "bob"), coding(1, 40, 50, 2, "ann"),
                              coding(3, 0, 5, 1, "ann")});  // doc 3: only ann coded it
    SECTION("by document: one row per code and counted document, in tree and import order") {
        const auto r = compute_agreement(in, opts({"ann", "bob"}, {}, true));
        CHECK(r.documents == std::vector<core::DocumentId>{core::DocumentId(1), core::DocumentId(2)});
        REQUIRE(r.rows.size() == 4);
        CHECK(r.rows[0].doc == core::DocumentId(1));
        CHECK(r.rows[0].table.both == 10);
        CHECK(r.rows[0].table.neither == 90);
        CHECK(*r.rows[0].kappa() == Approx(1.0));
        CHECK(r.rows[1].doc == core::DocumentId(2));
        CHECK(r.rows[1].table.a_only == 10);
        CHECK(r.rows[1].table.neither == 40);
        CHECK(*r.rows[1].kappa() == Approx(0.0));
        CHECK(r.rows[2].code == core::CodeId(2));
        CHECK(r.rows[2].table.a_only == 10);
        CHECK(r.rows[3].table.b_only == 10);
    }
    SECTION("by code: pooled over the counted documents") {
        const auto r = compute_agreement(in, opts({"ann", "bob"}));
        REQUIRE(r.rows.size() == 2);
        CHECK(r.rows[0].units() == 150);
        CHECK(r.rows[0].table.both == 10);
        CHECK(r.rows[0].table.a_only == 10);
        CHECK(r.pooled.units() == 300);
        CHECK(r.pooled.table.both == 10);
        CHECK(r.pooled.table.a_only == 20);
        CHECK(r.pooled.table.b_only == 10);
        CHECK(r.pooled.table.neither == 260);
    }
    SECTION("--all-documents counts the document only one coder coded") {
        auto o = opts({"ann", "bob"});
        o.all_documents = true;
        const auto r = compute_agreement(in, o);
        CHECK(r.documents.size() == 3);
        CHECK(r.rows[0].units() == 220);
        CHECK(r.rows[0].table.a_only == 15);
    }
    SECTION("one code asked for, even one nobody applied") {
        auto o = opts({"ann", "bob"}, {core::CodeId(3)});
        const auto r = compute_agreement(in, o);
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0].table.neither == 150);
        CHECK(*r.rows[0].kappa() == 1.0);
        CHECK_FALSE(r.rows[0].alpha().has_value());
    }
}

TEST_CASE("agreement: --ignore-whitespace drops whitespace and speaker labels", "[analysis][agreement]") {
    // "Ann: a b\nBob: cd" — turns "Ann: a b" (label "Ann: ") and "Bob: cd".
    auto d = doc(1, 16);
    core::Turn t1, t2;
    t1.span = {core::CodePoint(0), core::CodePoint(8)};
    t1.body = {core::CodePoint(5), core::CodePoint(8)};
    t2.span = {core::CodePoint(9), core::CodePoint(16)};
    t2.body = {core::CodePoint(14), core::CodePoint(16)};
    d.turns = {t1, t2};
    const auto in = input_of({d}, {coding(1, 0, 8, 1, "ann"), coding(1, 5, 16, 1, "bob")}, {"Ann: a b\nBob: cd"});
    auto o = opts({"ann", "bob"});
    const auto plain = compute_agreement(in, o);
    CHECK(plain.rows[0].units() == 16);
    CHECK(plain.rows[0].table.a_only == 5);
    o.ignore_whitespace = true;
    const auto r = compute_agreement(in, o);
    // Units: a, b, c, d. "Ann: " and "Bob: " are labels; the spaces and newline are whitespace.
    CHECK(r.rows[0].units() == 4);
    CHECK(r.rows[0].table.both == 2);
    CHECK(r.rows[0].table.b_only == 2);
    CHECK(r.rows[0].table.a_only == 0);
}

TEST_CASE("agreement: three coders give Fleiss' kappa and alpha from the histogram", "[analysis][agreement]") {
    const auto in = input_of({doc(1, 10)}, {coding(1, 0, 4, 1, "a"), coding(1, 2, 6, 1, "b"), coding(1, 3, 5, 1, "c")});
    const auto r = compute_agreement(in, opts({"a", "b", "c"}));
    REQUIRE(r.rows.size() == 1);
    // chars 0-1: a; 2: a b; 3: a b c; 4: b c; 5: b; 6-9: none.
    CHECK(r.rows[0].histogram.by_count == std::vector<std::int64_t>{4, 3, 2, 1});
    // Checked against the general reliability-data alpha over the same ten units.
    ReliabilityData data;
    const std::vector<std::vector<int>> v = {{1, 0, 0}, {1, 0, 0}, {1, 1, 0}, {1, 1, 1}, {0, 1, 1},
                                             {0, 1, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
    for (const auto& u : v) data.push_back({double(u[0]), double(u[1]), double(u[2])});
    CHECK(*r.rows[0].alpha() == Approx(*krippendorff_alpha(data)));
    std::vector<std::vector<double>> counts;
    for (const auto& u : v) counts.push_back({double(3 - u[0] - u[1] - u[2]), double(u[0] + u[1] + u[2])});
    CHECK(*r.rows[0].fleiss() == Approx(*fleiss_kappa(counts)));
}

TEST_CASE("agreement: nominal alpha over mutually exclusive codes", "[analysis][agreement]") {
    // 10 characters; codes 1 and 2 exclusive. ann: 1 on 0-5, 2 on 5-10; bob: 1 on 0-4, 2 on 4-10.
    const auto in = input_of({doc(1, 10)}, {coding(1, 0, 5, 1, "ann"), coding(1, 5, 10, 2, "ann"),
                                            coding(1, 0, 4, 1, "bob"), coding(1, 4, 10, 2, "bob")});
    const auto n = compute_nominal_alpha(in, opts({"ann", "bob"}), {core::CodeId(1), core::CodeId(2)});
    CHECK(n.units == 10);
    const auto expected = krippendorff_alpha(
        {{1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}, {1.0, 2.0}, {2.0, 2.0}, {2.0, 2.0}, {2.0, 2.0}, {2.0, 2.0}, {2.0, 2.0}});
    CHECK(*n.alpha == Approx(*expected));
    CHECK(*n.alpha < 1.0);
}
