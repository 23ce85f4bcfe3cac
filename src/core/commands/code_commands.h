// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Commands on the code tree: create, edit, rename, move, merge, split, delete, tag.
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"

namespace comb::core {

// The editable descriptive fields of a code; absent fields stay as they are.
struct CodeFields {
    std::optional<std::string> colour, definition, inclusion, exclusion, example;
    std::optional<bool> inductive;
    std::optional<bool> codable;
};

// Creates the code at `path` (and missing parents), or edits its fields if it exists.
class DefineCode : public Command {
public:
    DefineCode(std::string path, CodeFields fields) : path_(std::move(path)), fields_(std::move(fields)) {}
    std::string label() const override { return "Define code " + path_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_;
    CodeFields fields_;
};

class RenameCode : public Command {
public:
    RenameCode(std::string path, std::string new_name) : path_(std::move(path)), name_(std::move(new_name)) {}
    std::string label() const override { return "Rename code " + path_ + " to " + name_; }
    // Throws InputError if a sibling already has the new name.
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_, name_;
};

// Moves a code (with its children) under another parent, or to the top level.
class MoveCode : public Command {
public:
    MoveCode(std::string path, std::optional<std::string> new_parent)
        : path_(std::move(path)), parent_(std::move(new_parent)) {}
    std::string label() const override { return "Move code " + path_; }
    // Throws InputError when moving a code under itself or next to a namesake.
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_;
    std::optional<std::string> parent_;
};

// Moves the codings, children, theme memberships and memos of `source` to `target` and
// deletes `source`. Codings that would duplicate one of `target` are dropped.
class MergeCodes : public Command {
public:
    MergeCodes(std::string source, std::string target) : source_(std::move(source)), target_(std::move(target)) {}
    std::string label() const override { return "Merge code " + source_ + " into " + target_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string source_, target_;
};

// Moves the given codings of `path` to a new (or existing) code `new_path`.
class SplitCode : public Command {
public:
    SplitCode(std::string path, std::string new_path, std::vector<CodingId> codings)
        : path_(std::move(path)), new_path_(std::move(new_path)), codings_(std::move(codings)) {}
    std::string label() const override { return "Split " + new_path_ + " from " + path_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_, new_path_;
    std::vector<CodingId> codings_;
};

// Deletes a code with its children, their codings, memos and theme memberships.
class DeleteCode : public Command {
public:
    explicit DeleteCode(std::string path) : path_(std::move(path)) {}
    std::string label() const override { return "Delete code " + path_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_;
};

// Which tag dimensions to replace; absent ones are kept.
struct TagPatch {
    std::optional<std::vector<ComB>> comb;
    std::optional<std::vector<std::string>> tdf;
    std::optional<std::optional<LevelTag>> level;
    std::optional<std::optional<Valence>> valence;
    TagSet applied_to(TagSet tags) const;
};

class TagCode : public Command {
public:
    TagCode(std::string path, TagPatch patch) : path_(std::move(path)), patch_(std::move(patch)) {}
    std::string label() const override { return "Tag code " + path_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string path_;
    TagPatch patch_;
};

}  // namespace comb::core
