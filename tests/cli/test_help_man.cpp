// SPDX-License-Identifier: GPL-3.0-or-later
// comb --version, comb help TOPIC and the comb(1) manual page (issue 20): the manual is written
// from the same CLI11 definitions as --help, so every subcommand and option must appear in it.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "about/about.h"
#include "cli/app.h"
#include "cli/help_topics.h"
#include "cli/man_page.h"
#include "support/run_cli.h"

using comb::test::run_comb;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every leaf subcommand as its path ("comb codebook add") with its option names.
void leaves(const CLI::App& app, const std::string& path, std::vector<std::pair<std::string, const CLI::App*>>& out) {
    const auto subs = app.get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) out.emplace_back(path, &app);
    for (const auto* sub : subs) leaves(*sub, path + " " + sub->get_name(), out);
}

}  // namespace

TEST_CASE("comb --version names the project version and the licence", "[cli][about]") {
    const auto r = run_comb({"--version"});
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("comb " + std::string(comb::about::version()), 0) == 0);
    CHECK(r.out.find("GPL-3.0-or-later") != std::string::npos);
    CHECK(comb::about::version() == "0.1.0");
}

TEST_CASE("comb help lists the topics and prints each one's text from docs/help", "[cli][help]") {
    const auto list = run_comb({"help"});
    REQUIRE(list.status == 0);
    std::size_t at = 0;
    for (const char* topic : {"import", "coding", "tags", "matrices", "exchange"}) {
        const auto found = list.out.find(std::string("  ") + topic + " ", at);
        CHECK(found != std::string::npos);  // listed, in this order
        at = found == std::string::npos ? at : found;
        const auto r = run_comb({"help", topic});
        CHECK(r.status == 0);
        CHECK(r.out == slurp(std::string(COMB_TESTS_DIR) + "/../docs/help/" + topic + ".md"));
    }
    REQUIRE(comb::cli::help_topics().size() == 5);
    CHECK(comb::cli::help_topics()[2].summary ==
          "map codes to COM-B, TDF, levels and barriers/facilitators; group them into themes");
}

TEST_CASE("comb help SUBCOMMAND shows its --help, an unknown topic exits 1 naming the topics", "[cli][help]") {
    const auto sub = run_comb({"help", "code"});
    CHECK(sub.status == 0);
    CHECK(sub.out == run_comb({"code", "--help"}).out);
    const auto bad = run_comb({"help", "nope"});
    CHECK(bad.status == 1);
    CHECK(bad.err == "comb: no help topic \"nope\" (topics: import, coding, tags, matrices, exchange; "
                     "or a subcommand, see comb --help)\n");
}

TEST_CASE("the manual page holds every subcommand and option of the command line", "[cli][man]") {
    CLI::App app = comb::cli::make_app();
    comb::cli::Action action;
    comb::cli::build_app(app, action, "x");
    const std::string page = comb::cli::man_page(app, comb::cli::help_topics(), "0.1.0", "2026-12-03");
    CHECK(page.find(".TH COMB 1 \"2026-12-03\" \"Comb 0.1.0\" \"User Commands\"\n") != std::string::npos);
    std::vector<std::pair<std::string, const CLI::App*>> commands;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        leaves(*sub, "comb " + sub->get_name(), commands);
    }
    CHECK(commands.size() >= 27);
    for (const auto& [path, cmd] : commands) {
        INFO(path);
        CHECK(page.find(".TP\n\\fB" + comb::cli::troff_escape(path, true) + "\\fR") != std::string::npos);
        CHECK(page.find(comb::cli::troff_escape(cmd->get_description())) != std::string::npos);
        for (const auto* opt : cmd->get_options()) {
            if (opt == cmd->get_help_ptr()) continue;
            for (const auto& l : opt->get_lnames()) {
                CHECK(page.find("\\fB\\-\\-" + comb::cli::troff_escape(l, true) + "\\fR") != std::string::npos);
            }
            CHECK(page.find(comb::cli::troff_escape(opt->get_description())) != std::string::npos);
        }
    }
    for (const char* topic : {"import", "coding", "tags", "matrices", "exchange"}) {
        CHECK(page.find(std::string(".SS \"") + topic + "\"\n") != std::string::npos);
    }
}

TEST_CASE("troff escaping keeps text literal", "[cli][man]") {
    CHECK(comb::cli::troff_escape(".hidden\n'quote\nC:\\dir - x") == "\\&.hidden\n\\&'quote\nC:\\edir - x");
    CHECK(comb::cli::troff_escape("--json", true) == "\\-\\-json");
    CHECK(comb::cli::markdown_to_troff("# tags: map `codes`\n\nText with `--comb`.\n- item\n```\n.x -y\n```\n") ==
          ".SS \"tags\"\nmap \\fBcodes\\fR.\n.PP\nText with \\fB\\-\\-comb\\fR.\n.IP \\(bu 2\nitem\n"
          ".PP\n.RS 4\n.nf\n\\&.x \\-y\n.fi\n.RE\n");
}

// A subcommand registered in main.cpp rather than in build_app would work but be missing from
// comb(1): the program's own --help must list exactly the subcommands build_app registers.
TEST_CASE("every subcommand of the comb binary is registered in build_app, so comb(1) has it", "[cli][man]") {
    CLI::App app = comb::cli::make_app();
    comb::cli::Action action;
    comb::cli::build_app(app, action, "x");
    std::vector<std::string> registered;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) registered.push_back(sub->get_name());
    const auto help = run_comb({"--help"});
    REQUIRE(help.status == 0);
    std::istringstream lines(help.out.substr(help.out.find("Subcommands:")));
    std::string line;
    std::vector<std::string> listed;
    std::getline(lines, line);
    while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
        std::istringstream words(line);
        std::string name;
        words >> name;
        listed.push_back(name);
    }
    CHECK(listed == registered);
}
