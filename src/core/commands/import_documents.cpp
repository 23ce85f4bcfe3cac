// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_documents.h"

#include <algorithm>

#include "case_commands.h"
#include "core/error.h"
#include "core/utf8.h"

namespace comb::core {
namespace {

std::string unique_name(const std::vector<Document>& docs, const std::string& wanted) {
    auto taken = [&](const std::string& n) {
        return std::any_of(docs.begin(), docs.end(), [&](auto& d) { return d.name == n; });
    };
    if (!taken(wanted)) return wanted;
    for (int i = 2;; ++i) {
        const std::string candidate = wanted + " (" + std::to_string(i) + ")";
        if (!taken(candidate)) return candidate;
    }
}

}  // namespace

std::string ImportDocuments::label() const {
    if (docs_.size() == 1) return "Import " + docs_.front().name;
    return "Import " + std::to_string(docs_.size()) + " documents";
}

ChangeSet ImportDocuments::plan(Repository& repo) const {
    ChangeSet changes;
    auto documents = repo.documents();
    auto cases = repo.cases();
    auto attributes = repo.attributes();
    std::int64_t position = documents.empty() ? 0 : documents.back().position + 1;
    for (const auto& nd : docs_) {
        for (const auto& d : documents) {
            const auto h = d.metadata.find("hash");
            if (!nd.hash.empty() && h != d.metadata.end() && h->second == nd.hash) {
                throw InputError({nd.metadata.count("source_file") ? nd.metadata.at("source_file") : nd.name},
                                 "already imported as document \"" + d.name + "\" (same content)");
            }
        }
        Document d;
        d.id = DocumentId(repo.reserve_id(RowKind::document));
        d.name = unique_name(documents, nd.name);
        d.text_id = repo.add_text(nd.text, nd.hash);
        d.chars = utf8::length(nd.text);
        d.position = position++;
        d.paragraphs = nd.paragraphs;
        d.turns = nd.turns;
        d.metadata = nd.metadata;
        if (!nd.hash.empty()) d.metadata["hash"] = nd.hash;
        if (nd.case_name) {
            d.case_id = ensure_case(repo, cases, *nd.case_name, changes);
            plan_attribute_values(repo, *d.case_id, nd.attributes, attributes, {}, changes);
        }
        documents.push_back(d);
        changes.insert(d);
        for (const auto& [span, text] : nd.memos) {
            Memo m;
            m.id = MemoId(repo.reserve_id(RowKind::memo));
            m.target = MemoTarget::document;
            m.target_id = d.id.value;
            m.title = "Comment at " + std::to_string(span.start.value) + "-" + std::to_string(span.end.value);
            m.text = text;
            changes.insert(m);
        }
    }
    return changes;
}

}  // namespace comb::core
