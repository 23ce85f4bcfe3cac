// SPDX-License-Identifier: GPL-3.0-or-later
// Project::catch_up on a shared project: a client hears what others committed on the server,
// entry by entry with who and what, never its own actions; NOTIFY carries the change id.
#include <catch2/catch.hpp>

#include "core/commands/coding_commands.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_listener.h"
#include "support/store_builders.h"

using namespace comb;

namespace {

// Another client: its own connection and Project, recording what it hears.
struct Client {
    std::unique_ptr<core::Repository> repo;
    std::unique_ptr<core::Project> project;
    std::vector<core::ProjectChanged::Cause> causes;
    std::vector<std::string> labels, whos;
    core::Subscription sub;

    Client(const std::string& uri, const std::string& coder)
        : repo(store::open_store(uri)), project(std::make_unique<core::Project>(*repo, coder)) {
        sub = project->changed().subscribe([this](const core::ProjectChanged& e) {
            causes.push_back(e.cause);
            labels.push_back(e.label);
            whos.push_back(e.who);
        });
    }
};

core::Span span(std::int64_t a, std::int64_t b) { return {core::CodePoint(a), core::CodePoint(b)}; }

}  // namespace

TEST_CASE("a client catches up with others' commits on the server, not its own", "[shared][pg][catch_up]") {
    const auto server = test::pg_server_uri();
    if (!server) { WARN(test::kNoPgServer); return; }
    test::PgBuilder b(*server);
    b.project().set_coder("Alex");
    const auto doc = b.add_document("P1", "P1: alpha beta gamma delta\n", "P1");
    Client sam(b.uri(), "Sam");
    store::PgListener listener(b.uri());
    CHECK(sam.project->catch_up() == 0);

    b.code(doc, "alpha", "A");
    b.code(doc, "beta", "B");
    // NOTIFY carries each change id (the history seq), in commit order.
    std::vector<std::int64_t> heard;
    for (int i = 0; i < 10 && heard.size() < 2; ++i) {
        const auto h = listener.wait(std::chrono::milliseconds(500));
        heard.insert(heard.end(), h.changes.begin(), h.changes.end());
    }
    CHECK(heard == std::vector<std::int64_t>{2, 3});
    REQUIRE(sam.project->catch_up() == 2);
    CHECK(sam.causes == std::vector{core::ProjectChanged::Cause::external, core::ProjectChanged::Cause::external});
    CHECK(sam.labels == std::vector<std::string>{"Code passage as A", "Code passage as B"});
    CHECK(sam.whos == std::vector<std::string>{"Alex", "Alex"});
    CHECK(sam.project->catch_up() == 0);

    // Sam's own action is not replayed; Alex's undo is, with who.
    sam.project->execute(core::ApplyCodings({{doc, span(21, 26)}}, "Mine", ""));
    CHECK(sam.project->catch_up() == 0);
    b.project().undo();
    REQUIRE(sam.project->catch_up() == 1);
    CHECK(sam.labels.back() == "Undo: Code passage as B");
    CHECK(sam.whos.back() == "Alex");
    CHECK(sam.repo->codings().size() == 2);
}
