#include "project_file.h"

#include <sqlite3.h>

#include "core/error.h"
#include "row_codec.h"
#include "schema.h"

namespace comb::store {
namespace fs = std::filesystem;
using core::InputError;

class FileTransaction final : public core::Transaction {
public:
    FileTransaction(ProjectFile& file, std::string_view operation) : file_(file), operation_(operation) {
        if (file_.in_transaction_) throw core::StoreError(operation_, "a transaction is already open");
        // IMMEDIATE takes the write lock now, so a concurrent writer waits instead of failing later.
        file_.db_.exec("BEGIN IMMEDIATE");
        file_.in_transaction_ = true;
        file_.next_ids_.clear();
    }
    ~FileTransaction() override {
        if (!done_) {
            sqlite3_exec(file_.db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            file_.in_transaction_ = false;
            file_.next_ids_.clear();
        }
    }
    void commit() override {
        file_.db_.exec("COMMIT");
        done_ = true;
        file_.in_transaction_ = false;
        file_.next_ids_.clear();
    }

private:
    ProjectFile& file_;
    std::string operation_;
    bool done_ = false;
};

ProjectFile::ProjectFile(fs::path path, Connection db) : path_(std::move(path)), db_(std::move(db)) {}

void ProjectFile::configure() {
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA journal_mode = WAL");
    // FULL: a committed action survives power loss, not only a crash of Comb.
    db_.exec("PRAGMA synchronous = FULL");
}

std::unique_ptr<ProjectFile> ProjectFile::create(const fs::path& path) {
    if (fs::exists(path)) throw InputError({path.string()}, "already exists; comb new will not overwrite it");
    Connection db(path.string(), true);
    std::unique_ptr<ProjectFile> file(new ProjectFile(path, std::move(db)));
    file->configure();
    create_schema(file->db_);
    return file;
}

std::unique_ptr<ProjectFile> ProjectFile::open(const fs::path& path) {
    if (!fs::exists(path)) throw InputError({path.string()}, "no such project file");
    if (fs::is_directory(path)) throw InputError({path.string()}, "is a folder, not a project file");
    Connection db(path.string(), false);
    std::unique_ptr<ProjectFile> file(new ProjectFile(path, std::move(db)));
    try {
        Statement app(file->db_, "PRAGMA application_id");
        const auto id = app.step() ? app.int64(0) : 0;
        if (id != kApplicationId) throw InputError({path.string()}, "not a Comb project");
        Statement check(file->db_, "PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok") {
            throw InputError({path.string()}, "the project file is damaged (" + check.text(0) + ")");
        }
    } catch (const core::StoreError& e) {
        // SQLite says "file is not a database" for anything that is not one.
        throw InputError({path.string()}, "not a Comb project or damaged (" + std::string(e.what()) + ")");
    }
    file->configure();
    migrate(file->db_, path.string());
    return file;
}

std::string ProjectFile::integrity_check() {
    Statement st(db_, "PRAGMA integrity_check");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
    return out;
}

std::unique_ptr<core::Transaction> ProjectFile::begin(std::string_view operation) {
    return std::make_unique<FileTransaction>(*this, operation);
}

std::int64_t ProjectFile::reserve_id(core::RowKind kind) {
    auto it = next_ids_.find(kind);
    if (it == next_ids_.end()) {
        static const std::map<core::RowKind, const char*> tables = {
            {core::RowKind::document, "documents"}, {core::RowKind::case_, "cases"},
            {core::RowKind::attribute, "attributes"}, {core::RowKind::code, "codes"},
            {core::RowKind::coding, "codings"}, {core::RowKind::memo, "memos"}, {core::RowKind::theme, "themes"}};
        Statement st(db_, std::string("SELECT COALESCE(MAX(id), 0) + 1 FROM ") + tables.at(kind));
        st.step();
        it = next_ids_.emplace(kind, st.int64(0)).first;
    }
    return it->second++;
}

core::TextId ProjectFile::add_text(std::string_view text, std::string_view hash) {
    Statement st(db_, "INSERT INTO texts(hash, content) VALUES(?, ?)");
    st.bind(1, hash).bind(2, text).run();
    return core::TextId(db_.last_insert_id());
}

std::string ProjectFile::text(core::TextId id) const {
    Statement st(db_, "SELECT content FROM texts WHERE id = ?");
    st.bind(1, id.value);
    if (!st.step()) throw core::StoreError("read text", "no text " + std::to_string(id.value));
    return st.text(0);
}

std::optional<core::TextId> ProjectFile::find_text_by_hash(std::string_view hash) const {
    Statement st(db_, "SELECT id FROM texts WHERE hash = ? LIMIT 1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return core::TextId(st.int64(0));
}

void ProjectFile::push_history(const core::HistoryEntry& entry) {
    db_.exec("DELETE FROM history WHERE applied = 0");
    Statement st(db_, "INSERT INTO history(label, time, changes, applied) VALUES(?, ?, ?, 1)");
    st.bind(1, entry.label).bind(2, entry.time).bind(3, encode_changes(entry.changes)).run();
}

namespace {
std::optional<core::HistoryEntry> read_entry(Statement& st) {
    if (!st.step()) return std::nullopt;
    core::HistoryEntry e;
    e.seq = st.int64(0);
    e.label = st.text(1);
    e.time = st.text(2);
    e.changes = decode_changes(st.text(3));
    e.applied = st.int64(4) != 0;
    return e;
}
}  // namespace

std::optional<core::HistoryEntry> ProjectFile::last_applied() const {
    Statement st(db_, "SELECT seq, label, time, changes, applied FROM history WHERE applied = 1 ORDER BY seq DESC LIMIT 1");
    return read_entry(st);
}

std::optional<core::HistoryEntry> ProjectFile::first_undone() const {
    Statement st(db_, "SELECT seq, label, time, changes, applied FROM history WHERE applied = 0 ORDER BY seq ASC LIMIT 1");
    return read_entry(st);
}

void ProjectFile::set_applied(std::int64_t seq, bool applied) {
    Statement st(db_, "UPDATE history SET applied = ? WHERE seq = ?");
    st.bind(1, std::int64_t{applied}).bind(2, seq).run();
}

std::int64_t ProjectFile::data_version() const {
    Statement st(db_, "PRAGMA data_version");
    return st.step() ? st.int64(0) : 0;
}

std::vector<core::HistoryEntry> ProjectFile::history_after(std::int64_t seq, std::size_t limit) const {
    Statement st(db_, "SELECT seq, label, time, changes, applied FROM history WHERE seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, seq).bind(2, static_cast<std::int64_t>(limit));
    std::vector<core::HistoryEntry> out;
    while (auto e = read_entry(st)) out.push_back(std::move(*e));
    return out;
}

std::int64_t ProjectFile::last_history_seq() const {
    Statement st(db_, "SELECT COALESCE(MAX(seq), 0) FROM history");
    return st.step() ? st.int64(0) : 0;
}

std::int64_t ProjectFile::change_counter() const {
    return std::stoll(setting("change_counter").value_or("0"));
}

void ProjectFile::bump_change_counter() {
    db_.exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'");
}

std::optional<std::string> ProjectFile::setting(std::string_view key) const {
    Statement st(db_, "SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void ProjectFile::set_setting(std::string_view key, std::string_view value) {
    Statement st(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).run();
}

}  // namespace comb::store
