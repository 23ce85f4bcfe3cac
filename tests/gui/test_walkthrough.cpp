// SPDX-License-Identifier: GPL-3.0-or-later
// The walk-through, on the bundled example's real transcripts, all in the window:
// a new project, import the nine interviews (worker thread), code passages (in-vivo, then
// Ctrl+E's command), tag the code with COM-B, level and valence in the code editor, search and
// jump to a hit, open the matrix cell's quotes, make a theme and export the theme table.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/stc/stc.h>

#include "core/utf8.h"
#include "gui/code_editor.h"
#include "gui/command_ids.h"
#include "gui/matrix_view.h"
#include "gui/search_filters.h"
#include "gui/search_view.h"
#include "gui/theme_panel.h"
#include "gui_harness.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

const std::filesystem::path kExample = std::filesystem::path(COMB_TESTS_DIR) / ".." / "examples" / "mecc";

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The span of `quote` in the open transcript's text.
core::Span span_in(gui::TranscriptView& view, const std::string& quote) {
    const std::string text = gui::from_wx(view.control().GetText());
    const auto at = text.find(quote);
    REQUIRE(at != std::string::npos);
    const auto start = core::utf8::to_code_point(text, at);
    return {start, core::CodePoint(start.value + core::utf8::length(quote))};
}

}  // namespace

TEST_CASE("walk-through on the example: import, code, tag, search, matrix, theme table", "[gui][walkthrough]") {
    Fixture f;
    auto& wb = f.frame->workbench();
    const auto project = f.builder.dir() / "mecc.comb";
    wb.create(project);  // what File > New project does after its file dialog
    pump(50);

    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(kExample))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 9);
    f.frame->import_files(files);
    REQUIRE(pump_until([&] { return !f.frame->is_importing(); }, 30000));
    REQUIRE(f.errors.empty());
    const auto docs = wb.repo().documents();
    REQUIRE(docs.size() == 9);
    CHECK(docs[3].name == "P04-trainer");

    // Code a passage of P04 in vivo, then a passage of P06 with the same code.
    wb.show_document(docs[3].id);
    pump(50);
    auto& view = f.view();
    const auto first = span_in(view, "Standing up in front of twenty nurses");
    view.select(first);
    f.command(gui::kIdInVivo);
    const auto code = f.model().tree().find_path("Standing up in front of twenty nurses");
    REQUIRE(code);
    CHECK(f.model().codings_count(*code) == 1);
    CHECK(view.stripes().size() == 1);
    CHECK(view.highlight_at(first.start) == f.model().tree().code(*code).colour);

    wb.show_document(docs[5].id);
    pump(50);
    const auto second = span_in(view, "If I'm confident about where to send someone, I'm confident to ask.");
    view.select(second);
    f.command(gui::kIdCodeSelection);
    CHECK(f.model().codings_count(*code) == 2);
    CHECK(f.model().cases_count(*code) == 2);
    f.command(wxID_UNDO);
    CHECK(f.model().codings_count(*code) == 1);
    f.command(wxID_REDO);
    CHECK(f.model().codings_count(*code) == 2);

    // Tag the code: C.Ps, individual:trainer... as an NVivo user would, in the editor.
    wb.select_code(*code);
    pump(50);
    auto& editor = f.frame->editor();
    editor.comb().Check(1, true);     // C.Ps
    editor.level().SetSelection(3);   // individual
    editor.valence().SetSelection(1); // barrier
    editor.commit_tags();
    pump(50);
    CHECK(core::CodeTree(wb.repo().codes()).code(*code).tags.to_string() == "comb=C.Ps; level=individual; valence=barrier");

    // Search, filtered to the code's COM-B component, and jump to the hit.
    auto& search = f.frame->search();
    REQUIRE(pump_until([&] { return search.is_ready(); }, 30000));
    REQUIRE(search.search("nurses") >= 1);
    REQUIRE(search.filters().choose("comb", "C.Ps"));
    REQUIRE(search.search("nurses") == 1);
    search.open_hit(0);
    pump(50);
    CHECK(view.document() == docs[3].id);
    CHECK(view.selected_text().find("Standing up in front of twenty nurses") != std::string::npos);

    // The matrix: two barrier codings at C.Ps × individual, and the cell opens both quotes.
    auto& matrix = f.frame->matrix();
    matrix.set_axes("comb", "level");
    CHECK(matrix.matrix().at("C.Ps", "individual") == 2);
    const auto& rows = matrix.matrix().rows;
    const auto& cols = matrix.matrix().cols;
    const int r = static_cast<int>(std::find(rows.begin(), rows.end(), "C.Ps") - rows.begin());
    const int c = static_cast<int>(std::find(cols.begin(), cols.end(), "individual") - cols.begin());
    const auto quotes = matrix.cell_quotes(r, c);
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0].text == "Standing up in front of twenty nurses");
    CHECK(quotes[1].text == "If I'm confident about where to send someone, I'm confident to ask.");

    // A theme with the code, and the theme table written by the export (worker thread).
    auto& themes = f.frame->themes();
    REQUIRE(themes.new_theme("Trainer confidence", std::nullopt, "Standing up in front of a room"));
    REQUIRE(themes.add_selected_code());
    const auto table = f.builder.dir() / "theme-table.md";
    REQUIRE(f.frame->export_report(gui::kIdExportThemeTable, table));
    REQUIRE(pump_until([&] { return !f.frame->is_exporting(); }, 30000));
    CHECK(f.errors.empty());
    const auto md = read_file(table);
    CHECK(md.find("Trainer confidence") != std::string::npos);
    CHECK(md.find("Standing up in front of twenty nurses") != std::string::npos);
    CHECK(md.find("If I'm confident about where to send someone, I'm confident to ask.") != std::string::npos);
}
