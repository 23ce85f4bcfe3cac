// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The count table (schema 4): codings counted per case, code, tag override and
// interviewer-only flag, so a matrix or a code list reads a few thousand rows instead of every
// coding. Triggers on `codings` keep it as codings are inserted, updated and deleted (by any
// command, undo and redo included); a document's case and turns can change too, which
// ProjectFile::write(Document) brackets with shift_document_counts(-1) before and (+1) after.
#include "connection.h"

namespace comb::store {

// Migration step 3 -> 4: the table, its triggers, an index on turns for the interviewer rule,
// and the counts of the codings already there.
void add_coding_counts(Connection& db);

// Counts every coding afresh (the table is derived data: salvage refills it instead of copying).
void refill_coding_counts(Connection& db);

// Adds (`sign` +1) or removes (-1) the counts of every coding of document `id` as its case and
// turns are now.
void shift_document_counts(Connection& db, std::int64_t id, int sign);

}  // namespace comb::store
