// SPDX-License-Identifier: GPL-3.0-or-later
// Merging coders' copies (issue 15): a coded sample from the shared corpus split into two
// one-coder copies merges back to exactly the original codings, from a .comb and from a
// .qdpx; merging twice changes nothing; A+B equals B+A; undo restores; a backup comes first;
// conflicts keep both sides and are reported.
#include <catch2/catch.hpp>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/project.h"
#include "refi/import_project.h"
#include "refi/merge_project.h"
#include "refi/qdpx_reader.h"
#include "refi_support.h"
#include "store/backup.h"
#include "store/project_file.h"
#include "support/project_builder.h"

using namespace comb;
using namespace comb::test;

namespace {

const char* kSecond = "Second Coder";
std::string clock_time() { return "2026-12-03T08:00:00Z"; }

fs::path sample() { return refi_dir() / "samples" / "qualcoder4-mecc-interviews-coded.qdpx"; }

// Changes a coding's coder, as if a second coder had made it (no command does that).
class Reassign : public core::Command {
public:
    explicit Reassign(bool odd) : odd_(odd) {}
    std::string label() const override { return "give half to a second coder"; }
    core::ChangeSet plan(core::Repository& repo) const override {
        core::ChangeSet changes;
        std::size_t i = 0;
        for (const auto& c : repo.codings()) {
            if ((i++ % 2 == 1) != odd_) continue;
            core::Coding after = c;
            after.coder = kSecond;
            changes.update(c, after);
        }
        return changes;
    }

private:
    bool odd_;
};

// The codings of one coder removed, in the file at `path`.
void keep_only(const fs::path& path, const std::string& coder) {
    auto file = store::ProjectFile::open(path);
    core::Project p(*file, clock_time);
    std::vector<core::CodingId> drop;
    for (const auto& c : file->codings()) if (c.coder != coder) drop.push_back(c.id);
    p.execute(core::RemoveCodings(drop));
}

refi::MergeReport merge(const fs::path& into, const fs::path& other, core::ChangeSet* applied = nullptr) {
    auto file = store::ProjectFile::open(into);
    core::Project p(*file, clock_time);
    refi::RefiProject in;
    if (other.extension() == ".qdpx") {
        in = refi::read_qdpx(other);
    } else {
        auto o = store::ProjectFile::open(other);
        in = refi::project_as_refi(*o, other.string());
    }
    refi::MergeProject cmd(std::move(in));
    const auto changes = p.execute(cmd);
    if (applied) *applied = changes;
    return cmd.report();
}

void add_code_memo(core::Project& p, std::int64_t code, const std::string& text) {
    core::Memo m;
    m.target = core::MemoTarget::code;
    m.target_id = code;
    m.text = text;
    p.execute(core::AddMemo(m));
}

Content content_of(const fs::path& path) { return content(*store::ProjectFile::open(path)); }

// The sample imported, half its codings given to a second coder; then copies A (the
// original coder's codings only) and B (the second coder's only).
struct Split {
    TempDir dir;
    fs::path orig = dir / "orig.comb", a = dir / "a.comb", b = dir / "b.comb";
    std::string first_coder;
    Split() {
        {
            auto file = store::ProjectFile::create(orig);
            core::Project p(*file, clock_time);
            p.execute(refi::ImportProject(refi::read_qdpx(sample()), "import"));
            first_coder = file->codings().front().coder;
            p.execute(Reassign(true));
        }
        fs::copy_file(orig, a);
        fs::copy_file(orig, b);
        keep_only(a, first_coder);
        keep_only(b, kSecond);
    }
};

}  // namespace

TEST_CASE("merge: two one-coder copies of a real sample merge back to exactly the original codings", "[refi][merge]") {
    if (!have_shared()) {
        WARN("shared corpus absent: " << refi_dir());
        return;
    }
    Split s;
    const auto original = content_of(s.orig);
    REQUIRE(original.codings.size() == 34);
    CHECK(content_of(s.a).codings.size() == 17);
    CHECK(content_of(s.b).codings.size() == 17);

    const auto report = merge(s.a, s.b);
    CHECK(report.codings_added == 17);
    CHECK(report.codings_present == 0);
    CHECK(report.documents_matched == 4);
    CHECK(report.documents_added == 0);
    CHECK(report.codes_added == 0);
    CHECK(report.issues.empty());
    const auto merged = content_of(s.a);
    CHECK(merged.codings == original.codings);
    CHECK(merged.documents == original.documents);
    CHECK(merged.codes == original.codes);
    CHECK(merged.memos == original.memos);

    SECTION("merging the same copy twice changes nothing") {
        core::ChangeSet again;
        const auto second = merge(s.a, s.b, &again);
        CHECK(again.empty());
        CHECK(second.codings_added == 0);
        CHECK(second.codings_present == 17);
        CHECK(second.changes_nothing());
        CHECK(content_of(s.a) == merged);
    }
    SECTION("A+B equals B+A") {
        merge(s.b, s.a);
        const auto other_way = content_of(s.b);
        CHECK(other_way.codings == merged.codings);
        CHECK(other_way.codes == merged.codes);
        CHECK(other_way.memos == merged.memos);
    }
    SECTION("undo restores the copy as it was") {
        auto file = store::ProjectFile::open(s.a);
        core::Project p(*file, clock_time);
        CHECK(p.undo_label() == "Merge b.comb");
        p.undo();
        CHECK(content(*file).codings.size() == 17);
        for (const auto& c : file->codings()) CHECK(c.coder == s.first_coder);
    }
}

