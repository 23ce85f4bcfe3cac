// SPDX-License-Identifier: GPL-3.0-or-later
// One client of the concurrency test (test_concurrency.cpp), a process as a colleague's
// comb-gui would be: one connection for its whole life.
// Usage: comb_pg_client URI K CLIENTS TOTAL DOCS
// Codes its share of TOTAL codings (global number g = K, K + CLIENTS, ...: document g % DOCS,
// span [3 (g / DOCS), +2)), four a command (code C(command % 5)). Every 8 commands it renames
// the code "Shared*" and edits the memo "race" from a view read 2 commands earlier, so edits
// race with the other clients' and many are stale. Prints "codings N", "renames OK REFUSED",
// "memos OK REFUSED", then marks itself done (setting done:K), waits until every client is done and prints
// "hash H" of what it sees (codes, codings, memos).
#include <chrono>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/memo_commands.h"
#include "core/error.h"
#include "core/project.h"
#include "store_pg/open_store.h"

using namespace comb;

namespace {

std::string listing_hash(const core::Repository& repo) {
    std::ostringstream s;
    for (const auto& c : repo.codes()) s << c.id.value << ' ' << c.name << ' ' << c.version << '\n';
    for (const auto& c : repo.codings()) s << c.id.value << ' ' << c.document.value << ' ' << c.span.start.value << ' ' << c.code.value << ' ' << c.coder << '\n';
    for (const auto& m : repo.memos()) s << m.id.value << ' ' << m.text << ' ' << m.version << '\n';
    return std::to_string(std::hash<std::string>{}(s.str()));
}

struct Seen {
    core::Code code;
    core::Memo memo;
};

Seen look(const core::Repository& repo) {
    Seen s;
    for (const auto& c : repo.codes()) if (c.name.starts_with("Shared")) s.code = c;
    for (const auto& m : repo.memos()) if (m.title == "race") s.memo = m;
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) return 2;
    const std::string uri = argv[1];
    const int k = std::stoi(argv[2]), clients = std::stoi(argv[3]), total = std::stoi(argv[4]), docs = std::stoi(argv[5]);
    auto repo = store::open_store(uri);
    core::Project p(*repo, "client " + std::to_string(k));
    int codings = 0, renames_ok = 0, renames_refused = 0, memos_ok = 0, memos_refused = 0;
    std::optional<Seen> seen;
    int n = 0;  // commands
    for (int g = k; g < total; ++n) {
        // Four codings a command (a selection of several passages), on four documents.
        std::vector<core::CodingTarget> targets;
        for (int i = 0; i < 4 && g < total; ++i, g += clients) {
            const std::int64_t start = 3 * (g / docs);
            targets.push_back({core::DocumentId(1 + g % docs), {core::CodePoint(start), core::CodePoint(start + 2)}});
        }
        const auto count = static_cast<int>(targets.size());
        p.execute(core::ApplyCodings(std::move(targets), "C" + std::to_string(n % 5), ""));
        codings += count;
        if (n % 8 == 6) seen = look(*repo);
        if (n % 8 == 0 && seen) {
            core::RenameCode rename(seen->code.name, "Shared " + std::to_string(k) + "." + std::to_string(n));
            rename.expect(seen->code);
            try { p.execute(rename); ++renames_ok; } catch (const core::ConflictError&) { ++renames_refused; }
            core::EditMemo edit(seen->memo.id, std::nullopt, "client " + std::to_string(k) + " at " + std::to_string(n));
            edit.expect(seen->memo);
            try { p.execute(edit); ++memos_ok; } catch (const core::ConflictError&) { ++memos_refused; }
            seen.reset();
        }
    }
    std::cout << "codings " << codings << "\nrenames " << renames_ok << " " << renames_refused << "\nmemos " << memos_ok << " "
              << memos_refused << "\n" << std::flush;
    {  // says it has written its last change, after all of them
        auto tx = repo->begin("done");
        repo->set_setting("done:" + std::to_string(k), "1");
        tx->commit();
    }
    const auto all_done = [&] {
        for (int i = 0; i < clients; ++i) if (!repo->setting("done:" + std::to_string(i))) return false;
        return true;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!all_done() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::cout << "hash " << listing_hash(*repo) << "\n" << std::flush;
    return 0;
}
