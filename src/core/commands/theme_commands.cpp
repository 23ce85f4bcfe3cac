// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme_commands.h"

#include <algorithm>

#include "core/code_paths.h"
#include "core/error.h"

namespace comb::core {
namespace {

Theme theme_named(const std::vector<Theme>& themes, const std::string& name) {
    const auto theme = find_theme(themes, name);
    if (!theme) throw InputError::argument("no theme named \"" + name + "\"");
    return *theme;
}

// Whether `theme` is `ancestor` or lies below it.
bool is_within(const std::vector<Theme>& themes, ThemeId theme, ThemeId ancestor) {
    for (std::optional<ThemeId> at = theme; at;) {
        if (*at == ancestor) return true;
        const auto it = std::find_if(themes.begin(), themes.end(), [&](const Theme& t) { return t.id == *at; });
        at = it == themes.end() ? std::nullopt : it->parent;
    }
    return false;
}

}  // namespace

std::optional<Theme> find_theme(const std::vector<Theme>& themes, std::string_view name) {
    for (const auto& t : themes) if (t.name == name) return t;
    return std::nullopt;
}

ChangeSet DefineTheme::plan(Repository& repo) const {
    if (spec_.name.empty()) throw InputError::argument("a theme name may not be empty");
    const auto themes = repo.themes();
    const CodeTree tree(repo.codes());
    const auto existing = find_theme(themes, spec_.name);
    Theme after;
    if (existing) {
        after = *existing;
    } else {
        after.id = ThemeId(repo.reserve_id(RowKind::theme));
        after.name = spec_.name;
    }
    if (spec_.parent) {
        const auto parent = find_theme(themes, *spec_.parent);
        if (!parent) throw InputError::argument("no theme named \"" + *spec_.parent + "\"");
        for (auto p = parent; p; p = p->parent ? std::optional(*std::find_if(themes.begin(), themes.end(), [&](auto& t) { return t.id == *p->parent; })) : std::nullopt) {
            if (p->id == after.id) throw InputError::argument("a theme cannot be its own subtheme");
        }
        after.parent = parent->id;
    }
    if (!existing) {
        after.position = std::count_if(themes.begin(), themes.end(), [&](auto& t) { return t.parent == after.parent; });
    }
    if (spec_.description) after.description = *spec_.description;
    for (const auto& path : spec_.add_codes) {
        const CodeId id = tree.path_id(path);
        if (std::find(after.codes.begin(), after.codes.end(), id) == after.codes.end()) after.codes.push_back(id);
    }
    for (const auto& path : spec_.remove_codes) {
        const CodeId id = tree.path_id(path);
        std::erase(after.codes, id);
    }
    ChangeSet changes;
    if (!existing) changes.insert(after);
    else if (!(after == *existing)) changes.update(*existing, after);
    return changes;
}

ChangeSet DeleteTheme::plan(Repository& repo) const {
    const auto themes = repo.themes();
    const auto theme = find_theme(themes, name_);
    if (!theme) throw InputError::argument("no theme named \"" + name_ + "\"");
    ChangeSet changes;
    for (const auto& t : themes) {
        if (t.parent != theme->id) continue;
        Theme after = t;
        after.parent = theme->parent;
        changes.update(t, after);
    }
    for (const auto& m : repo.memos()) {
        if (m.target == MemoTarget::theme && m.target_id == theme->id.value) changes.erase(m);
    }
    changes.erase(*theme);
    return changes;
}

ChangeSet RenameTheme::plan(Repository& repo) const {
    const auto themes = repo.themes();
    const Theme before = theme_named(themes, name_);
    if (new_name_.empty()) throw InputError::argument("a theme name may not be empty");
    ChangeSet changes;
    if (new_name_ == name_) return changes;
    if (find_theme(themes, new_name_)) throw InputError::argument("a theme named \"" + new_name_ + "\" already exists");
    Theme after = before;
    after.name = new_name_;
    changes.update(before, after);
    return changes;
}

ChangeSet MoveTheme::plan(Repository& repo) const {
    const auto themes = repo.themes();
    const Theme before = theme_named(themes, name_);
    std::optional<ThemeId> parent;
    if (parent_) {
        const Theme p = theme_named(themes, *parent_);
        if (is_within(themes, p.id, before.id)) {
            throw InputError::argument("cannot move theme \"" + name_ + "\" under itself or its subtheme \"" + *parent_ + "\"");
        }
        parent = p.id;
    }
    ChangeSet changes;
    if (parent == before.parent) return changes;
    Theme after = before;
    after.parent = parent;
    std::int64_t last = -1;
    for (const auto& t : themes) if (t.parent == parent) last = std::max(last, t.position);
    after.position = last + 1;
    changes.update(before, after);
    return changes;
}

}  // namespace comb::core
