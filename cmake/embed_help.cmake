# SPDX-License-Identifier: GPL-3.0-or-later
# Writes OUT (help_topics.cpp) from DIR/TOPIC.md for each TOPIC in TOPICS (a ;-list, in the
# order `comb help` lists them). Each file's first line is "# TOPIC: summary".
set(entries "")
foreach(topic IN LISTS TOPICS)
  file(READ ${DIR}/${topic}.md text)
  string(REGEX MATCH "^# ${topic}: ([^\n]*)" first "${text}")
  if(NOT first)
    message(FATAL_ERROR "${DIR}/${topic}.md must start with \"# ${topic}: summary\"")
  endif()
  set(summary "${CMAKE_MATCH_1}")
  string(FIND "${text}" ")comb_help\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${DIR}/${topic}.md contains the raw-string delimiter )comb_help\"")
  endif()
  string(APPEND entries "        {\"${topic}\", R\"comb_help(${summary})comb_help\", R\"comb_help(${text})comb_help\"},\n")
endforeach()
set(source "// Generated from docs/help/*.md by cmake/embed_help.cmake: edit those files, not this one.
#include \"cli/help_topics.h\"

namespace comb::cli {

const std::vector<HelpTopic>& help_topics() {
    static const std::vector<HelpTopic> topics{
${entries}    };
    return topics;
}

const HelpTopic* find_help_topic(const std::string& name) {
    for (const auto& t : help_topics()) {
        if (t.name == name) return &t;
    }
    return nullptr;
}

}  // namespace comb::cli
")
file(WRITE ${OUT}.tmp "${source}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
