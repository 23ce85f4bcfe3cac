// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Memos on the project, documents, codes, codings, cases and themes.
#include <optional>
#include <string>

#include "core/command.h"

namespace comb::core {

class AddMemo : public Command {
public:
    explicit AddMemo(Memo memo) : memo_(std::move(memo)) {}
    std::string label() const override { return "Add memo"; }
    ChangeSet plan(Repository& repo) const override;

private:
    Memo memo_;  // id is assigned when planned
};

class EditMemo : public Command {
public:
    EditMemo(MemoId id, std::optional<std::string> title, std::optional<std::string> text)
        : id_(id), title_(std::move(title)), text_(std::move(text)) {}
    std::string label() const override { return "Edit memo"; }
    ChangeSet plan(Repository& repo) const override;

private:
    MemoId id_;
    std::optional<std::string> title_, text_;
};

class DeleteMemo : public Command {
public:
    explicit DeleteMemo(MemoId id) : id_(id) {}
    std::string label() const override { return "Delete memo"; }
    ChangeSet plan(Repository& repo) const override;

private:
    MemoId id_;
};

}  // namespace comb::core
