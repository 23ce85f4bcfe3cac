// SPDX-License-Identifier: GPL-3.0-or-later
// The store-neutral row description (store/row_columns.h): every kind's to_cells and *_from
// agree on its columns, and the SQL both stores run is built from them.
#include <catch2/catch.hpp>

#include "store/row_columns.h"

using namespace comb;
using namespace comb::core;
using store::Cell;
using store::Cells;

namespace {

// Cells read back as a store's result row would be.
class CellsRow final : public store::RowCells {
public:
    explicit CellsRow(const Cells& cells) : cells_(cells) {}
    bool is_null(int col) const override { return std::holds_alternative<std::monostate>(at(col)); }
    std::int64_t int64(int col) const override { return std::get<std::int64_t>(at(col)); }
    double real(int col) const override { return std::get<double>(at(col)); }
    std::string_view text_view(int col) const override {
        return is_null(col) ? std::string_view() : std::string_view(std::get<std::string>(at(col)));
    }

private:
    const Cell& at(int col) const { return cells_.at(static_cast<std::size_t>(col)); }
    const Cells& cells_;
};

// One row of each kind with every optional field set and every field unlike its default.
std::vector<Row> sample_rows() {
    Document d{DocumentId(7), "P7 – Ana", CaseId(3), TextId(9), 42, 2, {{CodePoint(0), CodePoint(20)}}, {},
               {{"title", "Interview"}, {"format", "docx"}}, "2026-01-02T03:04:05Z", 4};
    Code code{CodeId(12), CodeId(11), "Time/No time", "#aabbcc", "def", "inc", "exc", "ex",
              TagSet::parse("comb=O.Ph,C.Ps;tdf=Knowledge|Skills;level=individual:trainer;valence=barrier;"),
              3, "guid-1", false, false, 5};
    Code bare{CodeId(13), std::nullopt, "Bare", "", "", "", "", "", TagSet{}, 0, "", true, true, 1};
    Coding coding{CodingId(30), DocumentId(7), {CodePoint(4), CodePoint(19)}, CodeId(12), "sam", "2026-01-02T03:04:06Z",
                  TagSet::parse("level=macro;"), true, 2};
    Coding plain{CodingId(31), DocumentId(7), {CodePoint(1), CodePoint(2)}, CodeId(13), "ana", "", std::nullopt, false, 1};
    return {d,
            Case{CaseId(3), "P7", "a trainer", 2},
            Attribute{AttributeId(4), "Role", AttributeType::choice, {"trainer", "manager", "lead"}, 3},
            AttributeValue{CaseId(3), AttributeId(4), "trainer", 6},
            code,
            bare,
            coding,
            plain,
            Memo{MemoId(8), MemoTarget::coding, 30, "Why", "because", "sam", "2026-01-02T03:04:07Z", 2},
            Theme{ThemeId(5), ThemeId(4), "Readiness", "about time", 1, {CodeId(12), CodeId(13)}, 3}};
}

}  // namespace

TEST_CASE("every row kind goes to cells and back unchanged, one cell per column", "[store][rows]") {
    for (const Row& row : sample_rows()) {
        INFO(describe(row));
        const auto& info = store::row_kind_info(kind_of(row));
        const Cells cells = store::to_cells(row);
        REQUIRE(cells.size() == info.columns.size());
        const CellsRow read(cells);
        const Row back = std::visit([&](const auto& r) -> Row {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, Document>) return store::document_from(read);
            else if constexpr (std::is_same_v<T, Case>) return store::case_from(read);
            else if constexpr (std::is_same_v<T, Attribute>) return store::attribute_from(read);
            else if constexpr (std::is_same_v<T, AttributeValue>) return store::attribute_value_from(read);
            else if constexpr (std::is_same_v<T, Code>) return store::code_from(read);
            else if constexpr (std::is_same_v<T, Coding>) return store::coding_from(read);
            else if constexpr (std::is_same_v<T, Memo>) return store::memo_from(read);
            else {
                Theme t = store::theme_from(read);
                t.codes = std::get<Theme>(row).codes;  // theme_codes: checked below
                return t;
            }
        }, row);
        CHECK(back == row);
        CHECK(store::key_cells(row) == Cells(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(info.key_size)));
    }
}

TEST_CASE("a document's turns and a theme's codes have rows of their own", "[store][rows]") {
    Document d;
    d.id = DocumentId(7);
    d.turns = {{{CodePoint(0), CodePoint(10)}, {CodePoint(4), CodePoint(10)}, "Ana", false, 1.5, 4.25},
               {{CodePoint(10), CodePoint(20)}, {CodePoint(14), CodePoint(20)}, "Int", true, std::nullopt, std::nullopt}};
    const auto turns = store::turn_cells(d);
    REQUIRE(turns.size() == 2);
    CHECK(turns[1] == Cells{std::int64_t{7}, std::int64_t{1}, std::int64_t{10}, std::int64_t{20}, std::int64_t{14},
                            std::int64_t{20}, std::string("Int"), std::int64_t{1}, Cell(), Cell()});
    for (std::size_t i = 0; i < turns.size(); ++i) {
        REQUIRE(turns[i].size() == store::turn_columns().columns.size());
        CHECK(store::turn_from(CellsRow(turns[i])) == d.turns[i]);
    }
    Theme t;
    t.id = ThemeId(5);
    t.codes = {CodeId(12), CodeId(3)};
    CHECK(store::theme_code_cells(t) == std::vector<Cells>{{std::int64_t{5}, std::int64_t{12}, std::int64_t{0}},
                                                           {std::int64_t{5}, std::int64_t{3}, std::int64_t{1}}});
}

TEST_CASE("both stores' statements are built from the columns", "[store][rows]") {
    const auto& values = store::row_kind_info(RowKind::attribute_value);
    CHECK(std::string(values.table) == "attribute_values");
    CHECK(values.upsert() ==
          "INSERT INTO attribute_values(case_id, attribute_id, value, version) VALUES(?,?,?,?) "
          "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value=excluded.value, version=excluded.version");
    CHECK(values.key_condition() == " WHERE case_id = ? AND attribute_id = ?");
    const auto& codings = store::row_kind_info(RowKind::coding);
    CHECK(codings.select("c") ==
          "SELECT c.id, c.document_id, c.start, c.\"end\", c.code_id, c.coder, c.created, c.tag_override, c.pinned, "
          "c.version FROM codings c ");
    CHECK(codings.key_condition() == " WHERE id = ?");
    CHECK(store::theme_code_columns().insert() == "INSERT INTO theme_codes(theme_id, code_id, position) VALUES(?,?,?)");
    for (auto kind : {RowKind::document, RowKind::case_, RowKind::attribute, RowKind::attribute_value, RowKind::code,
                      RowKind::coding, RowKind::memo, RowKind::theme}) {
        CHECK(store::row_kind_info(kind).kind == kind);
    }
}
