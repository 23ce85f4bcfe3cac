// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/code_tree_model.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>

#include "core/change_set.h"
#include "core/commands/code_commands.h"
#include "gui/wx_text.h"

namespace comb::gui {

CodeTreeModel::CodeTreeModel(Workbench& workbench) : wb_(workbench) {
    switched_ = wb_.project_switched().subscribe([this](const ProjectSwitched&) { on_project_switched(); });
    coder_view_ = wb_.coder_view_changed().subscribe([this](const CoderViewChanged&) { reload(); });
    if (wb_.is_open()) on_project_switched();
}

core::CodeId CodeTreeModel::code_of(const wxDataViewItem& item) {
    return core::CodeId(static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(item.GetID())));
}

wxDataViewItem CodeTreeModel::item_of(core::CodeId id) {
    return wxDataViewItem(reinterpret_cast<void*>(static_cast<std::intptr_t>(id.value)));
}

void CodeTreeModel::on_project_switched() {
    changed_.reset();
    if (wb_.is_open()) {
        changed_ = wb_.project().changed().subscribe([this](const core::ProjectChanged& e) { on_project_changed(e); });
    }
    reload();
}

void CodeTreeModel::on_project_changed(const core::ProjectChanged& event) {
    using core::RowKind;
    if (event.touches(RowKind::code) || event.touches(RowKind::coding) || event.touches(RowKind::document)) reload();
}

bool CodeTreeModel::reload() {
    std::vector<core::Code> codes = wb_.is_open() ? wb_.repo().codes() : std::vector<core::Code>{};
    const auto shape = [](const std::vector<core::Code>& cs) {
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> out;
        for (const auto& c : cs) out.emplace_back(c.id.value, c.parent ? c.parent->value : 0, c.position);
        return out;
    };
    const bool structural = shape(codes) != shape(tree_->codes());
    tree_ = std::make_unique<core::CodeTree>(std::move(codes));
    codings_.clear();
    cases_.clear();
    if (wb_.is_open()) {
        std::map<core::DocumentId, std::optional<core::CaseId>> case_of;
        for (const auto& d : wb_.repo().documents()) case_of[d.id] = d.case_id;
        for (const auto& coding : wb_.repo().codings()) {
            if (!wb_.shows_coder(coding.coder)) continue;  // blind mode hides others' counts
            ++codings_[coding.code];
            if (const auto k = case_of[coding.document]) cases_[coding.code].insert(*k);
        }
    }
    if (structural) {
        Cleared();
        if (on_cleared) on_cleared();
    } else {
        for (const auto& code : tree_->codes()) ItemChanged(item_of(code.id));
    }
    return structural;
}

std::int64_t CodeTreeModel::codings_count(core::CodeId id) const {
    const auto it = codings_.find(id);
    return it == codings_.end() ? 0 : it->second;
}

std::int64_t CodeTreeModel::cases_count(core::CodeId id) const {
    const auto it = cases_.find(id);
    return it == cases_.end() ? 0 : static_cast<std::int64_t>(it->second.size());
}

const wxBitmapBundle& CodeTreeModel::swatch(const std::string& colour) const {
    auto it = swatches_.find(colour);
    if (it != swatches_.end()) return it->second;
    // Sized for the main screen's scale: the model has no window of its own.
    const int side = wxWindow::FromDIP(14, nullptr);
    wxBitmap bmp(side, side);
    {
        wxMemoryDC dc(bmp);
        const wxColour c(to_wx(colour));
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        dc.SetPen(wxPen(wxColour(90, 90, 90)));
        dc.SetBrush(wxBrush(c.IsOk() ? c : wxColour(200, 200, 200)));
        dc.DrawRectangle(1, 1, side - 2, side - 2);
    }
    return swatches_.emplace(colour, wxBitmapBundle(bmp)).first->second;
}

void CodeTreeModel::GetValue(wxVariant& variant, const wxDataViewItem& item, unsigned col) const {
    const auto* code = tree_->find(code_of(item));
    if (!code) {
        variant = wxString();
        return;
    }
    const auto& tags = code->tags;
    switch (col) {
        case kName: variant << wxDataViewIconText(to_wx(code->name), swatch(code->colour)); break;
        case kCodings: variant = wxString::Format("%lld", static_cast<long long>(codings_count(code->id))); break;
        case kCases: variant = wxString::Format("%lld", static_cast<long long>(cases_count(code->id))); break;
        case kComB: {
            std::string s;
            for (const auto c : tags.effective_comb()) s += (s.empty() ? "" : ", ") + std::string(core::to_string(c));
            variant = to_wx(s);
            break;
        }
        case kLevel: variant = to_wx(tags.level ? tags.level->to_string() : std::string()); break;
        case kValence: variant = to_wx(tags.valence ? std::string(core::to_string(*tags.valence)) : std::string()); break;
        default: variant = wxString();
    }
}

bool CodeTreeModel::SetValue(const wxVariant& variant, const wxDataViewItem& item, unsigned col) {
    if (col != kName || !wb_.is_open()) return false;
    const auto* code = tree_->find(code_of(item));
    if (!code) return false;
    wxDataViewIconText value;
    value << variant;
    const std::string name = from_wx(value.GetText());
    if (name.empty() || name == code->name) return false;
    // The change notification refreshes the row; a refused rename leaves it as it was.
    core::RenameCode rename(tree_->path(code->id), name);
    rename.expect(*code);  // refused, naming who and when, if it changed since this view showed it
    wb_.run(rename);
    return false;
}

wxDataViewItem CodeTreeModel::GetParent(const wxDataViewItem& item) const {
    const auto* code = tree_->find(code_of(item));
    if (!code || !code->parent) return wxDataViewItem();
    return item_of(*code->parent);
}

bool CodeTreeModel::IsContainer(const wxDataViewItem& item) const {
    if (!item.IsOk()) return true;
    return !tree_->children(code_of(item)).empty();
}

unsigned CodeTreeModel::GetChildren(const wxDataViewItem& item, wxDataViewItemArray& children) const {
    std::optional<core::CodeId> parent;
    if (item.IsOk()) parent = code_of(item);
    const auto ids = tree_->children(parent);
    for (const auto id : ids) children.Add(item_of(id));
    return static_cast<unsigned>(ids.size());
}

}  // namespace comb::gui
