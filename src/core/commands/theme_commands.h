// SPDX-License-Identifier: GPL-3.0-or-later
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

// Gives a theme a new name. Throws InputError when the theme is unknown, the new name is
// empty, or another theme already has it.
class RenameTheme : public Command {
public:
    RenameTheme(std::string name, std::string new_name) : name_(std::move(name)), new_name_(std::move(new_name)) {}
    std::string label() const override { return "Rename theme " + name_ + " to " + new_name_; }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string name_, new_name_;
};

// Makes a theme a subtheme of `parent` (nullopt: a top-level theme), last among its new
// siblings; its own subthemes come along. Throws InputError when either theme is unknown or
// the parent is the theme itself or one of its subthemes.
class MoveTheme : public Command {
public:
    MoveTheme(std::string name, std::optional<std::string> parent) : name_(std::move(name)), parent_(std::move(parent)) {}
    std::string label() const override {
        return parent_ ? "Move theme " + name_ + " under " + *parent_ : "Move theme " + name_ + " to the top level";
    }
    ChangeSet plan(Repository& repo) const override;

private:
    std::string name_;
    std::optional<std::string> parent_;
};

// Theme names are unique in a project; finds one by name.
std::optional<Theme> find_theme(const std::vector<Theme>& themes, std::string_view name);

}  // namespace comb::core
