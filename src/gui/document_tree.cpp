// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/document_tree.h"

#include <map>

#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>

#include "core/change_set.h"
#include "core/commands/case_commands.h"
#include "gui/wx_text.h"

namespace comb::gui {
namespace {

// What a tree row stands for.
struct Node : wxTreeItemData {
    enum class Kind { document, case_, attribute } kind;
    std::int64_t id = 0;        // document id
    std::string case_name;      // case and attribute rows
    std::string attribute;
    std::string value;
    Node(Kind k, std::int64_t i) : kind(k), id(i) {}
};

// A row's identity that survives a rebuild: "d 12", "c P01", "a P01\nrole", or its label.
std::string key_of(const wxTreeCtrl& tree, const wxTreeItemId& item) {
    if (!item.IsOk()) return {};
    const auto* node = dynamic_cast<const Node*>(tree.GetItemData(item));
    if (!node) return "t " + from_wx(tree.GetItemText(item));
    switch (node->kind) {
    case Node::Kind::document: return "d " + std::to_string(node->id);
    case Node::Kind::case_: return "c " + node->case_name;
    case Node::Kind::attribute: return "a " + node->case_name + "\n" + node->attribute;
    }
    return {};
}

wxTreeItemId find_key(const wxTreeCtrl& tree, const wxTreeItemId& parent, const std::string& key) {
    wxTreeItemIdValue cookie;
    for (auto child = tree.GetFirstChild(parent, cookie); child.IsOk(); child = tree.GetNextChild(parent, cookie)) {
        if (key_of(tree, child) == key) return child;
        if (const auto found = find_key(tree, child, key); found.IsOk()) return found;
    }
    return {};
}

// The key of the value of `attribute` for `case_name`, when both exist.
std::optional<core::AttributeValue> value_key(const core::Repository& repo, const std::string& case_name,
                                              const std::string& attribute) {
    core::AttributeValue key;
    for (const auto& c : repo.cases()) if (c.name == case_name) key.case_id = c.id;
    for (const auto& a : repo.attributes()) if (a.name == attribute) key.attribute_id = a.id;
    if (key.case_id.value == 0 || key.attribute_id.value == 0) return std::nullopt;
    return key;
}

}  // namespace

DocumentTree::DocumentTree(wxWindow* parent, Workbench& workbench) : wxPanel(parent, wxID_ANY), wb_(workbench) {
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE);
    tree_->SetName("documents");
    labels_ = std::make_unique<TreeLabels>(*tree_);
    labels_->bind_tooltips();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(tree_, 1, wxEXPAND);
    SetSizer(sizer);
    prompt_ = [this](const std::string& question, const std::string& value) -> std::optional<std::string> {
        wxTextEntryDialog dialog(this, to_wx(question), "Comb", to_wx(value));
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        return from_wx(dialog.GetValue());
    };
    tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, &DocumentTree::on_activated, this);
    tree_->Bind(wxEVT_TREE_ITEM_MENU, &DocumentTree::on_menu, this);
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        const auto* node = e.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(e.GetItem())) : nullptr;
        if (syncing_) return;
        if (node && node->kind == Node::Kind::document && !restoring_) wb_.show_document(core::DocumentId(node->id));
    });
    shown_ = wb_.document_shown().subscribe([this](const DocumentShown& e) { select_document(e.document); });
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) {
        changed_.reset();
        if (wb_.is_open()) {
            changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) {
                using core::RowKind;
                if (e.touches(RowKind::document) || e.touches(RowKind::case_) || e.touches(RowKind::attribute) ||
                    e.touches(RowKind::attribute_value)) {
                    rebuild();
                }
            });
        }
        fill();  // another project: nothing to keep
    });
    fill();
}

void DocumentTree::rebuild() {
    // Anyone's change rebuilds the tree: the selected row and the scroll position stay.
    const auto selected = key_of(*tree_, tree_->GetSelection());
    int x = 0, y = 0;
    tree_->GetViewStart(&x, &y);
    fill();
    if (const auto item = selected.empty() ? wxTreeItemId() : find_key(*tree_, tree_->GetRootItem(), selected); item.IsOk()) {
        restoring_ = true;
        tree_->SelectItem(item);
        restoring_ = false;
    }
    tree_->Scroll(x, y);
}

