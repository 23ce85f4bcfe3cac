// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy_project.h"

#include "core/error.h"

namespace comb::store {
using namespace comb::core;

namespace {

void require_empty(const Repository& to) {
    if (!to.documents().empty() || !to.codes().empty() || !to.cases().empty() || !to.memos().empty() ||
        !to.themes().empty() || !to.history(std::nullopt, false).empty()) {
        throw InputError::argument("the target already holds a project; comb copy writes only into a new, empty one");
    }
}

// Ids must come out as they went in: rows and history refer to texts and entries by id.
void require_same(const char* what, std::int64_t want, std::int64_t got) {
    if (want != got) {
        throw StoreError("copy " + std::string(what), "the target numbered " + std::to_string(want) + " as " +
                                                         std::to_string(got) + "; nothing was copied");
    }
}

template <class Rows>
std::int64_t insert_all(Repository& to, const Rows& rows) {
    for (const auto& r : rows) to.insert(Row(r));
    return static_cast<std::int64_t>(rows.size());
}

}  // namespace

CopyCounts copy_project(const Repository& from, Repository& to) {
    require_empty(to);
    CopyCounts n;
    auto tx = to.begin("copy project");
    from.scan_texts([&](TextId id, std::string_view hash, std::string_view text) {
        require_same("text", id.value, to.add_text(text, hash).value);
        ++n.texts;
    });
    n.cases = insert_all(to, from.cases());
    insert_all(to, from.attributes());
    insert_all(to, from.attribute_values());
    n.documents = insert_all(to, from.documents());
    n.codes = insert_all(to, from.codes());  // tree order: parents first
    n.codings = insert_all(to, from.codings());
    n.memos = insert_all(to, from.memos());
    n.themes = insert_all(to, from.themes());  // parents first
    for (const auto& entry : from.history(std::nullopt, true)) {
        require_same("history entry", entry.seq, to.append_history(entry));
        ++n.history;
    }
    for (const auto& [key, value] : from.settings()) to.set_setting(key, value);
    tx->commit();
    return n;
}

}  // namespace comb::store
