// SPDX-License-Identifier: GPL-3.0-or-later
// Turning passages into Xapian documents, and building a whole index on two threads.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <thread>

#include "core/error.h"
#include "core/utf8.h"
#include "index/index_impl.h"

namespace comb::index {
namespace fs = std::filesystem;

namespace {

// A commit every few hundred passages keeps Xapian's in-memory maps of pending postings and
// positions small (each posting is a lookup in a map per term, so its cost grows with the
// batch). Measured with jemalloc on 500 transcripts (bench/PROFILE.md): 250 passages 10.1 s
// CPU (more writes), 500 9.6 s, 1,000 10.1 s, 2,000 10.6 s, 6,000 13.2 s.
constexpr int kPassagesPerCommit = 500;

std::string order_key(const core::Document& doc, core::CodePoint start) {
    std::string key(kOrderKeyBytes, '\0');
    const auto put = [&key](std::size_t at, std::uint64_t v) {
        for (int i = 7; i >= 0; --i) { key[at + static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff); v >>= 8; }
    };
    put(0, static_cast<std::uint64_t>(doc.position));
    put(8, static_cast<std::uint64_t>(start.value));
    return key;
}

// "doc\tstart\tend\tfile\toffset\tlength\tcrc\t" then "1" and the case name, or "0".
std::string make_data(const DocumentInput& in, core::Span span, const std::optional<std::string>& case_name,
                      const TextRef& text) {
    std::string data;
    for (const std::uint64_t v : {static_cast<std::uint64_t>(in.doc.id.value), static_cast<std::uint64_t>(span.start.value),
                                  static_cast<std::uint64_t>(span.end.value), static_cast<std::uint64_t>(text.file),
                                  text.offset, std::uint64_t{text.length}, std::uint64_t{text.crc}}) {
        data += std::to_string(v);
        data += '\t';
    }
    data += case_name ? "1" + *case_name : "0";
    return data;
}

std::uint64_t to_int(std::string_view s) {
    std::uint64_t v = 0;
    for (const char c : s) if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::string language_of(const core::Repository& repo) {
    const auto lang = repo.setting("language");
    return lang && !lang->empty() ? *lang : "en";
}

Xapian::Stem stemmer_for(const std::string& language) {
    try {
        return Xapian::Stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
        return Xapian::Stem("none");
    }
}

Xapian::TermGenerator term_generator(const std::string& language) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(stemmer_for(language));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return tg;
}

std::vector<std::pair<core::CodePoint, Xapian::Document>> passage_documents(
    const DocumentInput& in, const FacetSource& facets, Xapian::TermGenerator& tg, TextAppender& texts,
    const std::vector<core::Span>* only) {
    std::vector<std::pair<core::CodePoint, Xapian::Document>> out;
    const core::utf8::OffsetMap offsets(in.text);
    const auto doc_terms = facets.document_terms(in.doc);
    const auto case_name = facets.case_name(in.doc.case_id);
    for (const auto& p : split_passages(in.doc, in.text, only)) {
        if (only && std::none_of(only->begin(), only->end(), [&](const core::Span& s) { return s.overlaps(p.span); })) {
            continue;
        }
        const auto b = offsets.byte_offset(p.span.start);
        const std::string_view text = std::string_view(in.text).substr(b, offsets.byte_offset(p.span.end) - b);
        Xapian::Document xd;
        tg.set_document(xd);
        // STEM_SOME leaves capitalised words unstemmed (taking them for names), so "Time" at
        // a sentence start would miss a search for "time": index the lower-cased text. Same
        // length, so positions and snippets still fit the original text.
        std::string lower(text);
        for (auto& ch : lower) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        tg.index_text(lower);
        for (const auto& t : doc_terms) xd.add_boolean_term(t);
        if (!p.speaker.empty()) xd.add_boolean_term(term(prefix::kSpeaker, p.speaker));
        for (const auto& c : in.codings) {
            if (c.span.start >= p.span.end) break;
            if (!c.span.overlaps(p.span)) continue;
            for (const auto& t : facets.coding_terms(c)) xd.add_boolean_term(t);
        }
        // No unique term per passage (format 3): an update finds a passage by its document's
        // term and the start in its order value (passage_ids), which saves a one-entry
        // posting list per passage in the build.
        // The passage's data follows its order key in the one value, and the document data
        // stays empty (format 3): Xapian deflates every document data record it writes and
        // none of its values, and a hit's data then comes with its sort key.
        xd.add_value(kOrderSlot, order_key(in.doc, p.span.start) + make_data(in, p.span, case_name, texts.append(text)));
        out.emplace_back(p.span.start, std::move(xd));
    }
    return out;
}

PassageData parse_value(const std::string& value) {
    const std::string_view all = std::string_view(value).substr(std::min<std::size_t>(kOrderKeyBytes, value.size()));
    std::uint64_t v[7] = {};
    std::size_t at = 0;
    for (auto& field : v) {
        const auto tab = std::min(all.find('\t', at), all.size());
        field = to_int(all.substr(at, tab - at));
        at = std::min(tab + 1, all.size());
    }
    PassageData p;
    p.doc = core::DocumentId(static_cast<std::int64_t>(v[0]));
    p.span = {core::CodePoint(static_cast<std::int64_t>(v[1])), core::CodePoint(static_cast<std::int64_t>(v[2]))};
    p.text = {static_cast<int>(v[3]), v[4], static_cast<std::uint32_t>(v[5]), static_cast<std::uint32_t>(v[6])};
    const std::string_view c = all.substr(at);
    if (!c.empty() && c[0] == '1') p.case_name = std::string(c.substr(1));
    return p;
}

core::CodePoint start_of_order_key(const std::string& key) {
    std::uint64_t v = 0;
    for (std::size_t i = 8; i < 16 && i < key.size(); ++i) v = (v << 8) | static_cast<unsigned char>(key[i]);
    return core::CodePoint(static_cast<std::int64_t>(v));
}

std::map<std::int64_t, Xapian::docid> passage_ids(const Xapian::Database& db, core::DocumentId doc) {
    std::map<std::int64_t, Xapian::docid> ids;
    const std::string t = term(prefix::kDocument, std::to_string(doc.value));
    // Both in docid order, so the value stream is read forwards, a chunk at a time.
    auto value = db.valuestream_begin(kOrderSlot);
    const auto end = db.valuestream_end(kOrderSlot);
    for (auto p = db.postlist_begin(t); p != db.postlist_end(t) && value != end; ++p) {
        value.skip_to(*p);
        if (value != end && value.get_docid() == *p) ids[start_of_order_key(*value).value] = *p;
    }
    return ids;
}

namespace {

// Every document with its text and codings, in import order.
std::vector<DocumentInput> read_inputs(const core::Repository& repo) {
    std::vector<DocumentInput> inputs;
    std::map<core::DocumentId, std::vector<core::Coding>> codings;
    for (auto& c : repo.codings()) codings[c.document].push_back(std::move(c));
    for (auto& d : repo.documents()) {
        DocumentInput in{std::move(d), {}, {}};
        in.text = repo.text(in.doc.text_id);
        if (auto it = codings.find(in.doc.id); it != codings.end()) in.codings = std::move(it->second);
        inputs.push_back(std::move(in));
    }
    return inputs;
}

// The first writer's error, as an IndexError when Xapian's (others as they were).
void rethrow_first(const std::vector<std::exception_ptr>& errors, const fs::path& folder) {
    for (const auto& e : errors) {
        if (!e) continue;
        try {
            std::rethrow_exception(e);
        } catch (const Xapian::Error& x) {
            throw index_error("build the index in " + folder.string(), x);
        }
    }
}

// Writes the same metadata into every shard, commits and closes them.
void finish_shards(std::vector<Xapian::WritableDatabase>& dbs,
                   const std::vector<std::pair<const char*, std::string>>& metadata, const fs::path& folder) {
    try {
        for (auto& db : dbs) {
            for (const auto& [key, value] : metadata) db.set_metadata(key, value);
            db.commit();
            db.close();
        }
    } catch (const Xapian::Error& x) {
        throw index_error("build the index in " + folder.string(), x);
    }
}

// One build's shared state: kShards writers take documents from `next` (so the shards stay
// balanced whatever the lengths); only the calling thread reports progress.
struct ShardedBuild {
    const fs::path& folder;
    const FacetSource& facets;
    const std::string& language;
    const std::vector<DocumentInput>& inputs;
    core::Progress& progress;
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> failed{false}, cancelled{false};
    std::vector<std::exception_ptr> errors = std::vector<std::exception_ptr>(kShards);
    std::vector<Xapian::WritableDatabase> dbs = std::vector<Xapian::WritableDatabase>(kShards);
    std::vector<std::uint64_t> text_sizes = std::vector<std::uint64_t>(kShards, 0);

