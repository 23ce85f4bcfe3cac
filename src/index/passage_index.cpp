// SPDX-License-Identifier: GPL-3.0-or-later
// PassageIndex: opening, checking, rebuilding and incremental updates.
#include <algorithm>
#include <map>
#include <set>

#include "core/code_paths.h"
#include "index/index_impl.h"
#include "index/index_swap.h"

namespace comb::index {
namespace fs = std::filesystem;

namespace {

// Above this many whole documents to (re)index, one parallel rebuild beats updating in place.
constexpr std::size_t kRebuildAboveDocuments = 50;

// What a change set touched: per document, the spans to re-index, or the whole document.
struct Affected {
    std::set<core::DocumentId> whole;
    std::map<core::DocumentId, std::vector<core::Span>> spans;
};

void add_codings_of_codes(const core::Repository& repo, const std::set<core::CodeId>& codes, Affected& out) {
    if (codes.empty()) return;
    const core::CodeTree tree(repo.codes());
    std::set<core::CodeId> all = codes;
    for (const auto c : codes) {
        if (tree.find(c)) for (const auto d : tree.descendants(c)) all.insert(d);
    }
    for (const auto& c : repo.codings()) {
        if (all.count(c.code)) out.spans[c.document].push_back(c.span);
    }
}

void add_documents_of_cases(const core::Repository& repo, const std::set<core::CaseId>& cases, Affected& out) {
    if (cases.empty()) return;
    for (const auto& d : repo.documents()) {
        if (d.case_id && cases.count(*d.case_id)) out.whole.insert(d.id);
    }
}

Affected affected_by(const core::Repository& repo, const core::ChangeSet& changes) {
    Affected out;
    std::set<core::CodeId> codes;
    std::set<core::CaseId> cases;
    std::set<core::AttributeId> attributes;
    std::set<core::ThemeId> themes;
    for (const auto& change : changes.changes) {
        for (const auto* row : {change.before ? &*change.before : nullptr, change.after ? &*change.after : nullptr}) {
            if (!row) continue;
            std::visit([&](const auto& r) {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, core::Document>) out.whole.insert(r.id);
                else if constexpr (std::is_same_v<T, core::Coding>) out.spans[r.document].push_back(r.span);
                else if constexpr (std::is_same_v<T, core::Case>) cases.insert(r.id);
                else if constexpr (std::is_same_v<T, core::AttributeValue>) cases.insert(r.case_id);
                else if constexpr (std::is_same_v<T, core::Attribute>) attributes.insert(r.id);
                else if constexpr (std::is_same_v<T, core::Code>) codes.insert(r.id);
                else if constexpr (std::is_same_v<T, core::Theme>) {
                    themes.insert(r.id);
                    codes.insert(r.codes.begin(), r.codes.end());
                }
            }, *row);
        }
    }
    if (!attributes.empty()) {
        for (const auto& v : repo.attribute_values()) if (attributes.count(v.attribute_id)) cases.insert(v.case_id);
    }
    if (!themes.empty()) {
        // Moving a theme moves its subthemes' codes in or out of every ancestor theme.
        const auto all = repo.themes();
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& t : all) {
                if (t.parent && themes.count(*t.parent) && themes.insert(t.id).second) grew = true;
            }
        }
        for (const auto& t : all) if (themes.count(t.id)) codes.insert(t.codes.begin(), t.codes.end());
    }
    add_codings_of_codes(repo, codes, out);
    add_documents_of_cases(repo, cases, out);
    for (const auto d : out.whole) out.spans.erase(d);
    return out;
}

DocumentInput input_of(const core::Repository& repo, const core::Document& doc) {
    DocumentInput in{doc, repo.text(doc.text_id), repo.codings_of_document(doc.id)};
    std::stable_sort(in.codings.begin(), in.codings.end(),
                     [](const core::Coding& a, const core::Coding& b) { return a.span.start < b.span.start; });
    return in;
}

}  // namespace

core::IndexError index_error(const std::string& operation, const Xapian::Error& e) {
    return core::IndexError(operation, e.get_description());
}

// --- Impl -----------------------------------------------------------------------------

