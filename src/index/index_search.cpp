// SPDX-License-Identifier: GPL-3.0-or-later
// PassageIndex::search and ::similar: Xapian's query parser, filters, snippets, relevance feedback.
#include <algorithm>
#include <map>
#include <set>

#include "index/index_impl.h"

namespace comb::index {
namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                  Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;
constexpr std::size_t kSnippetBytes = 240;
constexpr Xapian::termcount kExpandTerms = 40;
constexpr Xapian::doccount kMaxFeedbackPassages = 1000;

// A field of the query language ("code:Time") as a boolean term; the value is folded the
// same way the index folds it. Tag words that do not parse match nothing.
class FieldTerm : public Xapian::FieldProcessor {
public:
    explicit FieldTerm(std::function<std::string(const std::string&)> to_term) : to_term_(std::move(to_term)) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return Xapian::Query(to_term_(value));
        } catch (const core::InputError&) {
            return Xapian::Query(std::string(prefix::kComb) + "?");
        }
    }

private:
    std::function<std::string(const std::string&)> to_term_;
};

// Terms for relevance feedback: stemmed content words ("Z" + stem), not boolean terms
// (other upper-case prefixes), not stop words, which say nothing about a topic.
class ContentTerms : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& t) const override {
        if (t.size() < 3 || t[0] != 'Z' || (t[1] >= 'A' && t[1] <= 'Z')) return false;
        const std::string_view word = std::string_view(t).substr(1);
        static const std::set<std::string_view> stop = {
            "a", "about", "all", "also", "an", "and", "ani", "are", "as", "at", "be", "becaus", "been", "but", "by",
            "can", "could", "did", "do", "don't", "for", "from", "get", "got", "had", "has", "have", "he", "her",
            "him", "his", "i", "if", "in", "into", "is", "it", "just", "know", "like", "me", "mean",
            "more", "my", "no", "not", "of", "on", "one", "or", "our", "out", "realli", "so", "some", "that",
            "the", "their", "them", "then", "there", "they", "thing", "think", "this", "to", "up", "us", "veri",
            "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "yeah", "you", "your"};
        return !stop.count(word);
    }
};

// Xapian's parser quietly reads "(time" as "time" and "time)" as "time"; a user who typed a
// bracket meant a group, so an unbalanced one is refused with its column (code points, 1-based).
void check_brackets(const std::string& query) {
    std::vector<std::int64_t> open;
    bool in_quote = false;
    std::int64_t column = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const auto c = static_cast<unsigned char>(query[i]);
        if ((c & 0xC0) != 0x80) ++column;
        if (c == '"') in_quote = !in_quote;
        if (in_quote) continue;
        if (c == '(') open.push_back(column);
        if (c == ')') {
            if (open.empty()) {
                throw core::InputError({"<query>", 1, column}, "cannot read the query \"" + query + "\": the bracket at column " +
                                                                   std::to_string(column) + " closes nothing");
            }
            open.pop_back();
        }
    }
    if (!open.empty()) {
        throw core::InputError({"<query>", 1, open.back()}, "cannot read the query \"" + query + "\": the bracket at column " +
                                                                std::to_string(open.back()) + " is never closed");
    }
}

std::string html_unescape(std::string s) {
    static const std::pair<std::string_view, std::string_view> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [from, to] : entities) {
                if (s.compare(i, from.size(), from) == 0) { out += to; i += from.size(); replaced = true; break; }
            }
        }
        if (!replaced) out += s[i++];
    }
    return out;
}

Xapian::Query any_of(const std::vector<std::string>& values, const std::function<std::string(const std::string&)>& to_term) {
    std::vector<Xapian::Query> qs;
    for (const auto& v : values) qs.emplace_back(to_term(v));
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

Xapian::Query filter_query(const Filters& f) {
    std::vector<Xapian::Query> all;
    auto add = [&all](const std::vector<std::string>& values, const std::function<std::string(const std::string&)>& to_term) {
        if (!values.empty()) all.push_back(any_of(values, to_term));
    };
    add(f.codes, [](const std::string& v) { return term(prefix::kCode, v); });
    add(f.themes, [](const std::string& v) { return term(prefix::kTheme, v); });
    add(f.comb, [](const std::string& v) { return comb_term(v); });
    add(f.levels, [](const std::string& v) { return level_term(v); });
    add(f.valences, [](const std::string& v) { return valence_term(v); });
    add(f.cases, [](const std::string& v) { return term(prefix::kCase, v); });
    add(f.speakers, [](const std::string& v) { return term(prefix::kSpeaker, v); });
    add(f.attributes, [](const std::string& kv) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw core::InputError::argument("--attr wants KEY=VALUE, got \"" + kv + "\"");
        }
        return attribute_term(kv.substr(0, eq), kv.substr(eq + 1));
    });
    if (all.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

// True when every term of `q` is a prefixed boolean term (no words to rank by).
bool boolean_only(const Xapian::Query& q) {
    if (q.get_terms_begin() == q.get_terms_end()) return false;  // e.g. a wildcard, expanded later
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) {
        if ((*t).empty() || !((*t)[0] >= 'A' && (*t)[0] <= 'Z') || (*t)[0] == 'Z') return false;
    }
    return true;
}

