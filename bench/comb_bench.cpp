// SPDX-License-Identifier: GPL-3.0-or-later
// comb_bench [--scale S] [--queries N] [--seed N]: generates the reference corpus (2,000
// transcripts x 8,000 words at scale 1), imports it into a project, codes passages with
// tagged codes, builds the passage index, and times search and one-coding updates beside
// SQLite FTS5 over the same passages and a LIKE scan, then opens the project in a fresh
// process as a user does (time, peak RSS), then runs `comb` itself as a user would (issue 17):
// code, docs, codes and matrix on that project beside the same call on a ten-document project,
// a cold matrix over a generated million codings, and `comb import` of 30 and of 500
// transcripts beside FTS5 over the same passages (command_rows.h). Prints Markdown tables.
// --keep DIR keeps the project in DIR; --open-only PROJECT times only opening PROJECT;
// --search-only PROJECT times only the ranked searches on PROJECT (indexed);
// --commands no leaves the command-line rows out; --import-transcripts N and
// --matrix-codings N size them (0 leaves a row out).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "baselines.h"
#include "command_rows.h"
#include "core/commands/code_commands.h"
#include "core/commands/coding_commands.h"
#include "core/commands/import_documents.h"
#include "core/project.h"
#include "core/utf8.h"
#include "corpus.h"
#include "index/facets.h"
#include "index/passage_index.h"
#include "index/passages.h"
#include "open_bench.h"
#include "store/project_file.h"

using namespace comb;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU time of this thread (or of the whole process), in seconds. The bench machine is shared,
// so besides wall time the table shows CPU time, which other users' load does not inflate.
double cpu_seconds(clockid_t which = CLOCK_THREAD_CPUTIME_ID) {
    timespec ts{};
    clock_gettime(which, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(k, v.size() - 1)];
}

struct Samples {
    std::vector<double> ms, cpu_ms;
    void time(const std::function<void()>& f) {
        const auto t = Clock::now();
        const double c = cpu_seconds();
        f();
        ms.push_back(seconds_since(t) * 1000);
        cpu_ms.push_back((cpu_seconds() - c) * 1000);
    }
    double pct(double p) const { return percentile(ms, p); }
    double cpu_pct(double p) const { return percentile(cpu_ms, p); }
};

std::string fmt(double v, int decimals = 2) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

const std::vector<std::pair<std::string, std::string>> kCodes = {
    {"Barriers/Time", "comb=O.Ph; level=organisational; valence=barrier"},
    {"Facilitators/Leadership", "tdf=Social influences; level=organisational; valence=facilitator"},
    {"Individual/Confidence", "comb=C.Ps; level=individual:agent; valence=mixed"}};

// Codes every 7th passage of every document, cycling through kCodes; one command per code.
void code_passages(core::Project& project, store::ProjectFile& file) {
    std::vector<std::vector<core::CodingTarget>> targets(kCodes.size());
    for (const auto& d : file.documents()) {
        const auto passages = index::split_passages(d, file.text(d.text_id));
        for (std::size_t k = 0; k < passages.size(); k += 7) {
            targets[(k / 7 + static_cast<std::size_t>(d.id.value)) % kCodes.size()].push_back({d.id, passages[k].span});
        }
    }
    for (std::size_t c = 0; c < kCodes.size(); ++c) {
        project.execute(core::ApplyCodings(targets[c], kCodes[c].first, "bench"));
        const auto tags = core::TagSet::parse(kCodes[c].second);
        core::TagPatch patch;
        patch.comb = tags.comb;
        patch.tdf = tags.tdf;
        patch.level = tags.level;
        patch.valence = tags.valence;
        project.execute(core::TagCode(kCodes[c].first, patch));
    }
}

struct Filter {
    index::Filters filters;
    std::string fts_word;  // facet word for FTS5 / LIKE
};

std::vector<Filter> filters() {
    std::vector<Filter> out(4);
    out[0].filters.levels = {"organisational"};
    out[0].fts_word = bench::facet_word("", index::level_term("organisational"));
    out[1].filters.valences = {"barrier"};
    out[1].fts_word = bench::facet_word("", index::valence_term("barrier"));
    out[2].filters.attributes = {"role=trainer"};
    out[2].fts_word = bench::facet_word("", index::attribute_term("role", "trainer"));
    out[3].filters.codes = {"Barriers"};
    out[3].fts_word = bench::facet_word("", index::term(index::prefix::kCode, "Barriers"));
    return out;
}