void DocumentTree::fill() {
    tree_->Freeze();
    tree_->DeleteAllItems();
    const auto root = tree_->AddRoot("Project");
    if (!wb_.is_open()) {
        tree_->Thaw();
        labels_->remember();
        return;
    }
    auto& repo = wb_.repo();
    shown_values_.clear();
    std::map<std::int64_t, std::string> attribute_names;
    for (const auto& a : repo.attributes()) attribute_names[a.id.value] = a.name;
    std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> values;
    std::map<std::int64_t, std::vector<core::AttributeValue>> rows;
    for (const auto& v : repo.attribute_values()) {
        values[v.case_id.value].emplace_back(attribute_names[v.attribute_id.value], v.value);
        rows[v.case_id.value].push_back(v);
    }
    const auto docs = repo.documents();
    const auto add_doc = [&](const wxTreeItemId& parent, const core::Document& d) {
        tree_->AppendItem(parent, to_wx(d.name), -1, -1, new Node(Node::Kind::document, d.id.value));
    };
    for (const auto& c : repo.cases()) {
        auto* case_node = new Node(Node::Kind::case_, 0);
        case_node->case_name = c.name;
        const auto item = tree_->AppendItem(root, to_wx(c.name), -1, -1, case_node);
        tree_->SetItemBold(item);
        for (const auto& v : rows[c.id.value]) shown_values_[{c.name, attribute_names[v.attribute_id.value]}] = v;
        for (const auto& d : docs) if (d.case_id == c.id) add_doc(item, d);
        for (const auto& [name, value] : values[c.id.value]) {
            auto* node = new Node(Node::Kind::attribute, 0);
            node->case_name = c.name;
            node->attribute = name;
            node->value = value;
            const auto a = tree_->AppendItem(item, to_wx(name + ": " + value), -1, -1, node);
            tree_->SetItemTextColour(a, wxColour(90, 90, 90));
        }
        tree_->Expand(item);
    }
    bool any_loose = false;
    for (const auto& d : docs) any_loose = any_loose || !d.case_id;
    if (any_loose) {
        const auto loose = tree_->AppendItem(root, "Documents without a case");
        for (const auto& d : docs) if (!d.case_id) add_doc(loose, d);
        tree_->Expand(loose);
    }
    tree_->Thaw();
    labels_->remember();
    select_document(shown_doc_);
}

namespace {

wxTreeItemId find_document_item(wxTreeCtrl& tree, const wxTreeItemId& parent, std::int64_t id) {
    wxTreeItemIdValue cookie;
    for (auto item = tree.GetFirstChild(parent, cookie); item.IsOk(); item = tree.GetNextChild(parent, cookie)) {
        const auto* node = dynamic_cast<Node*>(tree.GetItemData(item));
        if (node && node->kind == Node::Kind::document && node->id == id) return item;
        if (tree.ItemHasChildren(item)) {
            if (const auto found = find_document_item(tree, item, id); found.IsOk()) return found;
        }
    }
    return {};
}

}  // namespace

void DocumentTree::select_document(std::optional<core::DocumentId> doc) {
    shown_doc_ = doc;
    if (!tree_->GetRootItem().IsOk()) return;
    const auto item = doc ? find_document_item(*tree_, tree_->GetRootItem(), doc->value) : wxTreeItemId();
    syncing_ = true;
    if (item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    } else {
        tree_->UnselectAll();
    }
    syncing_ = false;
}

std::optional<core::DocumentId> DocumentTree::selected_document() const {
    const auto item = tree_->GetSelection();
    const auto* node = item.IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(item)) : nullptr;
    if (!node || node->kind != Node::Kind::document) return std::nullopt;
    return core::DocumentId(node->id);
}

void DocumentTree::on_activated(wxTreeEvent& event) {
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    if (!node) return;
    switch (node->kind) {
    case Node::Kind::document: wb_.show_document(core::DocumentId(node->id)); break;
    case Node::Kind::attribute: edit_attribute(node->case_name, node->attribute, node->value); break;
    case Node::Kind::case_: tree_->Toggle(event.GetItem()); break;
    }
}

void DocumentTree::on_menu(wxTreeEvent& event) {
    const auto* node = event.GetItem().IsOk() ? dynamic_cast<Node*>(tree_->GetItemData(event.GetItem())) : nullptr;
    if (!node || !wb_.is_open()) return;
    const Node n = *node;  // the tree is rebuilt by the command the menu runs
    wxMenu menu;
    if (n.kind == Node::Kind::document) {
        menu.Append(1, "&Open");
        menu.Append(2, "&Assign to case...");
    } else {
        menu.Append(3, "&Add attribute...");
        if (n.kind == Node::Kind::attribute) menu.Append(4, "&Edit value...");
    }
    switch (tree_->GetPopupMenuSelectionFromUser(menu)) {
    case 1: wb_.show_document(core::DocumentId(n.id)); break;
    case 2: assign_case(core::DocumentId(n.id)); break;
    case 3: add_attribute(n.case_name); break;
    case 4: edit_attribute(n.case_name, n.attribute, n.value); break;
    default: break;
    }
}

bool DocumentTree::edit_attribute(const std::string& case_name, const std::string& attribute, const std::string& value) {
    const auto answer = prompt_("Value of \"" + attribute + "\" for " + case_name + ":", value);
    if (!answer) return false;
    core::SetCaseAttributes set({{case_name, {{attribute, *answer}}}});
    if (const auto it = shown_values_.find({case_name, attribute}); it != shown_values_.end()) {
        set.expect(it->second);
    } else if (const auto key = value_key(wb_.repo(), case_name, attribute)) {
        set.expect_absent(*key);  // the user saw no value: one set since is not overwritten
    }
    return wb_.run(set);
}

bool DocumentTree::add_attribute(const std::string& case_name) {
    const auto name = prompt_("Name of the new attribute of " + case_name + " (e.g. role):", "");
    if (!name || name->empty()) return false;
    return edit_attribute(case_name, *name, "");
}

bool DocumentTree::assign_case(core::DocumentId doc) {
    const auto d = wb_.repo().find_document(doc);
    if (!d) return false;
    std::string current;
    for (const auto& c : wb_.repo().cases()) if (d->case_id == c.id) current = c.name;
    const auto name = prompt_("Case of \"" + d->name + "\" (an existing or a new case):", current);
    if (!name || name->empty() || *name == current) return false;
    return wb_.run(core::AssignCase(doc, *name));
}

}  // namespace comb::gui
