// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the .qdpx writer looks up more than once: the project's rows, the GUID each entity is
// exported with, and where each memo goes. An item's first memo goes into its <Description>
// (where other programs read memos); its other memos, and memos on targets that no longer
// exist (as project memos), become <Note>s.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/code_paths.h"
#include "core/repository.h"

namespace comb::refi {

std::string user_guid(const std::string& name);
std::string case_guid(const core::Case& c);
std::string memo_guid(const core::Memo& m);
std::string attribute_guid(const core::Attribute& a);
std::string coding_guid(const core::Coding& c, const std::string& doc_guid);
// The GUID of the note that shows a theme to programs that drop sets of codes (QualCoder).
std::string theme_note_guid(const core::Theme& t);

using MemoKey = std::pair<core::MemoTarget, std::int64_t>;  // target kind, target id (0: project)

struct Index {
    explicit Index(const core::Repository& repo);

    // The memo in the Description of this item, or null.
    const core::Memo* description_memo(core::MemoTarget t, std::int64_t id) const;
    // The memos of this item that become Notes (all but the first).
    std::vector<const core::Memo*> note_memos(core::MemoTarget t, std::int64_t id) const;
    // The memo's target as it is exported (a memo on a deleted item belongs to the project).
    MemoKey target_of(const core::Memo& m) const;
    // "code Barriers/Time", "document P01", ... for note names and messages.
    std::string target_name(const MemoKey& key) const;

    std::vector<core::Document> documents;
    std::vector<core::Case> cases;
    std::vector<core::Attribute> attributes;
    std::vector<core::AttributeValue> values;
    std::vector<core::Code> codes;
    std::vector<core::Coding> codings;
    std::vector<core::Memo> memos;
    std::vector<core::Theme> themes;
    core::CodeTree tree;
    std::map<core::DocumentId, std::string> doc_guid;
    std::map<core::CodeId, std::string> code_guid_of;
    std::map<core::CodingId, std::string> coding_guid_of;
    std::map<std::int64_t, std::string> case_guid_of;
    std::map<std::int64_t, std::string> theme_guid_of;
    std::map<std::int64_t, std::string> theme_name_of;
    // From the history: who imported each document (empty for entries older than schema 3), and
    // the first entry's coder and time (the project's creator and creation time).
    std::map<core::DocumentId, std::string> document_creator;
    std::string project_creator, project_created;

private:
    void read_history(const core::Repository& repo);

    std::map<MemoKey, std::vector<const core::Memo*>> memos_of_;
    std::map<std::int64_t, MemoKey> target_of_;  // memo id -> exported target
};

}  // namespace comb::refi