    void write_shard(int shard) {
        try {
            auto& db = dbs[static_cast<std::size_t>(shard)];
            db = Xapian::WritableDatabase((folder / ("shard" + std::to_string(shard))).string(),
                                          Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            TextAppender texts(folder, shard);
            auto tg = term_generator(language);
            int pending = 0;
            for (std::size_t k; !failed && !cancelled && (k = next++) < inputs.size();) {
                // Polled per document in each shard, so Cancel answers within one document.
                if (progress.cancelled()) { cancelled = true; break; }
                for (auto& [start, xd] : passage_documents(inputs[k], facets, tg, texts)) {
                    db.add_document(xd);
                    if (++pending == kPassagesPerCommit) { texts.flush(); db.commit(); pending = 0; }
                }
                ++done;
            }
            if (cancelled) return;  // the half shard is removed with the folder
            texts.flush();
            db.commit();
            text_sizes[static_cast<std::size_t>(shard)] = texts.size();
        } catch (...) {
            errors[static_cast<std::size_t>(shard)] = std::current_exception();
            failed = true;
        }
    }

    // Runs the writers to the end; throws the first writer's error, or Cancelled.
    void run() {
        progress.start("Indexing", static_cast<std::int64_t>(inputs.size()));
        std::vector<std::thread> threads;
        for (int i = 0; i < kShards; ++i) threads.emplace_back([this, i] { write_shard(i); });
        // Progress takes calls from one thread at a time: only this one reports.
        for (int wait_ms = 1; done < inputs.size() && !failed && !cancelled; wait_ms = std::min(wait_ms * 2, 50)) {
            progress.advance(static_cast<std::int64_t>(done.load()));
            std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
        }
        for (auto& t : threads) t.join();
        progress.advance(static_cast<std::int64_t>(done.load()));
        progress.finish();
        rethrow_first(errors, folder);
        if (cancelled) throw core::Cancelled();
    }
};

}  // namespace

void build_index(const fs::path& folder, const core::Repository& repo, core::Progress& progress) {
    const FacetSource facets(repo);
    const std::string language = language_of(repo);
    const std::vector<DocumentInput> inputs = read_inputs(repo);
    std::error_code ec;
    fs::remove_all(folder, ec);
    fs::create_directories(folder);
    std::string attribute_names;
    for (const auto& a : facets.attribute_names()) attribute_names += a + "\n";
    const std::string stamp = std::to_string(repo.change_counter());
    const std::string seq = std::to_string(repo.last_history_seq());  // where a replay of the change log starts

    ShardedBuild build{folder, facets, language, inputs, progress};
    build.run();
    // Every shard records every text file's size, so any shard can check them on open.
    const std::vector<std::pair<const char*, std::string>> metadata = {
        {meta::kFormat, meta::kFormatVersion}, {meta::kLanguage, language}, {meta::kAttributes, attribute_names},
        {meta::kTexts, format_sizes(build.text_sizes)}, {meta::kStamp, stamp}, {meta::kSeq, seq}};
    finish_shards(build.dbs, metadata, folder);
}

}  // namespace comb::index
