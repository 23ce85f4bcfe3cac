// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus.h"

#include <array>

#include "core/utf8.h"

namespace comb::bench {
namespace {

// splitmix64: tiny, fast and the same everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    // Index in [0, n) with a Zipf-like skew: small indices much more likely.
    std::size_t skewed(std::size_t n) {
        const std::size_t a = below(n), b = below(n);
        return std::min(a, b) * std::min(a, b) / n;
    }

private:
    std::uint64_t s_;
};

const std::vector<std::string> kFunction = {
    "the", "and", "to", "of", "a", "in", "that", "it", "is", "we", "you", "they", "for", "but", "so", "with",
    "on", "have", "was", "not", "be", "are", "there", "this", "at", "about", "what", "when", "if", "or", "just",
    "really", "because", "then", "all", "more", "some", "our", "their", "would", "can", "do", "get", "very"};
const std::vector<std::string> kFillers = {"um", "you know", "I mean", "like", "sort of", "kind of", "yeah", "well"};
const std::vector<std::string> kTopics = {
    "time", "training", "funding", "manager", "rota", "patients", "smoking", "alcohol", "weight", "confidence",
    "leaflets", "council", "budget", "workload", "leadership", "support", "sessions", "conversation", "contact",
    "health", "staff", "agents", "trainers", "course", "referral", "service", "pharmacy", "clinic", "resources",
    "priorities", "targets", "evaluation", "commissioners", "culture", "motivation", "skills", "knowledge",
    "role", "community", "advice", "brief", "intervention", "records", "evidence", "feedback", "team", "shifts",
    "cover", "waiting", "room", "posters", "website", "online", "module", "refresher", "champion", "network",
    "partnership", "policy", "strategy", "outcomes", "data", "monitoring", "stigma", "awkward", "rapport",
    "opportunity", "capability", "behaviour", "change", "prompt", "reminder", "system", "templates", "computer",
    "appointment", "minutes", "pressure", "demand", "capacity", "volunteers", "peer", "families", "carers",
    "housing", "benefits", "debt", "loneliness", "exercise", "diet", "sleep", "stress", "wellbeing", "mental"};
const std::vector<std::string> kVerbs = {
    "think", "feel", "know", "said", "found", "tried", "started", "stopped", "helps", "blocks", "makes", "gives",
    "takes", "needs", "wants", "struggle", "manage", "protect", "record", "refer", "train", "support", "ask",
    "mention", "raise", "avoid", "forget", "remember", "prioritise", "squeeze", "cover", "fund", "cut"};
const std::vector<std::string> kPhrases = {
    "protected time", "brief intervention", "smoking cessation", "weight management", "every contact counts",
    "train the trainer", "cover shifts", "no time at all", "the council budget", "healthy conversation"};
const std::vector<std::string> kQuestions = {
    "What gets in the way of having these conversations?", "Who supports you in this role?",
    "How did the training prepare you?", "Can you tell me about a recent contact?",
    "What would make it easier?", "How do managers see this work?", "What happens after a referral?"};
const std::array<const char*, 4> kRoles = {"agent", "trainer", "manager", "commissioner"};
const std::array<const char*, 5> kOrgs = {"NHS Trust", "Council", "Pharmacy", "Fire Service", "Housing"};

std::string sentence(Rng& r, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (!s.empty()) s += ' ';
        const auto roll = r.below(100);
        if (roll < 45) s += kFunction[r.skewed(kFunction.size())];
        else if (roll < 70) s += kTopics[r.skewed(kTopics.size())];
        else if (roll < 85) s += kVerbs[r.below(kVerbs.size())];
        else if (roll < 92) s += kFillers[r.below(kFillers.size())];
        else if (roll < 96) s += kPhrases[r.below(kPhrases.size())];
        else s += kTopics[r.below(kTopics.size())] + "s";
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + (r.below(10) == 0 ? "?" : ".");
}

}  // namespace

const std::vector<std::string>& planted_phrases() { return kPhrases; }
const std::vector<std::string>& topic_words() { return kTopics; }

core::NewDocument transcript(const CorpusSpec& spec, int n) {
    Rng r(spec.seed * 1000003ull + static_cast<std::uint64_t>(n));
    char id[16];
    std::snprintf(id, sizeof id, "P%04d", n + 1);
    core::NewDocument d;
    d.name = std::string(id) + ".txt";
    d.hash = "bench-" + std::to_string(spec.seed) + "-" + std::to_string(n);
    d.case_name = id;
    d.attributes = {{"role", kRoles[r.below(kRoles.size())]}, {"organisation", kOrgs[r.below(kOrgs.size())]}};
    std::int64_t cp = 0;
    int words = 0;
    auto add_turn = [&](const std::string& speaker, const std::string& body, bool interviewer) {
        const std::string label = speaker + ": ";
        const std::int64_t start = cp;
        d.text += label + body + "\n";
        const auto label_len = core::utf8::length(label), body_len = core::utf8::length(body);
        core::Turn t;
        t.span = {core::CodePoint(start), core::CodePoint(start + label_len + body_len)};
        t.body = {core::CodePoint(start + label_len), t.span.end};
        t.speaker = speaker;
        t.is_interviewer = interviewer;
        d.turns.push_back(t);
        d.paragraphs.push_back(t.span);
        cp = t.span.end.value + 1;
    };
    while (words < spec.words_per_transcript) {
        const std::string q = kQuestions[r.below(kQuestions.size())];
        add_turn("Interviewer", q, true);
        words += 8;
        // Answers run from a sentence to a long monologue (split into passages by the index).
        std::string answer;
        const int sentences = 1 + static_cast<int>(r.below(12));
        for (int s = 0; s < sentences; ++s) {
            const int len = 5 + static_cast<int>(r.below(22));
            answer += (answer.empty() ? "" : " ") + sentence(r, len);
            words += len;
        }
        add_turn(id, answer, false);
    }
    d.metadata = {{"format", "txt"}, {"source_file", d.name}};
    return d;
}

}  // namespace comb::bench
