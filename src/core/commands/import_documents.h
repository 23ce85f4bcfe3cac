// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Importing documents (one file or a whole folder) is one command: all or nothing, undoable.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/command.h"

namespace comb::core {

struct NewDocument {
    std::string name;
    std::string text;  // UTF-8, NFC, LF
    std::string hash;  // content hash of the original file; refused if already imported
    std::vector<Span> paragraphs;
    std::vector<Turn> turns;
    std::map<std::string, std::string> metadata;
    std::optional<std::string> case_name;  // created if new
    std::vector<std::pair<std::string, std::string>> attributes;  // of the case
    std::vector<std::pair<Span, std::string>> memos;  // anchored document memos (e.g. Word comments)
};

class ImportDocuments : public Command {
public:
    explicit ImportDocuments(std::vector<NewDocument> docs) : docs_(std::move(docs)) {}
    std::string label() const override;
    // Throws InputError naming the existing document when a file's content was imported before.
    ChangeSet plan(Repository& repo) const override;

private:
    std::vector<NewDocument> docs_;
};

}  // namespace comb::core