using TextOf = std::function<std::string(const TextRef&)>;

std::vector<Hit> collect(const Xapian::MSet& mset, const Xapian::Stem& stem, const TextOf& text_of, bool snippets = true) {
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        // Both orders sort by the order value, so the MSet holds it: no document to read.
        std::string value = it.get_sort_key();
        if (value.size() <= kOrderKeyBytes) value = it.get_document().get_value(kOrderSlot);
        PassageData p = parse_value(value);
        Hit h{p.doc, p.span, it.get_weight(), {}, std::move(p.case_name), text_of(p.text)};
        if (snippets) h.snippet = html_unescape(mset.snippet(h.text, kSnippetBytes, stem,
                                               Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                               "«", "»", "…"));
        hits.push_back(std::move(h));
    }
    return hits;
}

// The field:value processors of a query (code:, theme:, comb:, level:, valence:, case:,
// speaker:, doc: and each case attribute), field values folded like the index folds them.
// They must outlive the QueryParser they are added to.
class QueryFields {
public:
    // `attribute_names`: the index's attribute names, one a line.
    void add_to(Xapian::QueryParser& qp, const std::string& attribute_names) {
        // A field takes one processor: built-in names win over attributes, and an attribute
        // spelled in two cases is registered once.
        std::set<std::string> fields{"code", "theme", "comb", "level", "valence", "case", "speaker", "doc"};
        const std::string& names = attribute_names;
        for (std::size_t at = 0, nl; (nl = names.find('\n', at)) != std::string::npos; at = nl + 1) {
            const std::string name = names.substr(at, nl - at);
            if (name.empty() || name.find_first_of(" :\t\"()") != std::string::npos) continue;
            attributes_.push_back(std::make_unique<FieldTerm>([name](const std::string& v) { return attribute_term(name, v); }));
            for (const auto& field : {name, fold(name)}) {
                if (fields.insert(field).second) qp.add_boolean_prefix(field, attributes_.back().get());
            }
        }
        qp.add_boolean_prefix("code", &code_);
        qp.add_boolean_prefix("theme", &theme_);
        qp.add_boolean_prefix("comb", &comb_);
        qp.add_boolean_prefix("level", &level_);
        qp.add_boolean_prefix("valence", &valence_);
        qp.add_boolean_prefix("case", &case_);
        qp.add_boolean_prefix("speaker", &speaker_);
        qp.add_boolean_prefix("doc", &document_);
    }

private:
    FieldTerm code_{[](const std::string& v) { return term(prefix::kCode, v); }};
    FieldTerm theme_{[](const std::string& v) { return term(prefix::kTheme, v); }};
    FieldTerm comb_{[](const std::string& v) { return comb_term(v); }};
    FieldTerm level_{[](const std::string& v) { return level_term(v); }};
    FieldTerm valence_{[](const std::string& v) { return valence_term(v); }};
    FieldTerm case_{[](const std::string& v) { return term(prefix::kCase, v); }};
    FieldTerm speaker_{[](const std::string& v) { return term(prefix::kSpeaker, v); }};
    FieldTerm document_{[](const std::string& v) { return term(prefix::kDocument, v); }};
    std::vector<std::unique_ptr<FieldTerm>> attributes_;
};

// The passages that overlap any of `spans` go into the relevance set (at most
// kMaxFeedbackPassages); returns a query matching exactly them, to leave them out.
Xapian::Query seed_from_spans(const Xapian::Database& db, const std::vector<std::pair<core::DocumentId, core::Span>>& spans,
                              Xapian::RSet& rset) {
    std::map<core::DocumentId, std::vector<core::Span>> by_doc;
    for (const auto& [doc, span] : spans) by_doc[doc].push_back(span);
    std::vector<Xapian::Query> seeds;
    for (const auto& [doc, list] : by_doc) {
        const std::string doc_term = term(prefix::kDocument, std::to_string(doc.value));
        for (auto p = db.postlist_begin(doc_term); p != db.postlist_end(doc_term) && seeds.size() < kMaxFeedbackPassages; ++p) {
            const std::string key = db.get_document(*p).get_value(kOrderSlot);
            const PassageData d = parse_value(key);
            if (std::none_of(list.begin(), list.end(), [&](const core::Span& s) { return d.span.overlaps(s); })) continue;
            rset.add_document(*p);
            // No unique term per passage (index format 3): its document term and its whole
            // order value (key and data, unique per passage) pick it out.
            seeds.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(doc_term),
                               Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kOrderSlot, key, key));
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, seeds.begin(), seeds.end());
}

}  // namespace

