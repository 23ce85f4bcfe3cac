// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Workbench: the state the panels of the window share, without any wx type. It owns the open
// project (file + core::Project), runs every user action as a core command (one transaction,
// undoable), and publishes which project, document and code are current. Panels subscribe
// and keep their Subscriptions as members.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/project.h"
#include "core/signal.h"
#include "store/project_file.h"

namespace comb::gui {

struct ProjectSwitched {};  // a project was opened or closed; project() may be absent
struct CodeSelected { std::optional<core::CodeId> code; };
struct DocumentSelected { core::DocumentId document; std::optional<core::Span> span; };

class Workbench {
public:
    Workbench() = default;
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;
    ~Workbench();

    // Throw core::InputError (bad or missing file, existing file for create).
    void open(const std::filesystem::path& path);
    void create(const std::filesystem::path& path);
    void close();

    bool is_open() const { return project_ != nullptr; }
    core::Project& project() { return *project_; }
    core::Repository& repo() { return *file_; }
    const std::filesystem::path& path() const { return path_; }

    // Runs one command. A core::Error goes to the error handler (a message box in the
    // window, a recorder in tests) and false is returned; the project is then unchanged.
    bool run(const core::Command& command);
    bool undo();
    bool redo();
    void set_error_handler(std::function<void(const std::string&)> handler) { on_error_ = std::move(handler); }
    void report_error(const std::string& message) const;

    // The code new codings get (the one selected in the code tree).
    std::optional<core::CodeId> selected_code() const { return selected_code_; }
    void select_code(std::optional<core::CodeId> code);
    // Asks the transcript to show a document (and select a span).
    void show_document(core::DocumentId doc, std::optional<core::Span> span = std::nullopt);
    // The path of a code ("Parent/Child") in the current project; throws InputError if gone.
    std::string code_path(core::CodeId id) const;
    // Who this window's actions are recorded as: set_coder(), else core::resolve_coder().
    std::string coder() const;
    void set_coder(std::string name);

    // Other writers (docs/concurrency.md): publishes what other processes and windows
    // committed since the last call through project().changed() (the window's timer calls
    // this a few times a second). A file that cannot be read now is tried again next time;
    // returns the number of events published.
    std::size_t catch_up();
    // Who else has the project open, from the presence record ("Sam", "Ann (comb)"), for the
    // title bar; other windows of this process count as others.
    std::vector<std::string> others_present() const;

    core::Signal<ProjectSwitched>& project_switched() { return project_switched_; }
    core::Signal<CodeSelected>& code_selected() { return code_selected_; }
    core::Signal<DocumentSelected>& document_selected() { return document_selected_; }

private:
    template <class F> bool guarded(F&& f);
    void start();
    void watch();
    void announce();

    std::filesystem::path path_;
    std::unique_ptr<store::ProjectFile> file_;
    std::unique_ptr<core::Project> project_;
    std::optional<core::CodeId> selected_code_;
    std::string coder_;
    core::Subscription changed_;
    std::function<void(const std::string&)> on_error_;
    core::Signal<ProjectSwitched> project_switched_;
    core::Signal<CodeSelected> code_selected_;
    core::Signal<DocumentSelected> document_selected_;
};

}  // namespace comb::gui
