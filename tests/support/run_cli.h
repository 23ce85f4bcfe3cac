// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the built `comb` binary as a user or a script would, capturing stdout, stderr and
// the exit status.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace comb::test {

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `comb` with PREFIX in front of it (e.g. a command that drops privileges); the shell,
// still the test's user, opens the capture files.
inline CliResult run_comb_under(const std::vector<std::string>& prefix, const std::vector<std::string>& args) {
    static TempDir scratch;
    static int n = 0;
    const auto err_path = scratch / ("err" + std::to_string(n++));
    std::string cmd;
    for (const auto& p : prefix) cmd += shell_quote(p) + " ";
    cmd += shell_quote(COMB_CLI_PATH);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " 2>" + shell_quote(err_path.string());
    CliResult r;
    FILE* p = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    std::size_t got = 0;
    while ((got = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), got);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::ifstream e(err_path);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    return r;
}

inline CliResult run_comb(const std::vector<std::string>& args) { return run_comb_under({}, args); }

// As root, permissions do not stop writes: tests of "cannot write" run `comb` as nobody.
inline CliResult run_comb_as_nobody(const std::vector<std::string>& args) {
    return run_comb_under({"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}, args);
}

}  // namespace comb::test