// Everything but opening: its objects are gone when it returns, so the project can be
// opened afresh as a user would.
void run_bench(bench::CorpusSpec spec, int queries, const fs::path& dir) {

    std::vector<core::NewDocument> docs;
    std::size_t bytes = 0;
    for (int n = 0; n < spec.transcripts; ++n) {
        docs.push_back(bench::transcript(spec, n));
        bytes += docs.back().text.size();
    }
    std::cerr << "corpus: " << docs.size() << " transcripts, " << fmt(static_cast<double>(bytes) / 1e6, 1) << " MB\n";

    auto file = store::ProjectFile::create(dir / "bench.comb");
    core::Project project(*file);
    auto t = Clock::now();
    project.execute(core::ImportDocuments(std::move(docs)));
    const double import_s = seconds_since(t);
    code_passages(project, *file);

    index::PassageIndex ix(index::PassageIndex::folder_for(dir / "bench.comb"));
    core::NullProgress quiet;
    t = Clock::now();
    const double index_cpu0 = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    ix.rebuild(*file, quiet);
    const double index_s = seconds_since(t);
    const double index_cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - index_cpu0;
    const auto stats = ix.stats();
    std::cerr << "indexed " << stats.passages << " passages in " << fmt(index_s) << " s\n";

    const auto passages = bench::bench_passages(*file);
    bench::Baselines base(dir / "baselines.sqlite");
    t = Clock::now();
    const double fts_cpu0 = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    base.build_fts(passages);
    const double fts_s = seconds_since(t);
    const double fts_cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - fts_cpu0;
    base.build_plain(passages);
    std::cerr << "FTS5 built in " << fmt(fts_s) << " s\n";

    const auto fl = filters();
    const auto& words = bench::topic_words();
    const auto& phrases = bench::planted_phrases();
    const int like_queries = std::max(1, queries / 10);  // a LIKE scan reads every row
    Samples x_rank, f_rank, l_rank, x_phrase, f_phrase, l_phrase;
    std::size_t x_hits = 0, f_hits = 0;
    for (int i = 0; i < queries; ++i) {
        const std::string& w = words[static_cast<std::size_t>(i * 7) % words.size()];
        const Filter& f = fl[static_cast<std::size_t>(i) % fl.size()];
        x_rank.time([&] { x_hits += ix.search({w, f.filters, 20, std::nullopt}).size(); });
        f_rank.time([&] { f_hits += static_cast<std::size_t>(base.fts_search("body:" + w + " AND facets:" + f.fts_word, 20)); });
        if (i < like_queries) l_rank.time([&] { base.like_search("%" + w + "%", "%" + f.fts_word + "%", 20); });
        const std::string& p = phrases[static_cast<std::size_t>(i) % phrases.size()];
        x_phrase.time([&] { ix.search({"\"" + p + "\"", {}, 20, std::nullopt}); });
        f_phrase.time([&] { base.fts_search("body:\"" + p + "\"", 20); });
        if (i < like_queries) l_phrase.time([&] { base.like_search("%" + p + "%", "%", 20); });
    }

    // One coding: the store's transaction plus the index update the CLI's session runs.
    Samples x_update, x_index_only, f_update;
    Samples* index_sink = &x_index_only;
    auto hook = project.changed().subscribe([&](const core::ProjectChanged& e) {
        index_sink->time([&] { ix.update(*file, e.changes, quiet); });
    });
    const auto all_docs = file->documents();
    for (int i = 0; i < 100; ++i) {
        const auto& d = all_docs[static_cast<std::size_t>(i * 37) % all_docs.size()];
        const auto ps = index::split_passages(d, file->text(d.text_id));
        const auto& p = ps[static_cast<std::size_t>(i * 13 + 3) % ps.size()];
        x_update.time([&] { project.execute(core::ApplyCodings({{d.id, p.span}}, "Bench/Update", "bench")); });
        f_update.time([&] { base.fts_update_facets(static_cast<std::int64_t>(i * 97 % passages.size()) + 1, "xcbenchupdate"); });
    }

    std::cout << "| measure | comb (Xapian) | SQLite FTS5 | LIKE scan | comb / FTS5 | target |\n"
              << "|---|---|---|---|---|---|\n";
    std::cout << "| import (store) s | " << fmt(import_s) << " | (same) | (same) | | |\n";
    std::cout << "| index build s | " << fmt(index_s) << " | " << fmt(fts_s) << " | - | " << fmt(index_s / fts_s, 1)
              << "x | |\n";
    std::cout << "| index build CPU s (all threads) | " << fmt(index_cpu) << " | " << fmt(fts_cpu) << " | - | "
              << fmt(index_cpu / fts_cpu, 1) << "x | |\n";
    std::cout << "| import + index s | " << fmt(import_s + index_s) << " | " << fmt(import_s + fts_s) << " | - | "
              << fmt((import_s + index_s) / (import_s + fts_s), 1) << "x | <= 15 s and <= 3x FTS5 (scale 1) |\n";
    auto row = [](const char* name, Samples& x, Samples& f, Samples& l, const char* target) {
        std::cout << "| " << name << " p50 / p95 ms | " << fmt(x.pct(0.5)) << " / " << fmt(x.pct(0.95)) << " | "
                  << fmt(f.pct(0.5)) << " / " << fmt(f.pct(0.95)) << " | ";
        if (l.ms.empty()) std::cout << "-";
        else std::cout << fmt(l.pct(0.5)) << " / " << fmt(l.pct(0.95));
        std::cout << " | " << fmt(x.pct(0.95) / std::max(f.pct(0.95), 1e-6), 2) << "x | " << target << " |\n";
        std::cout << "| " << name << ", CPU p50 / p95 ms | " << fmt(x.cpu_pct(0.5)) << " / " << fmt(x.cpu_pct(0.95))
                  << " | " << fmt(f.cpu_pct(0.5)) << " / " << fmt(f.cpu_pct(0.95)) << " | ";
        if (l.ms.empty()) std::cout << "-";
        else std::cout << fmt(l.cpu_pct(0.5)) << " / " << fmt(l.cpu_pct(0.95));
        std::cout << " | " << fmt(x.cpu_pct(0.95) / std::max(f.cpu_pct(0.95), 1e-6), 2) << "x | |\n";
    };
    row("ranked search + filter + snippets", x_rank, f_rank, l_rank, "p95 <= 5 ms");
    row("phrase search", x_phrase, f_phrase, l_phrase, "p95 <= 50 ms");
    Samples none;
    row("one coding: store + index", x_update, f_update, none, "p95 <= 10 ms");
    std::cout << "| one coding: index update only p50 / p95 ms (CPU) | " << fmt(x_index_only.pct(0.5)) << " / "
              << fmt(x_index_only.pct(0.95)) << " (" << fmt(x_index_only.cpu_pct(0.5)) << " / "
              << fmt(x_index_only.cpu_pct(0.95)) << ") | | | | |\n";
    std::cout << "\ncorpus: " << spec.transcripts << " transcripts x " << spec.words_per_transcript << " words, "
              << fmt(static_cast<double>(bytes) / 1e6, 1) << " MB, " << stats.passages << " passages, "
              << file->codings().size() << " codings; " << queries << " queries each (LIKE: " << like_queries
              << "); hits per ranked query: comb " << fmt(static_cast<double>(x_hits) / queries, 1) << ", FTS5 "
              << fmt(static_cast<double>(f_hits) / queries, 1) << "\n";
    hook.reset();
}

