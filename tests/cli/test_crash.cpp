// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: `comb code` killed with SIGKILL at random moments never damages the project,
// never loses a coding whose command had returned, and never leaves half an action behind.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "core/code_paths.h"
#include "store/project_file.h"
#include "support/run_cli.h"

using namespace std::chrono;

namespace {

pid_t spawn_code(const std::string& project, int i) {
    const std::string start = std::to_string(i % 50), end = std::to_string(i % 50 + 5);
    const std::string code = "Crash/C" + std::to_string(i);
    const pid_t pid = fork();
    if (pid == 0) {
        // Quiet the child; the parent only reads its exit status.
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execl(COMB_CLI_PATH, "comb", "code", project.c_str(), "1", start.c_str(), end.c_str(), code.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

// Waits up to `budget` for the child; true if it exited by itself with status 0.
bool finished_ok(pid_t pid, microseconds budget, bool& killed) {
    const auto deadline = steady_clock::now() + budget;
    int status = 0;
    while (steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        std::this_thread::sleep_for(microseconds(200));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    killed = WIFSIGNALED(status);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

TEST_CASE("SIGKILL during comb code never damages the project or loses a returned coding", "[cli][crash]") {
    comb::test::TempDir dir;
    const std::string project = (dir / "crash.comb").string();
    REQUIRE(comb::test::run_comb({"new", project}).status == 0);
    std::ofstream(dir / "t.txt") << "P1: " << std::string(200, 'w') << "\n";
    REQUIRE(comb::test::run_comb({"import", project, (dir / "t.txt").string()}).status == 0);

    // How long one run takes here, so kills land across its whole life.
    const auto t0 = steady_clock::now();
    bool unused = false;
    REQUIRE(finished_ok(spawn_code(project, 100000), seconds(30), unused));
    const auto typical = duration_cast<microseconds>(steady_clock::now() - t0);

    const unsigned seed = std::random_device{}();
    INFO("seed " << seed << ", typical run " << typical.count() << " us");
    std::mt19937 rng(seed);
    std::set<int> committed = {100000};
    int kills = 0;
    for (int i = 0; kills < 60 && i < 2000; ++i) {
        const auto budget = microseconds(static_cast<long>(rng() % static_cast<unsigned>(typical.count() * 12 / 10 + 1)));
        bool killed = false;
        if (finished_ok(spawn_code(project, i), budget, killed)) committed.insert(i);
        kills += killed;
    }
    REQUIRE(kills >= 50);

    auto file = comb::store::ProjectFile::open(project);
    CHECK(file->integrity_check() == "ok");
    const comb::core::CodeTree tree(file->codes());
    const auto codings = file->codings();
    std::set<std::int64_t> coded_codes;
    for (const auto& c : codings) coded_codes.insert(c.code.value);
    for (int i : committed) {
        INFO("coding " << i << " returned but is missing");
        CHECK(tree.find_path("Crash/C" + std::to_string(i)).has_value());
    }
    // Nothing half-written: every Crash/Cn code was created together with its one coding.
    for (const auto& code : file->codes()) {
        if (code.parent) CHECK(coded_codes.count(code.id.value) == 1);
    }
    CHECK(codings.size() == file->codes().size() - 1);
}