TEST_CASE("merge: a .qdpx from another coder brings in that coder's codings", "[refi][merge]") {
    if (!have_shared()) {
        WARN("shared corpus absent: " << refi_dir());
        return;
    }
    Split s;
    // B holds the second coder's codings; the sample file holds the first coder's (all 34,
    // of which 17 are in B under the second coder's name: different coder, so not the same).
    const auto report = merge(s.b, sample());
    CHECK(report.codings_added == 34);
    CHECK(report.documents_matched == 4);
    CHECK(report.codes_matched == 10);
    const auto merged = content_of(s.b);
    CHECK(merged.codings.size() == 51);
    std::map<std::string, int> by_coder;
    for (const auto& c : merged.codings) ++by_coder[std::get<4>(c)];
    CHECK(by_coder[s.first_coder] == 34);
    CHECK(by_coder[kSecond] == 17);
    core::ChangeSet again;
    merge(s.b, sample(), &again);
    CHECK(again.empty());
}

TEST_CASE("merge: conflicts keep both sides and are reported", "[refi][merge]") {
    TempDir dir;
    const fs::path ours = dir / "ours.comb", theirs = dir / "theirs.comb";
    {
        ProjectBuilder b;
        b.add_document("P1", "P1: Time is short. Money too.\n");
        b.add_document("P2", "P2: Same name, other text.\n");
        b.code(core::DocumentId(1), "Time is short.", "Time/No time");
        add_code_memo(b.project(), 2, "ours");
        b.file().connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        fs::copy_file(b.path(), ours);
        fs::copy_file(b.path(), theirs);
    }
    {
        auto file = store::ProjectFile::open(theirs);
        core::Project p(*file, clock_time);
        p.execute(core::RenameCode("Time/No time", "Lack of time"));
        add_code_memo(p, 2, "theirs");
        p.execute(core::ApplyCodings({{core::DocumentId(1), {core::CodePoint(19), core::CodePoint(29)}}}, "Money", "bea"));
        // P2's text differs in their copy: an edited transcript under the same name.
        auto doc = *file->find_document(core::DocumentId(2));
        p.execute(core::ImportDocuments({{"P3", "P3: New here.\n", "h3", {}, {}, {}, std::nullopt, {}, {}}}));
        auto tx = file->begin("edit");
        auto edited = doc;
        edited.text_id = file->add_text("P2: Other words entirely.\n", "h2b");
        edited.chars = 26;
        file->update(doc, edited);
        tx->commit();
        p.execute(core::ApplyCodings({{core::DocumentId(2), {core::CodePoint(4), core::CodePoint(9)}}}, "Money", "bea"));
    }
    const auto report = merge(ours, theirs);
    CHECK(report.documents_added == 1);
    CHECK(report.documents_matched == 1);
    CHECK(report.documents_skipped == 1);
    CHECK(report.codings_added == 1);    // Money in P1; P2's is left out with its document
    CHECK(report.codings_skipped == 1);
    std::map<std::string, refi::MergeIssue> issues;
    for (const auto& i : report.issues) issues[i.kind] = i;
    REQUIRE(issues.count("document_differs"));
    CHECK(issues["document_differs"].item == "P2");
    REQUIRE(issues.count("code_renamed"));
    CHECK(issues["code_renamed"].ours == "No time");
    CHECK(issues["code_renamed"].theirs == "Lack of time");
    REQUIRE(issues.count("memo_conflict"));
    CHECK(issues["memo_conflict"].ours == "ours");
    CHECK(issues["memo_conflict"].theirs == "theirs");
    const auto merged = content_of(ours);
    // Both memos on the code, and a note of the other name.
    std::vector<std::string> code_memos;
    for (const auto& m : merged.memos) if (std::get<0>(m) == "code Time/No time") code_memos.push_back(std::get<2>(m));
    CHECK(code_memos.size() == 3);
    CHECK(std::count(code_memos.begin(), code_memos.end(), "theirs") == 1);
    CHECK(std::count(code_memos.begin(), code_memos.end(), "ours") == 1);
}

TEST_CASE("merge: a backup of the project is made first with SQLite's backup API", "[refi][merge][store]") {
    ProjectBuilder b;
    b.add_document("P1", "P1: Time is short.\n");
    b.code(core::DocumentId(1), "Time is short.", "Time");
    const auto copy = store::backup_project(b.file(), "merge", "2026-12-03T08:00:00Z");
    CHECK(copy == b.dir() / "test.comb-backups" / "test-20261203T080000Z-merge.comb");
    CHECK(content(*store::ProjectFile::open(copy)) == content(b.file()));
    const auto second = store::backup_project(b.file(), "merge", "2026-12-03T08:00:00Z");
    CHECK(second.filename() == "test-20261203T080000Z-merge-2.comb");
}
