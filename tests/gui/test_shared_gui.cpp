// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench on a shared project (PostgreSQL): another client's coding shows within a
// second; the server stopped under the open window is reported in the status bar while the
// window stays readable, and once it is back the window connects again and catches up.
// Runs its own throw-away server (scripts/pg-test-server.sh), since it stops it.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <wx/statusbr.h>

#include "core/commands/coding_commands.h"
#include "gui/live_updates.h"
#include "gui_harness.h"
#include "store_pg/open_store.h"
#include "store_pg/pg_project.h"
#include "support/pg_server.h"
#include "support/run_cli.h"
#include "support/store_builders.h"

using namespace comb;
using namespace comb::test::gui_harness;

namespace {

const std::string kScript = std::string(COMB_TESTS_DIR) + "/../scripts/pg-test-server.sh";

// A private server for this test, stopped and removed at scope exit.
struct PrivateServer {
    test::TempDir state;
    std::optional<std::string> uri;
    PrivateServer() {
        if (std::system(("bash " + test::shell_quote(kScript) + " start " + test::shell_quote(state.path().string()) + " >/dev/null").c_str()) != 0) return;
        std::ifstream in(state / "uri");
        std::string line;
        if (in && std::getline(in, line) && !line.empty()) uri = line;
    }
    ~PrivateServer() { run("stop"); }
    bool run(const char* what) {
        return std::system(("bash " + test::shell_quote(kScript) + " " + what + " " + test::shell_quote(state.path().string()) +
                            " >/dev/null 2>&1").c_str()) == 0;
    }
};

std::string status(MainFrame& frame, int field) { return gui::from_wx(frame.GetStatusBar()->GetStatusText(field)); }

// Pumps events until `done` or `ms` pass; returns how long it took.
template <class F>
int wait_for(F&& done, int ms) {
    const auto start = std::chrono::steady_clock::now();
    while (!done() && std::chrono::steady_clock::now() - start < std::chrono::milliseconds(ms)) pump(20);
    return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

TEST_CASE("a shared project window sees others' coding, survives the server going away and catches up", "[gui][shared][pg]") {
    ensure_wx();
    PrivateServer server;
    if (!server.uri) { WARN(test::kNoPgServer); return; }
    test::PgDatabase db(*server.uri);
    {
        auto repo = store::create_store(db.uri());
        test::PgBuilder::seed(*repo);
    }
    test::TempDir dir;
    wxFileConfig config("comb-test-shared", "", gui::to_wx((dir / "settings.ini").string()), "", wxCONFIG_USE_LOCAL_FILE);
    gui::Settings settings(config);
    auto* frame = new MainFrame(settings);
    std::vector<std::string> errors;
    frame->workbench().set_error_handler([&](const std::string& e) { errors.push_back(e); });
    frame->Show();
    REQUIRE(frame->open_shared(db.uri()));
    pump(200);
    auto& wb = frame->workbench();
    REQUIRE(wb.is_shared());
    CHECK(wb.path().string().find(":pw") == std::string::npos);
    const auto doc = wb.repo().documents().front().id;

    // The listener thread connects on its own; once it listens, the catch-up timer rests.
    wait_for([&] { return frame->live().listening(); }, 5000);
    REQUIRE(frame->live().listening());
    CHECK_FALSE(frame->live().polling());

    // Another process's `comb code`: the window hears of it (NOTIFY → listener thread →
    // catch-up) within a second, with no timer running.
    setenv("COMB_CODER", "Sam", 1);
    const auto coded = test::run_comb({"code", db.uri(), "P1", "4", "9", "Time"});
    unsetenv("COMB_CODER");
    REQUIRE(coded.status == 0);
    const int took = wait_for([&] { return status(*frame, 3) == "Sam: Code passage as Time"; }, 1000);
    CHECK(status(*frame, 3) == "Sam: Code passage as Time");
    CHECK(took < 1000);
    CHECK(wb.repo().codings().size() == 1);
    CHECK(frame->live().heard() >= 1);
    CHECK_FALSE(frame->live().polling());

    // Presence on the server: another client that has the project open shows in the title bar.
    {
        auto ben = store::PgProject::open(db.uri());
        ben->announce("Ben", "comb-gui");
        wait_for([&] { return gui::from_wx(frame->GetTitle()).find("also open: Ben") != std::string::npos; }, 3000);
        CHECK_THAT(gui::from_wx(frame->GetTitle()), Catch::EndsWith("\u2014 Comb \u2014 also open: Ben"));
    }
    wait_for([&] { return gui::from_wx(frame->GetTitle()).find("also open") == std::string::npos; }, 3000);
    CHECK(gui::from_wx(frame->GetTitle()).find("also open") == std::string::npos);  // closed: gone again

    // The server goes away: the status bar says so; the window keeps what it shows.
    REQUIRE(server.run("halt"));
    wait_for([&] { return wb.connection_lost(); }, 3000);
    CHECK(wb.connection_lost());
    CHECK(status(*frame, 3) == "Server out of reach: showing what was last read; connecting again...");
    CHECK(frame->transcript().document() == std::optional(doc));

    // Back: the window connects again by itself and catches up with what happened meanwhile.
    REQUIRE(server.run("resume"));
    auto again = store::open_store(db.uri());
    core::Project sam2(*again, "Sam");
    sam2.execute(core::ApplyCodings({{doc, {core::CodePoint(10), core::CodePoint(14)}}}, "Time", ""));
    wait_for([&] { return !wb.connection_lost() && wb.repo().codings().size() == 2; }, 5000);
    CHECK_FALSE(wb.connection_lost());
    CHECK(wb.repo().codings().size() == 2);
    CHECK(status(*frame, 3) == "Connected to the server again; caught up");
    // The listener connects again too, and the timer rests again.
    wait_for([&] { return frame->live().listening() && !frame->live().polling(); }, 5000);
    CHECK(frame->live().listening());
    CHECK_FALSE(frame->live().polling());

    // Closing the project stops the listener thread at once (woken, joined), not after a wait.
    const auto t0 = std::chrono::steady_clock::now();
    wb.close();
    const auto closing = std::chrono::steady_clock::now() - t0;
    CHECK(closing < std::chrono::milliseconds(500));
    CHECK_FALSE(frame->live().listening());
    frame->Close(true);
    pump(100);
}

namespace {

// A loopback port that accepts connections (the kernel's backlog) but never answers: a server
// that does not respond. The port after close() is a closed port (refused).
struct SilentPort {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int port = 0;
    SilentPort() {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::listen(fd, 8) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
            port = ntohs(a.sin_port);
        }
    }
    ~SilentPort() { close(); }
    void close() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

bool busy_dialog_shown() {
    for (auto* w : wxTopLevelWindows) {
        if (w->IsShown() && w->GetLabel() == "Open shared project") return true;
    }
    return false;
}

}  // namespace

TEST_CASE("connecting to a shared project never blocks the window", "[gui][shared][connect]") {
    ensure_wx();
    test::TempDir dir;
    wxFileConfig config("comb-test-connect", "", gui::to_wx((dir / "settings.ini").string()), "", wxCONFIG_USE_LOCAL_FILE);
    gui::Settings settings(config);
    auto* frame = new MainFrame(settings);
    std::vector<std::string> errors;
    frame->workbench().set_error_handler([&](const std::string& e) { errors.push_back(e); });
    frame->Show();
    pump(50);

    // A closed port: refused at once, the message naming the host and the reason.
    SilentPort closed;
    REQUIRE(closed.port > 0);
    const auto closed_uri = "postgresql://comb@127.0.0.1:" + std::to_string(closed.port) + "/nothing";
    closed.close();
    CHECK_FALSE(frame->open_shared(closed_uri));
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("cannot connect to the server") && Catch::Contains("127.0.0.1") &&
                              Catch::Contains("Connection refused"));

    // A server that never answers: a busy dialog, the window's loop keeps running (the watch is
    // called from it every few ms), and Cancel ends the attempt at once.
    SilentPort silent;
    REQUIRE(silent.port > 0);
    const auto silent_uri = "postgresql://comb@127.0.0.1:" + std::to_string(silent.port) + "/nothing";
    int calls = 0;
    bool dialog = false;
    frame->set_connect_watch([&](int elapsed) {
        ++calls;
        dialog = dialog || busy_dialog_shown();
        return elapsed >= 500;
    });
    auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(frame->open_shared(silent_uri));
    auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took < std::chrono::milliseconds(1500));
    CHECK(calls >= 10);
    CHECK(dialog);
    CHECK(errors.size() == 1);  // cancelling is not an error
    CHECK(status(*frame, 3) == "Not connected to " + silent_uri + ": cancelled");
    CHECK_FALSE(frame->workbench().is_open());

    // The URI's connect_timeout: given up after it, naming the host and port.
    frame->set_connect_watch({});
    t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(frame->open_shared(silent_uri + "?connect_timeout=1"));
    took = std::chrono::steady_clock::now() - t0;
    CHECK(took >= std::chrono::milliseconds(900));
    CHECK(took < std::chrono::milliseconds(3000));
    REQUIRE(errors.size() == 2);
    CHECK_THAT(errors[1], Catch::Contains("no answer from 127.0.0.1 port " + std::to_string(silent.port) + " within 1 s"));
    frame->Close(true);
    pump(100);
}
