// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds small projects in code for tests: a temp project file, documents from strings,
// codings by quoted text. Everything goes through core commands, as a user's actions would.
#include <memory>
#include <string>
#include <vector>

#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "core/project.h"
#include "core/utf8.h"
#include "store/project_file.h"
#include "support/temp_dir.h"

namespace comb::test {

class ProjectBuilder {
public:
    ProjectBuilder() : file_(store::ProjectFile::create(dir_ / "test.comb")),
                       project_(std::make_unique<core::Project>(*file_, [] { return std::string("2025-01-01T00:00:00Z"); })) {}

    core::Project& project() { return *project_; }
    store::ProjectFile& file() { return *file_; }
    std::filesystem::path path() const { return dir_ / "test.comb"; }
    const TempDir& dir() const { return dir_; }

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
        return file_->documents().back().id;
    }

    // Codes the first occurrence of `quote` in the document with `code`.
    core::CodingId code(core::DocumentId doc, const std::string& quote, const std::string& code) {
        const std::string text = file_->text(file_->find_document(doc)->text_id);
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

    // Reopens the file, as a user quitting and starting again would.
    void reopen() {
        project_.reset();
        file_.reset();
        file_ = store::ProjectFile::open(dir_ / "test.comb");
        project_ = std::make_unique<core::Project>(*file_, [] { return std::string("2025-01-01T00:00:00Z"); });
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

private:
    TempDir dir_;
    std::unique_ptr<store::ProjectFile> file_;
    std::unique_ptr<core::Project> project_;
};

}  // namespace comb::test
