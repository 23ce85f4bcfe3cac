// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builders over each store, for the tests every Repository must pass alike: "sqlite" (a
// temporary project file), "memory" and "postgresql" (a throw-away database on the test
// server; nullptr when there is no server, and the test says so and skips that half).
#include <memory>
#include <string>

#include "store_pg/pg_project.h"
#include "support/pg_server.h"
#include "support/project_builder.h"

namespace comb::test {

class PgBuilder : public CommandBuilder {
public:
    explicit PgBuilder(const std::string& server) : db_(server), pg_(store::PgProject::create(db_.uri())) {
        project_ = std::make_unique<core::Project>(*pg_, fixed_clock);
    }
    ~PgBuilder() { project_.reset(); pg_.reset(); }
    store::PgProject& pg() { return *pg_; }
    // One interview, for tests that open the project elsewhere (a window, a process).
    static void seed(core::Repository& repo) {
        core::Project p(repo, "seed", fixed_clock);
        core::NewDocument d;
        d.name = "P1";
        d.text = "P1: no time at all for training, and no money either\n";
        d.hash = "P1";
        d.case_name = "P1";
        d.turns = turns_of(d.text);
        p.execute(core::ImportDocuments({d}));
    }
    const std::string& uri() const { return db_.uri(); }
    void reopen() {
        project_.reset();
        pg_.reset();
        pg_ = store::PgProject::open(db_.uri());
        project_ = std::make_unique<core::Project>(*pg_, fixed_clock);
    }

private:
    PgDatabase db_;
    std::unique_ptr<store::PgProject> pg_;
};

inline std::unique_ptr<CommandBuilder> make_builder(const std::string& kind) {
    if (kind == "sqlite") return std::make_unique<ProjectBuilder>();
    if (kind == "memory") return std::make_unique<MemoryBuilder>();
    const auto server = pg_server_uri();
    if (!server) return nullptr;
    return std::make_unique<PgBuilder>(*server);
}

}  // namespace comb::test
