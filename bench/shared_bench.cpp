// SPDX-License-Identifier: GPL-3.0-or-later
// The shared project on PostgreSQL (issue 16), on loopback: one coding (a whole ApplyCodings
// command: transaction, checks, row, history entry, NOTIFY) p50/p95, and how long until another
// client hears of it (LISTEN on its own connection, as the workbench's listener thread does)
// and has read the coding (catch-up), p50/p95; and the workbench's own path: its listener
// thread (gui::ChangeListener, the same class the window runs) hears the NOTIFY and hands it to
// the "main thread" (here a queue the bench waits on, where the window uses CallAfter), which
// runs Project::catch_up, the window's catch-up: timed from the writer's commit to the
// catch-up having published the coding (ProjectChanged, Cause::external) — what the views
// then repaint from. The writer is another connection of this process, not another process.
//   comb_shared_bench URI [CODINGS]    (URI: a server's maintenance database; a database
//                                       comb_bench_shared is made afresh there)
//   scripts/pg-test-server.sh run bash -c 'build/bench/comb_shared_bench "$COMB_PG_URI"'
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "core/project.h"
#include "gui/change_listener.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_connection.h"
#include "store_pg/pg_listener.h"

using namespace comb;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void report(const char* what, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) { return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))]; };
    std::printf("%-44s n=%zu  p50 %.2f ms  p95 %.2f ms  max %.2f ms\n", what, v.size(), at(0.5), at(0.95), v.back());
}

std::string with_database(const std::string& uri, const std::string& db) {
    const auto host = uri.find("://") + 3;
    const auto slash = uri.find('/', host);
    const auto query = uri.find('?', host);
    std::string out = uri.substr(0, slash == std::string::npos ? std::min(query, uri.size()) : slash) + "/" + db;
    if (query != std::string::npos) out += uri.substr(query);
    return out;
}

// The window's main thread, reduced to a queue: the listener thread posts, the bench waits.
struct MainThread {
    std::mutex m;
    std::condition_variable cv;
    std::deque<gui::ChangeListener::Event> events;
    void post(gui::ChangeListener::Event e) {
        std::lock_guard lock(m);
        events.push_back(std::move(e));
        cv.notify_one();
    }
    // The next event, or nullopt after `timeout`.
    std::optional<gui::ChangeListener::Event> next(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m);
        if (!cv.wait_for(lock, timeout, [&] { return !events.empty(); })) return std::nullopt;
        auto e = std::move(events.front());
        events.pop_front();
        return e;
    }
};

// The workbench's path for `n` codings: commit → listener thread → queue → Project::catch_up
// published the coding. Returns milliseconds from each command's start (the commit inside it)
// and, in `after_return`, from the writer's execute() having returned.
std::vector<double> window_path(std::vector<double>& after_return, const std::string& uri, core::Project& writer, core::DocumentId first, int n) {
    auto repo = store::open_store(uri);
    core::Project window(*repo, "Window");
    std::optional<core::CodingId> want;
    Clock::time_point published{};
    auto sub = window.changed().subscribe([&](const core::ProjectChanged& e) {
        for (const auto& c : e.changes.changes) {
            if (c.after && std::holds_alternative<core::Coding>(*c.after) && std::get<core::Coding>(*c.after).id == want) published = Clock::now();
        }
    });
    MainThread main;
    gui::ChangeListener listener(uri, [&](gui::ChangeListener::Event e) { main.post(std::move(e)); });
    auto first_event = main.next(std::chrono::milliseconds(10000));
    if (!first_event || first_event->kind != gui::ChangeListener::Event::Kind::connected) {
        std::cerr << "the listener thread did not connect\n";
        return {};
    }
    window.catch_up();
    std::vector<double> out;
    for (int i = 0; i < n; ++i) {
        const core::DocumentId doc(first.value + i % 20);
        const std::int64_t start = 7 * (i / 20) + 3;
        const auto started = Clock::now();
        const auto changes = writer.execute(core::ApplyCodings({{doc, {core::CodePoint(start), core::CodePoint(start + 4)}}},
                                                               "Window " + std::to_string(i % 5), ""));
        const auto returned = Clock::now();
        want = std::get<core::Coding>(*changes.changes.back().after).id;
        published = {};
        while (published == Clock::time_point{}) {
            const auto e = main.next(std::chrono::milliseconds(2000));
            if (!e) break;
            if (e->kind != gui::ChangeListener::Event::Kind::lost) window.catch_up();
        }
        if (published != Clock::time_point{}) {
            out.push_back(ms(published - started));
            after_return.push_back(ms(published - returned));
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::cerr << "usage: comb_shared_bench URI [CODINGS]\n"; return 2; }
    const std::string server = argv[1];
    const int n = argc > 2 ? std::stoi(argv[2]) : 500;
    {
        store::PgConnection admin(server);
        admin.exec_script("DROP DATABASE IF EXISTS comb_bench_shared WITH (FORCE)");
        admin.exec_script("CREATE DATABASE comb_bench_shared TEMPLATE template0 ENCODING 'UTF8'");
    }
    const std::string uri = with_database(server, "comb_bench_shared");
    auto repo = store::create_store(uri);
    core::Project writer(*repo, "Alex");
    std::vector<core::NewDocument> docs;
    for (int d = 0; d < 20; ++d) {
        core::NewDocument doc;
        doc.name = "D" + std::to_string(d);
        doc.text = std::string(20000, 'x') + "\n";
        doc.hash = doc.name;
        docs.push_back(doc);
    }
    writer.execute(core::ImportDocuments(docs));
    const auto first = repo->documents().front().id.value;

    std::vector<double> coding, seen;
    store::PgListener listener(uri);
    auto reader = store::open_store(uri);  // the other client's store
    for (int i = 0; i < n; ++i) {
        const core::DocumentId doc(first + i % 20);
        const std::int64_t start = 7 * (i / 20);
        const auto t0 = Clock::now();
        const auto changes = writer.execute(core::ApplyCodings({{doc, {core::CodePoint(start), core::CodePoint(start + 5)}}},
                                                               "Code " + std::to_string(i % 7), ""));
        const auto t1 = Clock::now();
        coding.push_back(ms(t1 - t0));
        // The other client: hears the NOTIFY, then reads the new coding (its catch-up).
        const auto heard = listener.wait(std::chrono::milliseconds(2000));
        const auto id = std::get<core::Coding>(*changes.changes.back().after).id;
        const bool read = !heard.changes.empty() && reader->find_coding(id).has_value();
        const auto t2 = Clock::now();
        if (read) seen.push_back(ms(t2 - t0));
    }
    std::vector<double> window_after_return;
    const auto window = window_path(window_after_return, uri, writer, core::DocumentId(first), n);
    std::printf("comb_shared_bench: %d codings on %s\n", n, store::redact_uri(uri).c_str());
    report("one coding (ApplyCodings, committed)", coding);
    report("another client has heard and read it", seen);
    if (seen.size() != coding.size()) std::printf("missed notifications: %zu\n", coding.size() - seen.size());
    if (!window.empty()) {
        report("the GUI sees another client's coding", window);
        report("  the same, from the writer's execute() returning", window_after_return);
    }
    if (window.size() != static_cast<std::size_t>(n)) std::printf("the GUI's path missed: %zu\n", n - window.size());
    return 0;
}
