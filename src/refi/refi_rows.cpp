// SPDX-License-Identifier: GPL-3.0-or-later
#include "refi/refi_rows.h"

#include "core/code_paths.h"
#include "core/utf8.h"

namespace comb::refi {

namespace {

template <class Id>
std::int64_t resolve(const std::map<std::string, Id>& ids, const std::string& guid) {
    const auto it = ids.find(guid);
    return it == ids.end() ? 0 : it->second.value;
}

}  // namespace

core::Code code_from_refi(const RefiCode& rc, core::CodeId id, std::optional<core::CodeId> parent, std::string name,
                          std::int64_t position, std::string guid) {
    core::Code c;
    c.id = id;
    c.parent = parent;
    c.name = std::move(name);
    c.colour = rc.colour.empty() ? core::default_code_colour(id.value - 1) : rc.colour;
    c.definition = rc.definition;
    c.inclusion = rc.inclusion;
    c.exclusion = rc.exclusion;
    c.example = rc.example;
    c.tags = rc.tags;
    c.position = position;
    c.guid = std::move(guid);
    c.inductive = rc.inductive;
    c.codable = rc.codable;
    return c;
}

core::Document document_from_refi(const RefiDocument& rd, core::DocumentId id, std::string name, core::TextId text,
                                  std::int64_t position, std::optional<core::CaseId> case_id) {
    core::Document d;
    d.id = id;
    d.name = std::move(name);
    d.case_id = case_id;
    d.text_id = text;
    d.chars = core::utf8::length(rd.text);
    d.position = position;
    d.paragraphs = rd.paragraphs;
    d.turns = rd.turns;
    d.metadata = rd.metadata;
    d.created = rd.created;
    return d;
}

core::Coding coding_from_refi(const RefiCoding& rc, core::CodingId id, core::DocumentId document, core::CodeId code) {
    core::Coding c;
    c.id = id;
    c.document = document;
    c.span = rc.span;
    c.code = code;
    c.coder = rc.coder;
    c.created = rc.created;
    c.tag_override = rc.tag_override;
    c.pinned = rc.pinned;
    return c;
}

core::Memo memo_from_refi(const RefiMemo& rm, const RefiIds& ids) {
    using core::MemoTarget;
    core::Memo m;
    m.target = rm.target;
    m.title = rm.title;
    m.text = rm.text;
    m.author = rm.author;
    m.created = rm.created;
    switch (rm.target) {
        case MemoTarget::project: m.target_id = 0; break;
        case MemoTarget::document: m.target_id = resolve(ids.documents, rm.target_guid); break;
        case MemoTarget::code: m.target_id = resolve(ids.codes, rm.target_guid); break;
        case MemoTarget::coding: m.target_id = resolve(ids.codings, rm.target_guid); break;
        case MemoTarget::case_: m.target_id = resolve(ids.cases, rm.target_guid); break;
        case MemoTarget::theme: m.target_id = resolve(ids.themes, rm.target_guid); break;
    }
    if (m.target_id == 0) m.target = MemoTarget::project;  // its target was not brought in
    return m;
}

}  // namespace comb::refi
