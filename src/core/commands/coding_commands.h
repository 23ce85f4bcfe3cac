// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Commands on codings: apply one or many (bulk, one undo step), remove, override tags, pin.
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"

namespace comb::core {

struct CodingTarget {
    DocumentId document;
    Span span;
};

// Codes each target with one code: an existing one by id, or one by path (created if new).
// Targets the same coder already coded with that code at the same span are skipped, so running
// a bulk code twice changes nothing; another coder's identical coding is double coding and does
// not count (issue 15). An empty `coder` leaves it to Project::execute, which also stamps the
// time (then only codings without a coder count as the same coder's: give the coder to keep a
// rerun idempotent).
class ApplyCodings : public Command {
public:
    ApplyCodings(std::vector<CodingTarget> targets, std::string code_path, std::string coder,
                 std::optional<std::string> memo = std::nullopt)
        : targets_(std::move(targets)), path_(std::move(code_path)), coder_(std::move(coder)), memo_(std::move(memo)) {}
    ApplyCodings(std::vector<CodingTarget> targets, CodeId code, std::string coder,
                 std::optional<std::string> memo = std::nullopt)
        : targets_(std::move(targets)), code_(code), coder_(std::move(coder)), memo_(std::move(memo)) {}
    // "Code passage as PATH"; for a code given by id, the path is known once plan() has run.
    std::string label() const override;
    // Throws InputError for an unknown code or document, a code that is not codable, or a
    // span outside the text or empty.
    ChangeSet plan(Repository& repo) const override;

private:
    std::vector<CodingTarget> targets_;
    std::optional<CodeId> code_;
    mutable std::string path_;  // given, or found by plan() for code_
    std::string coder_;
    std::optional<std::string> memo_;
};

class RemoveCodings : public Command {
public:
    explicit RemoveCodings(std::vector<CodingId> ids) : ids_(std::move(ids)) {}
    std::string label() const override;
    ChangeSet plan(Repository& repo) const override;

private:
    std::vector<CodingId> ids_;
};

// Replaces one coding's tag override (nullopt: inherit the code's tags again).
class TagCoding : public Command {
public:
    TagCoding(CodingId id, std::optional<TagSet> tags) : id_(id), tags_(std::move(tags)) {}
    std::string label() const override { return "Tag coding " + std::to_string(id_.value); }
    ChangeSet plan(Repository& repo) const override;

private:
    CodingId id_;
    std::optional<TagSet> tags_;
};

class PinCoding : public Command {
public:
    PinCoding(CodingId id, bool pinned) : id_(id), pinned_(pinned) {}
    std::string label() const override { return pinned_ ? "Pin quote" : "Unpin quote"; }
    ChangeSet plan(Repository& repo) const override;

private:
    CodingId id_;
    bool pinned_;
};

// The coding with this id (Repository::find_coding), or InputError.
Coding require_coding(const Repository& repo, CodingId id);

}  // namespace comb::core
