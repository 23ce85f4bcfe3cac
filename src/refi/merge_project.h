// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Merging a colleague's copy of a project (another .comb, or a .qdpx from any tool) into the
// open project as one undoable command. Both arrive as a RefiProject (project_as_refi reads a
// Comb project into one), so one planner serves both.
// Items match by GUID, then by code path / document name (a document only when its text hash
// is the same: a document with the same name and other text is reported and its codings are
// left out, never silently attached). Codings are a set keyed by (document, code, coder,
// span): merging the same copy twice changes nothing, and A+B has the codings of B+A.
// Conflicts keep both sides and are listed in the report: a code named otherwise under one
// GUID (ours kept, theirs noted in a memo on the code), differing definitions (theirs as a
// memo), differing tags (COM-B and TDF united; a single level or valence kept as ours), two
// memos on one item (both kept), differing theme descriptions.
#include <string>
#include <vector>

#include "core/command.h"
#include "refi/refi_model.h"

namespace comb::refi {

struct MergeIssue {
    std::string kind;  // document_differs, code_renamed, definition_differs, tags_differ, memo_conflict, theme_differs
    std::string item;  // the document name, code path, memo target, theme name
    std::string ours, theirs;
};

struct MergeReport {
    std::string source;  // the file merged
    std::size_t documents_added = 0, documents_matched = 0, documents_skipped = 0;
    std::size_t codes_added = 0, codes_matched = 0, codes_updated = 0;
    std::size_t codings_added = 0, codings_present = 0, codings_skipped = 0;
    std::size_t memos_added = 0, memos_present = 0;
    std::size_t cases_added = 0, themes_added = 0, themes_updated = 0;
    std::vector<MergeIssue> issues;
    std::vector<std::string> warnings;  // from reading the file
    bool changes_nothing() const;
};

// The report as text: counts per kind of item, then each conflict on a line.
std::string report_text(const MergeReport& r);

// A Comb project's rows as a RefiProject: codes keep their GUIDs, documents their "guid"
// metadata (or one derived from the text hash), codings and memos stable derived GUIDs.
RefiProject project_as_refi(const core::Repository& repo, const std::string& path);

class MergeProject : public core::Command {
public:
    explicit MergeProject(RefiProject other) : other_(std::move(other)) {}
    std::string label() const override;
    // Never throws for conflicts (they go in the report). The report of the last plan():
    // Project::execute plans once, so after execute it describes what was merged.
    core::ChangeSet plan(core::Repository& repo) const override;
    const MergeReport& report() const { return report_; }
    // A colleague's work keeps its own attribution: a coding without a coder in their file
    // must not become the merger's.
    bool stamps_new_rows() const override { return false; }

private:
    RefiProject other_;
    mutable MergeReport report_;
};

}  // namespace comb::refi
