// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/facets.h"

#include <algorithm>
#include <set>

#include "core/error.h"

namespace comb::index {
namespace {

// Xapian refuses terms longer than 245 bytes; codes and attribute values rarely come close.
constexpr std::size_t kMaxTermBytes = 240;

core::InputError bad_filter(const std::string& what, std::string_view value, const std::string& choices) {
    return core::InputError::argument("unknown " + what + " \"" + std::string(value) + "\" (use " + choices + ")");
}

void add_tag_terms(const core::TagSet& tags, std::vector<std::string>& out) {
    for (const auto c : tags.effective_comb()) {
        const std::string s(core::to_string(c));
        out.push_back(term(prefix::kComb, s));
        out.push_back(term(prefix::kComb, s.substr(0, 1)));
    }
    if (tags.level) {
        out.push_back(term(prefix::kLevel, core::to_string(tags.level->level)));
        if (!tags.level->actor.empty()) out.push_back(term(prefix::kLevel, tags.level->to_string()));
    }
    if (tags.valence) out.push_back(term(prefix::kValence, core::to_string(*tags.valence)));
}

}  // namespace

std::string fold(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    std::string out(s.substr(b, e - b + 1));
    for (auto& ch : out) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

std::string term(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    t += fold(value);
    if (t.size() > kMaxTermBytes) t.resize(kMaxTermBytes);
    return t;
}

std::string comb_term(std::string_view value) {
    const std::string v = fold(value);
    if (v == "c" || v == "o" || v == "m") return term(prefix::kComb, v);
    if (v == "capability") return term(prefix::kComb, "c");
    if (v == "opportunity") return term(prefix::kComb, "o");
    if (v == "motivation") return term(prefix::kComb, "m");
    for (const auto c : core::kAllComB) {
        if (fold(core::to_string(c)) == v) return term(prefix::kComb, core::to_string(c));
    }
    throw bad_filter("COM-B sub-component", value, "C.Ph C.Ps O.Ph O.So M.Re M.Au, or C O M");
}

std::string level_term(std::string_view value) {
    const auto tag = core::parse_level_tag(fold(value));
    if (!tag) throw bad_filter("level", value, "macro, organisational, individual or individual:ACTOR");
    return term(prefix::kLevel, tag->to_string());
}

std::string valence_term(std::string_view value) {
    const auto v = core::parse_valence(fold(value));
    if (!v) throw bad_filter("valence", value, "barrier, facilitator, mixed or neutral");
    return term(prefix::kValence, core::to_string(*v));
}

std::string attribute_term(std::string_view key, std::string_view value) {
    return term(prefix::kAttr, fold(key) + "=" + fold(value));
}

FacetSource::FacetSource(const core::Repository& repo) : tree_(repo.codes()) {
    // A theme holds the codings of its codes and their descendants; a subtheme's passages
    // belong to its parent theme as well.
    const auto themes = repo.themes();
    std::map<core::ThemeId, const core::Theme*> by_id;
    for (const auto& t : themes) by_id[t.id] = &t;
    std::map<core::CodeId, std::set<std::string>> code_themes;
    for (const auto& t : themes) {
        for (const auto code : t.codes) {
            std::vector<core::CodeId> covered = tree_.descendants(code);
            covered.push_back(code);
            int depth = 0;  // themes form a tree; the cap only guards against a damaged file
            for (const auto* up = &t; up && depth < 64; ++depth) {
                for (const auto c : covered) code_themes[c].insert(term(prefix::kTheme, up->name));
                up = up->parent && by_id.count(*up->parent) ? by_id[*up->parent] : nullptr;
            }
        }
    }
    for (const auto& code : tree_.codes()) {
        std::vector<std::string> terms;
        for (std::optional<core::CodeId> id = code.id; id;) {
            terms.push_back(term(prefix::kCode, tree_.path(*id)));
            const auto* c = tree_.find(*id);
            id = c ? c->parent : std::nullopt;
        }
        const auto& th = code_themes[code.id];
        terms.insert(terms.end(), th.begin(), th.end());
        code_terms_[code.id] = std::move(terms);
    }
    for (const auto& c : repo.cases()) cases_[c.id] = c.name;
    std::map<core::AttributeId, std::string> attr_names;
    for (const auto& a : repo.attributes()) {
        attr_names[a.id] = a.name;
        attribute_names_.push_back(a.name);
    }
    for (const auto& v : repo.attribute_values()) {
        if (v.value.empty() || !attr_names.count(v.attribute_id)) continue;
        case_attributes_[v.case_id].push_back(attribute_term(attr_names[v.attribute_id], v.value));
    }
}

std::vector<std::string> FacetSource::document_terms(const core::Document& doc) const {
    std::vector<std::string> out{term(prefix::kDocument, std::to_string(doc.id.value))};
    if (doc.case_id) {
        if (const auto it = cases_.find(*doc.case_id); it != cases_.end()) out.push_back(term(prefix::kCase, it->second));
        if (const auto it = case_attributes_.find(*doc.case_id); it != case_attributes_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
        }
    }
    return out;
}

std::vector<std::string> FacetSource::code_terms(core::CodeId code) const {
    const auto it = code_terms_.find(code);
    return it == code_terms_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> FacetSource::coding_terms(const core::Coding& coding) const {
    std::vector<std::string> out = code_terms(coding.code);
    if (coding.tag_override) {
        add_tag_terms(*coding.tag_override, out);
    } else if (const auto* code = tree_.find(coding.code)) {
        add_tag_terms(code->tags, out);
    }
    return out;
}

std::optional<std::string> FacetSource::case_name(std::optional<core::CaseId> id) const {
    if (!id) return std::nullopt;
    const auto it = cases_.find(*id);
    return it == cases_.end() ? std::nullopt : std::optional(it->second);
}

std::vector<std::string> FacetSource::attribute_names() const { return attribute_names_; }

}  // namespace comb::index
