#include "theme_commands.h"

#include <algorithm>

#include "core/code_paths.h"
#include "core/error.h"

namespace comb::core {

std::optional<Theme> find_theme(const std::vector<Theme>& themes, std::string_view name) {
    for (const auto& t : themes) if (t.name == name) return t;
    return std::nullopt;
}

ChangeSet DefineTheme::plan(Repository& repo) const {
    if (spec_.name.empty()) throw InputError({"<argument>"}, "a theme name may not be empty");
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
        if (!parent) throw InputError({"<argument>"}, "no theme named \"" + *spec_.parent + "\"");
        for (auto p = parent; p; p = p->parent ? std::optional(*std::find_if(themes.begin(), themes.end(), [&](auto& t) { return t.id == *p->parent; })) : std::nullopt) {
            if (p->id == after.id) throw InputError({"<argument>"}, "a theme cannot be its own subtheme");
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
    if (!theme) throw InputError({"<argument>"}, "no theme named \"" + name_ + "\"");
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

}  // namespace comb::core
