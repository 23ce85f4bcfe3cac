// SPDX-License-Identifier: GPL-3.0-or-later
#include "code_paths.h"

#include <random>

#include "error.h"

namespace comb::core {

std::vector<std::string> split_code_path(std::string_view path) {
    // "\/" is a slash inside a name ("Social\/professional role and identity"); "\\" a backslash.
    std::vector<std::string> parts;
    std::string current;
    auto finish = [&] {
        const auto first = current.find_first_not_of(" \t");
        const auto last = current.find_last_not_of(" \t");
        if (first == std::string::npos) {
            throw InputError::argument("code path \"" + std::string(path) + "\" has an empty part");
        }
        parts.push_back(current.substr(first, last - first + 1));
        current.clear();
    };
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size() && (path[i + 1] == '/' || path[i + 1] == '\\')) {
            current += path[++i];
        } else if (path[i] == '/') {
            finish();
        } else {
            current += path[i];
        }
    }
    finish();
    return parts;
}

std::string escape_code_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '/' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

CodeTree::CodeTree(std::vector<Code> codes) : codes_(std::move(codes)) {
    for (std::size_t i = 0; i < codes_.size(); ++i) by_id_[codes_[i].id] = i;
}

void CodeTree::add(Code code) {
    by_id_[code.id] = codes_.size();
    codes_.push_back(std::move(code));
}

const Code* CodeTree::find(CodeId id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &codes_[it->second];
}

const Code& CodeTree::code(CodeId id) const {
    const Code* c = find(id);
    if (!c) throw InputError::argument("no code with id " + std::to_string(id.value));
    return *c;
}

std::optional<CodeId> CodeTree::child_named(std::optional<CodeId> parent, std::string_view name) const {
    for (const auto& c : codes_) {
        if (c.parent == parent && c.name == name) return c.id;
    }
    return std::nullopt;
}

std::optional<CodeId> CodeTree::find_path(std::string_view path) const {
    std::optional<CodeId> at;
    for (const auto& part : split_code_path(path)) {
        at = child_named(at, part);
        if (!at) return std::nullopt;
    }
    return at;
}

CodeId CodeTree::path_id(std::string_view path) const {
    const auto id = find_path(path);
    if (!id) throw InputError::argument("no code named \"" + std::string(path) + "\"");
    return *id;
}

std::string CodeTree::path(CodeId id) const {
    std::string out;
    for (const Code* c = find(id); c; c = c->parent ? find(*c->parent) : nullptr) {
        out = out.empty() ? escape_code_name(c->name) : escape_code_name(c->name) + "/" + out;
    }
    return out;
}

std::vector<CodeId> CodeTree::children(std::optional<CodeId> parent) const {
    std::vector<const Code*> kids;
    for (const auto& c : codes_) if (c.parent == parent) kids.push_back(&c);
    std::stable_sort(kids.begin(), kids.end(), [](auto* a, auto* b) { return a->position < b->position; });
    std::vector<CodeId> out;
    for (auto* k : kids) out.push_back(k->id);
    return out;
}

std::vector<CodeId> CodeTree::descendants(CodeId id) const {
    std::vector<CodeId> out;
    for (CodeId child : children(id)) {
        out.push_back(child);
        const auto below = descendants(child);
        out.insert(out.end(), below.begin(), below.end());
    }
    return out;
}

CodeId ensure_code_path(Repository& repo, CodeTree& tree, std::string_view path, ChangeSet& changes) {
    std::optional<CodeId> at;
    for (const auto& part : split_code_path(path)) {
        auto next = tree.child_named(at, part);
        if (!next) {
            Code c;
            c.id = CodeId(repo.reserve_id(RowKind::code));
            c.parent = at;
            c.name = part;
            c.colour = default_code_colour(c.id.value - 1);
            c.position = static_cast<std::int64_t>(tree.children(at).size());
            c.guid = new_guid();
            tree.add(c);
            changes.insert(c);
            next = c.id;
        }
        at = next;
    }
    return *at;
}

void require_codable(const CodeTree& tree, CodeId id) {
    if (tree.code(id).codable) return;
    throw InputError::argument("code \"" + tree.path(id) +
                                         "\" may not be applied: it is a category (not codable); code with one of its children");
}

std::string default_code_colour(std::int64_t n) {
    static const char* const kPalette[] = {"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4",
                                           "#42D4F4", "#F032E6", "#BFEF45", "#469990", "#DCBEFF",
                                           "#9A6324", "#800000", "#AAFFC3", "#808000", "#000075",
                                           "#FFD8B1"};
    const auto size = static_cast<std::int64_t>(std::size(kPalette));
    return kPalette[((n % size) + size) % size];
}

std::string new_guid() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    const std::uint64_t a = rng(), b = rng();
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return buf;
}

}  // namespace comb::core