std::vector<Hit> PassageIndex::search(const SearchSpec& spec) const {
    const Xapian::Database& db = impl_->reader();
    try {
        const std::string language = impl_->metadata(meta::kLanguage);
        const Xapian::Stem stem = stemmer_for(language);
        Xapian::QueryParser qp;
        qp.set_stemmer(stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_database(db);
        qp.set_default_op(Xapian::Query::OP_AND);
        QueryFields fields;  // alive while qp parses
        fields.add_to(qp, impl_->metadata(meta::kAttributes));

        Xapian::Query q = Xapian::Query::MatchAll;
        bool ranked = false;
        if (spec.query.find_first_not_of(" \t\r\n") != std::string::npos) {
            check_brackets(spec.query);
            try {
                q = qp.parse_query(spec.query, kParserFlags);
            } catch (const Xapian::QueryParserError& e) {
                throw core::InputError({"<query>"}, "cannot read the query \"" + spec.query + "\": " + e.get_msg());
            }
            ranked = !boolean_only(q);
        }
        const Xapian::Query filter = filter_query(spec.filters);
        if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        if (spec.order.value_or(ranked ? Order::relevance : Order::document) == Order::document) {
            enquire.set_sort_by_value(kOrderSlot, false);
        } else {
            enquire.set_sort_by_relevance_then_value(kOrderSlot, false);
        }
        const Xapian::doccount limit = spec.limit ? static_cast<Xapian::doccount>(spec.limit) : db.get_doccount();
        return collect(enquire.get_mset(0, limit), stem, [this](const TextRef& r) { return impl_->text(r); }, spec.snippets);
    } catch (const Xapian::Error& e) {
        throw index_error("search the index", e);
    }
}

std::vector<Hit> PassageIndex::similar(const SimilarSpec& spec) const {
    const Xapian::Database& db = impl_->reader();
    try {
        const std::string language = impl_->metadata(meta::kLanguage);
        const Xapian::Stem stem = stemmer_for(language);
        Xapian::RSet rset;
        Xapian::Query exclude;
        if (spec.code && spec.only) {
            exclude = seed_from_spans(db, *spec.only, rset);
            if (rset.empty()) throw core::InputError::argument("no coded passages of \"" + *spec.code + "\" to compare with");
        } else if (spec.code) {
            const std::string code_term = term(prefix::kCode, *spec.code);
            Xapian::doccount n = 0;
            for (auto p = db.postlist_begin(code_term); p != db.postlist_end(code_term) && n < kMaxFeedbackPassages; ++p, ++n) {
                rset.add_document(*p);
            }
            if (rset.empty()) throw core::InputError::argument("no coded passages of \"" + *spec.code + "\" to compare with");
            exclude = Xapian::Query(code_term);
        } else {
            const std::string doc_term = term(prefix::kDocument, std::to_string(spec.doc.value));
            std::string first_key, last_key;  // the seeds are consecutive passages of the document
            for (auto p = db.postlist_begin(doc_term); p != db.postlist_end(doc_term); ++p) {
                const std::string key = db.get_document(*p).get_value(kOrderSlot);
                const PassageData d = parse_value(key);
                const bool at_point = spec.span.empty() && d.span.start <= spec.span.start && spec.span.start < d.span.end;
                const bool hit = at_point || d.span.overlaps(spec.span);
                if (!hit) continue;
                rset.add_document(*p);
                if (first_key.empty() || key < first_key) first_key = key;
                if (key > last_key) last_key = key;
            }
            if (rset.empty()) {
                throw core::InputError::argument("no passage of document " + std::to_string(spec.doc.value) + " at " +
                                                           std::to_string(spec.span.start.value) + "-" +
                                                           std::to_string(spec.span.end.value));
            }
            // Passages have no unique term (index format 3): the seeds are the document's
            // passages whose order values lie between the first seed's and the last's.
            exclude = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(doc_term),
                                    Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kOrderSlot, first_key, last_key));
        }
        Xapian::Enquire enquire(db);
        const ContentTerms decider;
        const Xapian::ESet eset = enquire.get_eset(kExpandTerms, rset, &decider);
        std::vector<Xapian::Query> terms;
        // Weighted by how strongly each term marks the seed passages, not just present.
        for (auto t = eset.begin(); t != eset.end(); ++t) {
            terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), t.get_weight());
        }
        if (terms.empty()) return {};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                        Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), exclude));
        enquire.set_sort_by_relevance_then_value(kOrderSlot, false);
        const Xapian::doccount limit = spec.limit ? static_cast<Xapian::doccount>(spec.limit) : db.get_doccount();
        return collect(enquire.get_mset(0, limit), stem, [this](const TextRef& r) { return impl_->text(r); });
    } catch (const Xapian::Error& e) {
        throw index_error("find similar passages", e);
    }
}

}  // namespace comb::index