void PassageIndex::Impl::open() {
    close();
    std::vector<fs::path> paths;
    for (int i = 0; fs::exists(folder / ("shard" + std::to_string(i))); ++i) paths.push_back(folder / ("shard" + std::to_string(i)));
    if (paths.empty()) { broken = "missing"; return; }
    try {
        try {
            for (const auto& p : paths) {
                shards.emplace_back(p.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
                db.add_database(shards.back());
            }
            writable = true;
        } catch (const Xapian::DatabaseLockError&) {
            // Another process (the GUI) is writing; search what is there, update nothing.
            shards.clear();
            db = Xapian::WritableDatabase();
            for (const auto& p : paths) read_only.add_database(Xapian::Database(p.string()));
        }
        // Reading the metadata of every shard touches each postlist table, so a damaged
        // file shows up here rather than in the middle of a search.
        const std::string stamp = metadata(meta::kStamp);
        const Xapian::Database& r = writable ? static_cast<const Xapian::Database&>(db) : read_only;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const Xapian::Database one = writable ? shards[i] : Xapian::Database(paths[i].string());
            if (one.get_metadata(meta::kStamp) != stamp) { broken = "corrupt: shards disagree"; return; }
        }
        if (metadata(meta::kFormat) != meta::kFormatVersion) { broken = "format changed"; return; }
        const auto sizes = parse_sizes(metadata(meta::kTexts));
        if (!sizes) { broken = "corrupt: no passage text sizes"; return; }
        if (const auto why = texts.open(folder, *sizes)) { broken = "corrupt: " + *why; return; }
        text_sizes = *sizes;
        broken.reset();
    } catch (const Xapian::Error& e) {
        close();
        broken = "corrupt: " + e.get_description();
    }
}

void PassageIndex::Impl::close() {
    appender.reset();
    texts.close();
    text_sizes.clear();
    for (auto& s : shards) {
        try { s.close(); } catch (const Xapian::Error&) {}
    }
    shards.clear();
    db = Xapian::WritableDatabase();
    read_only = Xapian::Database();
    writable = false;
}

const Xapian::Database& PassageIndex::Impl::reader() const {
    if (broken) throw core::IndexError("open the search index in " + folder.string(), *broken);
    if (writable) return db;
    return read_only;
}

std::string PassageIndex::Impl::metadata(const std::string& key) const {
    // On several shards Xapian answers from the first one; each shard is written alike.
    return writable ? db.get_metadata(key) : read_only.get_metadata(key);
}

void PassageIndex::Impl::set_metadata(const std::string& key, const std::string& value) {
    for (auto& s : shards) s.set_metadata(key, value);
}

std::string PassageIndex::Impl::text(const TextRef& ref) {
    try {
        return texts.read(ref);
    } catch (const core::IndexError& e) {
        broken = std::string("corrupt: ") + e.what();
        throw;
    }
}

TextAppender& PassageIndex::Impl::update_appender() {
    if (!appender) appender.emplace(folder, 0);
    return *appender;
}

void PassageIndex::Impl::flush_texts() {
    if (!appender) return;
    appender->flush();
    text_sizes.at(0) = appender->size();
    set_metadata(meta::kTexts, format_sizes(text_sizes));
}

// --- PassageIndex ---------------------------------------------------------------------

fs::path PassageIndex::folder_for(const fs::path& project_file) {
    return project_file.parent_path() / (project_file.stem().string() + ".comb-index");
}

PassageIndex::PassageIndex(fs::path folder) : impl_(std::make_unique<Impl>()) {
    impl_->folder = std::move(folder);
    impl_->open();
}

PassageIndex::~PassageIndex() {
    if (impl_) impl_->close();
}
PassageIndex::PassageIndex(PassageIndex&&) noexcept = default;
PassageIndex& PassageIndex::operator=(PassageIndex&&) noexcept = default;

std::optional<std::string> PassageIndex::rebuild_reason(const core::Repository& repo) const {
    if (impl_->broken) return impl_->broken;
    try {
        if (impl_->metadata(meta::kLanguage) != language_of(repo)) return "language changed";
        if (impl_->metadata(meta::kStamp) != std::to_string(repo.change_counter())) return "stale";
    } catch (const Xapian::Error& e) {
        return "corrupt: " + e.get_description();
    }
    return std::nullopt;
}

void PassageIndex::rebuild(const core::Repository& repo, core::Progress& progress) {
    impl_->facets.reset();
    // Built beside the old index and swapped in (index_swap.h), so a failed or cancelled
    // build leaves no half index and the old one (still open) as it was.
    remove_abandoned_builds(impl_->folder);
    const fs::path building = building_folder_for(impl_->folder);
    std::error_code ec;
    try {
        build_index(building, repo, progress);
        // A Cancel pressed during the last commits still wins: nothing has been replaced yet.
        if (progress.cancelled()) throw core::Cancelled();
    } catch (...) {
        fs::remove_all(building, ec);
        throw;
    }
    impl_->close();
    try {
        swap_in(building, impl_->folder);
    } catch (...) {
        fs::remove_all(building, ec);
        throw;
    }
    fs::remove_all(building, ec);  // the old index, if there was one
    impl_->open();
    if (impl_->broken) throw core::IndexError("open the new index in " + impl_->folder.string(), *impl_->broken);
}