// --search-only PROJECT: only the ranked searches (as in run_bench) on an indexed project,
// with and without snippets, to compare changes to the search path quickly.
void search_only(const fs::path& project, int queries) {
    const index::PassageIndex ix(index::PassageIndex::folder_for(project));
    const auto fl = filters();
    const auto& words = bench::topic_words();
    Samples with, without;
    std::size_t hits = 0;
    for (int round = 0; round < 2; ++round) {  // the first round warms the caches, as run_bench's FTS5 build did
        for (int i = 0; i < queries; ++i) {
            const std::string& w = words[static_cast<std::size_t>(i * 7) % words.size()];
            const Filter& f = fl[static_cast<std::size_t>(i) % fl.size()];
            index::SearchSpec plain{w, f.filters, 20, std::nullopt};
            plain.snippets = false;
            if (round == 0) { ix.search({w, f.filters, 20, std::nullopt}); continue; }
            with.time([&] { hits += ix.search({w, f.filters, 20, std::nullopt}).size(); });
            without.time([&] { ix.search(plain); });
        }
    }
    std::cout << "| ranked search + filter (" << queries << " queries, " << hits << " hits) | p50 / p95 ms | CPU p50 / p95 ms |\n"
              << "|---|---|---|\n"
              << "| with snippets | " << fmt(with.pct(0.5)) << " / " << fmt(with.pct(0.95)) << " | " << fmt(with.cpu_pct(0.5))
              << " / " << fmt(with.cpu_pct(0.95)) << " |\n"
              << "| without snippets | " << fmt(without.pct(0.5)) << " / " << fmt(without.pct(0.95)) << " | "
              << fmt(without.cpu_pct(0.5)) << " / " << fmt(without.cpu_pct(0.95)) << " |\n";
}

