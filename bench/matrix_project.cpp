// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix_project.h"

#include <random>
#include <string>
#include <vector>

#include "core/commands/code_commands.h"
#include "core/commands/import_documents.h"
#include "core/project.h"
#include "store/connection.h"
#include "store/project_file.h"

namespace comb::bench {

void generate_matrix_project(const std::filesystem::path& path, std::int64_t n_codings) {
    auto file = store::ProjectFile::create(path);
    core::Project project(*file, [] { return std::string("2025-01-01T00:00:00Z"); });
    std::mt19937_64 rng(42);
    constexpr int kDocs = 2000, kTurns = 40, kTurnChars = 500, kCodes = 200;
    std::vector<core::NewDocument> docs;
    for (int d = 0; d < kDocs; ++d) {
        core::NewDocument nd;
        nd.name = "D" + std::to_string(d);
        nd.case_name = "P" + std::to_string(d % 300);
        for (int t = 0; t < kTurns; ++t) {
            const std::int64_t at = static_cast<std::int64_t>(nd.text.size());
            const bool interviewer = t % 2 == 0;
            std::string label = interviewer ? "Interviewer: " : "P: ";
            std::string body(kTurnChars - label.size() - 1, 'a' + static_cast<char>(t % 26));
            nd.text += label + body + "\n";
            core::Turn turn;
            turn.span = {core::CodePoint(at), core::CodePoint(at + kTurnChars - 1)};
            turn.body = {core::CodePoint(at + static_cast<std::int64_t>(label.size())), turn.span.end};
            turn.speaker = interviewer ? "Interviewer" : "P";
            turn.is_interviewer = interviewer;
            nd.turns.push_back(turn);
        }
        nd.hash = nd.name;
        docs.push_back(std::move(nd));
    }
    project.execute(core::ImportDocuments(std::move(docs)));
    const char* actors[] = {"", "trainer", "agent"};
    for (int c = 0; c < kCodes; ++c) {
        const std::string p = "Group " + std::to_string(c / 20) + "/Code " + std::to_string(c);
        core::TagPatch patch;
        patch.comb = std::vector<core::ComB>{core::kAllComB[c % 6]};
        if (c % 3 == 0) patch.comb->push_back(core::kAllComB[(c / 6) % 6]);
        const auto level = core::kAllLevels[c % 3];
        patch.level = core::LevelTag{level, level == core::Level::individual ? actors[c % 3 == 2 ? 1 + (c / 3) % 2 : 0] : ""};
        patch.valence = core::kAllValences[(c / 3) % 4];
        project.execute(core::DefineCode(p, {}));
        project.execute(core::TagCode(p, patch));
    }
    const auto codes = file->codes();
    std::vector<std::int64_t> leaf_ids;
    for (const auto& c : codes) if (c.parent) leaf_ids.push_back(c.id.value);
    const auto documents = file->documents();
    // The million codings go in with one prepared statement in one transaction: the bench
    // measures counting, not the command layer.
    auto& db = file->connection();
    db.exec("BEGIN");
    store::Statement ins(db, "INSERT INTO codings(document_id, start, \"end\", code_id, coder, created, tag_override, pinned) "
                             "VALUES(?, ?, ?, ?, 'bench', '2025-01-01T00:00:00Z', ?, 0)");
    for (std::int64_t i = 0; i < n_codings; ++i) {
        const auto& d = documents[static_cast<std::size_t>(rng() % documents.size())];
        const std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(d.chars - 200));
        ins.bind(1, d.id.value).bind(2, start).bind(3, start + 20 + static_cast<std::int64_t>(rng() % 150));
        ins.bind(4, leaf_ids[static_cast<std::size_t>(rng() % leaf_ids.size())]);
        if (i % 50 == 0) ins.bind(5, std::string("comb=M.Au; level=individual:agent; valence=facilitator"));
        else ins.bind(5, std::nullopt);
        ins.run();
        ins.reset();
    }
    db.exec("COMMIT");
}


}  // namespace comb::bench
