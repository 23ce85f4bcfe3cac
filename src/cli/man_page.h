// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comb(1) manual page in troff, written from the CLI11 definitions of every subcommand (the
// same ones --help prints) and the help topics, so the manual cannot drift from the program.
// comb-man (man_main.cpp) writes it at build time.
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/help_topics.h"

namespace comb::cli {

// `version` goes in the page's header ("Comb 0.1.0"), `date` (YYYY-MM-DD) beside it.
std::string man_page(const CLI::App& app, const std::vector<HelpTopic>& topics, std::string_view version,
                     std::string_view date);

// Text made safe for troff: backslashes escaped, and a line may not start with '.' or '\''.
// With `literal`, hyphens become minus signs (\-), as options and commands need.
std::string troff_escape(std::string_view text, bool literal = false);

// A help topic's Markdown (docs/help/*.md: paragraphs, "- " lists, ``` blocks, `code`) as troff.
std::string markdown_to_troff(std::string_view markdown);

}  // namespace comb::cli
