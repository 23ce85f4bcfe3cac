// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Resolving one disagreement between two coders (a run of text one coded with a code and the
// other did not) as one undoable command that records the decision as a memo on the document
// ("Disagreement resolved"), so the history and exports show what the team decided:
//   keep:  the passage stays coded; the other coder gets the same coding, so both have it;
//   drop:  the lone coder's codings lose the passage (trimmed to what lies outside it, removed
//          when nothing is left, their memos moving to the part kept or going with them);
//   agree: both agree as it stands; no coding changes, only the decision is recorded.
#include <optional>
#include <string>
#include <string_view>

#include "core/command.h"

namespace comb::core {

enum class Resolution { keep, drop, agree };
std::string_view to_string(Resolution r);
std::optional<Resolution> parse_resolution(std::string_view s);

struct Disputed {
    DocumentId document;
    CodeId code;
    Span span;
    std::string lone_coder;   // who coded it
    std::string other_coder;  // who did not
};

class ResolveDisagreement : public Command {
public:
    ResolveDisagreement(Disputed d, Resolution r, std::string decided_by, std::string time = {})
        : d_(std::move(d)), r_(r), by_(std::move(decided_by)), time_(std::move(time)) {}
    std::string label() const override;
    // Throws InputError for an unknown document or code, or a span outside the text.
    ChangeSet plan(Repository& repo) const override;

private:
    Disputed d_;
    Resolution r_;
    std::string by_, time_;
};

}  // namespace comb::core
