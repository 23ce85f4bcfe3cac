// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A deterministic generator of interview-like transcripts for the benchmark: an
// interviewer's questions and a participant's answers about barriers and facilitators
// (time, funding, training, leadership, patients...), with the word statistics of speech:
// a Zipf-like vocabulary, fillers, sentences of varying length. Same seed, same corpus, on
// every machine (its own PRNG, no std:: distributions).
#include <cstdint>
#include <string>
#include <vector>

#include "core/commands/import_documents.h"

namespace comb::bench {

struct CorpusSpec {
    std::uint64_t seed = 20240601;
    int transcripts = 2000;
    int words_per_transcript = 8000;
};

// Transcript `n` (0-based) of the corpus: text with "Interviewer:" and "P0042:" turns, the
// turns and paragraphs marked, a case per participant, and attributes role/organisation.
core::NewDocument transcript(const CorpusSpec& spec, int n);

// Phrases the generator plants, for phrase queries that have hits.
const std::vector<std::string>& planted_phrases();
// Content words of the generator's vocabulary, for ranked queries.
const std::vector<std::string>& topic_words();

}  // namespace comb::bench
