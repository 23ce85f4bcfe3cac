// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workflow texts of `comb help TOPIC`, written once in docs/help/TOPIC.md and compiled in
// (cmake/embed_help.cmake generates help_topics.cpp), in the order the topics are listed.
#include <string>
#include <vector>

namespace comb::cli {

struct HelpTopic {
    std::string name;     // "import"
    std::string summary;  // the title line after "# import: "
    std::string text;     // the whole Markdown text
};

const std::vector<HelpTopic>& help_topics();

// The topic of that name, or nullptr.
const HelpTopic* find_help_topic(const std::string& name);

}  // namespace comb::cli
