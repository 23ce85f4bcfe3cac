#pragma once
// Themes and subthemes (Braun & Clarke style) grouping codes.
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"

namespace comb::core {

// Creates the theme `name` (under `parent` if given) or updates it: description when given,
// member codes appended in order (existing members are kept), a new parent when given.
class DefineTheme : public Command {
public:
    struct Spec {
        std::string name;
        std::optional<std::string> parent;
        std::optional<std::string> description;
        std::vector<std::string> add_codes;     // code paths
        std::vector<std::string> remove_codes;  // code paths
    };
    explicit DefineTheme(Spec spec) : spec_(std::move(spec)) {}
    std::string label() const override { return "Define theme " + spec_.name; }
    // Throws InputError for unknown codes or parent, or a theme made its own ancestor.
    ChangeSet plan(Repository& repo) const override;

private:
    Spec spec_;
};

class DeleteTheme : public Command {
public:
    explicit DeleteTheme(std::string name) : name_(std::move(name)) {}
    std::string label() const override { return "Delete theme " + name_; }
    // Subthemes move up to the deleted theme's parent.
    ChangeSet plan(Repository& repo) const override;

private:
    std::string name_;
};

// Theme names are unique in a project; finds one by name.
std::optional<Theme> find_theme(const std::vector<Theme>& themes, std::string_view name);

}  // namespace comb::core
