// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The builder of small test projects that works on any Repository, through core commands:
// ProjectBuilder (project_builder.h) over a temporary project file, MemoryBuilder over a
// core::MemoryRepository for core tests that need no SQLite.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "core/memory_repository.h"
#include "core/project.h"
#include "core/utf8.h"

namespace comb::test {

// The part of a builder that works on any Repository, through core commands.
class CommandBuilder {
public:
    core::Project& project() { return *project_; }
    core::Repository& repo() { return project_->repo(); }

    // Adds a document; lines "Name: text" become turns ("Interviewer" marked as interviewer).
    core::DocumentId add_document(const std::string& name, const std::string& text,
                                  std::optional<std::string> case_name = std::nullopt) {
        core::NewDocument d;
        d.name = name;
        d.text = text;
        d.hash = name + "#" + std::to_string(text.size());
        d.case_name = std::move(case_name);
        d.turns = turns_of(text);
        project_->execute(core::ImportDocuments({d}));
        return repo().documents().back().id;
    }

    // Codes the first occurrence of `quote` in the document with `code`.
    core::CodingId code(core::DocumentId doc, const std::string& quote, const std::string& code) {
        const std::string text = repo().text(repo().find_document(doc)->text_id);
        const auto at = text.find(quote);
        if (at == std::string::npos) throw std::logic_error("quote not in document: " + quote);
        const auto start = core::utf8::to_code_point(text, at);
        const core::Span span{start, core::CodePoint(start.value + core::utf8::length(quote))};
        const auto changes = project_->execute(core::ApplyCodings({{doc, span}}, code, "tester"));
        for (const auto& c : changes.changes) {
            if (const auto* coding = std::get_if<core::Coding>(&*c.after)) return coding->id;
        }
        throw std::logic_error("nothing coded");
    }

    static std::vector<core::Turn> turns_of(const std::string& text) {
        std::vector<core::Turn> turns;
        std::size_t line_start = 0;
        while (line_start < text.size()) {
            auto line_end = text.find('\n', line_start);
            if (line_end == std::string::npos) line_end = text.size();
            const auto colon = text.find(": ", line_start);
            if (colon != std::string::npos && colon < line_end) {
                core::Turn t;
                t.speaker = text.substr(line_start, colon - line_start);
                t.is_interviewer = t.speaker == "Interviewer";
                const auto cp = [&](std::size_t b) { return core::utf8::to_code_point(text, b); };
                t.span = {cp(line_start), cp(line_end)};
                t.body = {cp(colon + 2), cp(line_end)};
                turns.push_back(t);
            }
            line_start = line_end + 1;
        }
        return turns;
    }

protected:
    static std::string fixed_clock() { return "2025-01-01T00:00:00Z"; }
    std::unique_ptr<core::Project> project_;  // set by the derived builder
};

// A builder over a MemoryRepository.
class MemoryBuilder : public CommandBuilder {
public:
    MemoryBuilder() { project_ = std::make_unique<core::Project>(repo_, fixed_clock); }
    core::MemoryRepository& memory() { return repo_; }

private:
    core::MemoryRepository repo_;
};

}  // namespace comb::test