void PassageIndex::ensure_current(const core::Repository& repo, core::Progress& progress,
                                  const std::function<void(const std::string&)>& notice) {
    if (const auto reason = rebuild_reason(repo)) {
        if (notice) notice(*reason);
        rebuild(repo, progress);
    }
}

std::optional<std::string> PassageIndex::update(const core::Repository& repo, const core::ChangeSet& changes,
                                                core::Progress& progress) {
    const auto reason = update_in_place(repo, changes);
    if (reason) rebuild(repo, progress);
    return reason;
}

std::optional<std::string> PassageIndex::update_in_place(const core::Repository& repo, const core::ChangeSet& changes) {
    const auto counter = repo.change_counter();
    return update_from(repo, changes, counter - 1, counter, repo.last_history_seq());
}

std::optional<std::string> PassageIndex::update_from(const core::Repository& repo, const core::ChangeSet& changes,
                                                     std::int64_t from, std::int64_t counter, std::int64_t seq) {
    std::optional<std::string> reason = impl_->broken;
    if (!reason) {
        try {
            if (impl_->metadata(meta::kStamp) != std::to_string(from) ||
                impl_->metadata(meta::kLanguage) != language_of(repo)) {
                reason = "stale";
            }
        } catch (const Xapian::Error& e) {
            reason = "corrupt: " + e.get_description();
        }
    }
    if (!reason && !impl_->writable) return std::nullopt;  // someone else's index; stays stale
    const Affected affected = reason ? Affected{} : affected_by(repo, changes);
    if (!reason && affected.whole.size() > kRebuildAboveDocuments) reason = "bulk import";
    if (reason) return reason;
    try {
        using core::RowKind;
        if (!impl_->facets || changes.touches(RowKind::code) || changes.touches(RowKind::theme) ||
            changes.touches(RowKind::case_) || changes.touches(RowKind::attribute) ||
            changes.touches(RowKind::attribute_value)) {
            impl_->facets = std::make_unique<FacetSource>(repo);
        }
        const FacetSource& facets = *impl_->facets;
        auto tg = term_generator(language_of(repo));
        for (const auto id : affected.whole) {
            impl_->db.delete_document(term(prefix::kDocument, std::to_string(id.value)));
            const auto doc = repo.find_document(id);
            if (!doc) continue;
            for (auto& [start, xd] : passage_documents(input_of(repo, *doc), facets, tg, impl_->update_appender())) {
                impl_->db.add_document(xd);
            }
        }
        for (const auto& [id, spans] : affected.spans) {
            const auto doc = repo.find_document(id);
            if (!doc) continue;
            const auto ids = passage_ids(impl_->db, id);
            for (auto& [start, xd] : passage_documents(input_of(repo, *doc), facets, tg, impl_->update_appender(), &spans)) {
                const auto found = ids.find(start.value);
                if (found != ids.end()) impl_->db.replace_document(found->second, xd);
                else impl_->db.add_document(xd);
            }
        }
        if (changes.touches(RowKind::attribute)) {
            std::string names;
            for (const auto& a : facets.attribute_names()) names += a + "\n";
            impl_->set_metadata(meta::kAttributes, names);
        }
        impl_->flush_texts();
        impl_->set_metadata(meta::kStamp, std::to_string(counter));
        impl_->set_metadata(meta::kSeq, std::to_string(seq));
        impl_->db.commit();
    } catch (const Xapian::Error& e) {
        throw index_error("update the search index in " + impl_->folder.string(), e);
    }
    return std::nullopt;
}

IndexStats PassageIndex::stats() const {
    IndexStats s;
    try {
        const auto& r = impl_->reader();
        s.passages = r.get_doccount();
        s.shards = static_cast<int>(r.size());
        const std::string p(prefix::kDocument);
        for (auto t = r.allterms_begin(p); t != r.allterms_end(p); ++t) ++s.documents;
    } catch (const Xapian::Error& e) {
        throw index_error("read the search index", e);
    }
    return s;
}

// --- Filters --------------------------------------------------------------------------

bool Filters::empty() const {
    return codes.empty() && themes.empty() && comb.empty() && levels.empty() && valences.empty() && cases.empty() &&
           attributes.empty() && speakers.empty();
}

std::string Filters::describe() const {
    std::string out;
    auto add = [&out](const char* name, const std::vector<std::string>& values) {
        if (values.empty()) return;
        if (!out.empty()) out += " AND ";
        std::string alt;
        for (const auto& v : values) alt += (alt.empty() ? "" : " OR ") + std::string(name) + "=" + v;
        out += values.size() > 1 ? "(" + alt + ")" : alt;
    };
    add("code", codes);
    add("theme", themes);
    add("comb", comb);
    add("level", levels);
    add("valence", valences);
    add("case", cases);
    add("attr", attributes);
    add("speaker", speakers);
    return out.empty() ? "no filter" : out;
}

}  // namespace comb::index
