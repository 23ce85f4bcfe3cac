// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fictional transcripts shared by the team tests of the command line and the GUI.
#include <string>

namespace comb::test {

// Two coders code different topics of it as "Pressure" (ann the rota and night shifts, bob the
// budget and funding); each topic comes back later, uncoded, for Similar to code.
inline const std::string kShiftsTranscript =
    "Interviewer: Tell me about the rota.\n"
    "P02: The rota changes every week and the night shifts are hard to cover.\n"
    "Interviewer: And money?\n"
    "P02: The budget was cut, so funding for courses and travel money disappeared.\n"
    "Interviewer: Anything more?\n"
    "P02: Covering night shifts means the rota never settles for the team.\n"
    "Interviewer: And later?\n"
    "P02: Without budget or funding nobody pays for travel money or courses.\n";

}  // namespace comb::test