void print_open(const fs::path& project) {
    std::cout << "\n| open a project (fresh process) | comb |\n|---|---|\n" << bench::open_rows(bench::measure_open(project));
}

}  // namespace

int main(int argc, char** argv) {
    bench::CorpusSpec spec;
    double scale = 1.0;
    int queries = 200;
    fs::path keep, open_only, search_project;
    int import_transcripts = 500;
    std::int64_t matrix_codings = 1000000;
    bool commands = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--scale") scale = std::atof(argv[i + 1]);
        else if (a == "--queries") queries = std::atoi(argv[i + 1]);
        else if (a == "--seed") spec.seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (a == "--keep") keep = argv[i + 1];
        else if (a == "--open-only") open_only = argv[i + 1];
        else if (a == "--search-only") search_project = argv[i + 1];
        else if (a == "--import-transcripts") import_transcripts = std::atoi(argv[i + 1]);
        else if (a == "--matrix-codings") matrix_codings = std::atoll(argv[i + 1]);
        else if (a == "--commands") commands = std::string(argv[i + 1]) != "no";
        else if (a == "--open-child") return bench::open_project_child(argv[i + 1]);
        else {
            std::cerr << "usage: comb_bench [--scale S] [--queries N] [--seed N] [--keep DIR] [--open-only PROJECT]\n"
                         "                  [--search-only PROJECT]\n"
                         "                  [--import-transcripts N] [--matrix-codings N] [--commands yes|no]\n";
            return 1;
        }
    }
    if (!search_project.empty()) {
        search_only(search_project, queries);
        return 0;
    }
    if (!open_only.empty()) {
        print_open(open_only);
        return 0;
    }
    const bench::CorpusSpec full = spec;
    spec.transcripts = std::max(1, static_cast<int>(spec.transcripts * scale + 0.5));
    const fs::path dir = keep.empty() ? fs::temp_directory_path() / ("comb-bench-" + std::to_string(::getpid())) : keep;
    fs::create_directories(dir);
    run_bench(spec, queries, dir);
    print_open(dir / "bench.comb");
    if (commands) {
        bench::CommandBenchSpec cs{full, dir / "commands", dir / "bench.comb", import_transcripts, matrix_codings};
        fs::create_directories(cs.dir);
        std::cout << bench::command_rows(cs);
    }
    if (keep.empty()) {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return 0;
}

std::vector<bench::BenchPassage> bench::bench_passages(const store::ProjectFile& file) {
    const index::FacetSource facets(file);
    std::map<core::DocumentId, std::vector<core::Coding>> codings;
    for (auto& c : file.codings()) codings[c.document].push_back(c);
    std::vector<bench::BenchPassage> out;
    for (const auto& d : file.documents()) {
        const std::string text = file.text(d.text_id);
        const core::utf8::OffsetMap offsets(text);
        std::string doc_words;
        for (const auto& t : facets.document_terms(d)) doc_words += bench::facet_word("", t) + " ";
        for (const auto& p : index::split_passages(d, text)) {
            bench::BenchPassage b{d.id.value, p.span.start.value, p.span.end.value, {}, doc_words};
            const auto s = offsets.byte_offset(p.span.start);
            b.body = text.substr(s, offsets.byte_offset(p.span.end) - s);
            for (const auto& c : codings[d.id]) {
                if (!c.span.overlaps(p.span)) continue;
                for (const auto& t : facets.coding_terms(c)) b.facets += bench::facet_word("", t) + " ";
            }
            out.push_back(std::move(b));
        }
    }
    return out;
}
