// SPDX-License-Identifier: GPL-3.0-or-later
// comb backup, backups, restore, salvage: keeping a project safe (docs/storage.md). Thin over
// store/backup.h, store/restore.h and store/salvage.h.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/json_out.h"
#include "core/error.h"
#include "core/project.h"
#include "store/backup.h"
#include "store/restore.h"
#include "store/salvage.h"

namespace comb::cli {
namespace fs = std::filesystem;

namespace {

std::string size_text(std::uintmax_t bytes) {
    if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
    if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

void register_backup(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("backup", "Copy the project consistently (SQLite's backup API) into its backups folder or FILE");
    struct Args { std::string project, out; bool json = false; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("-o,--output", a->out, "Write the copy here (a new file) instead of NAME.comb-backups/");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            // Read-only is enough: the copy is read through the project's own connection.
            auto file = store::ProjectFile::open(a->project, {.read_only = true});
            fs::path target;
            if (a->out.empty()) {
                target = store::backup_project(*file, "manual", core::utc_now_iso8601());
            } else {
                target = a->out;
                store::backup_to(*file, target);
            }
            const auto bytes = fs::file_size(target);
            if (a->json) print_json({{"path", target.string()}, {"bytes", bytes}});
            else std::cout << "Backup: " << target.string() << " (" << size_text(bytes) << ")\n";
            return 0;
        };
    });
}

// The project's backup folder and, when asked, its new settings.
fs::path backup_folder_of(const std::string& project, const std::optional<int>& keep, const std::optional<int>& every,
                          const std::optional<std::string>& folder) {
    if (!keep && !every && !folder) {
        try {
            return store::backup_policy(*store::ProjectFile::open(project, {.read_only = true})).folder;
        } catch (const core::InputError&) {
            return store::default_backup_folder(project);  // a damaged project: its backups are what matters
        }
    }
    auto file = store::ProjectFile::open(project);
    auto t = file->begin("backup settings");
    if (keep) {
        if (*keep < 1) throw core::InputError::argument("--keep must be at least 1");
        file->set_setting(store::kBackupKeepSetting, std::to_string(*keep));
    }
    if (every) {
        if (*every < 0) throw core::InputError::argument("--every-hours must be 0 (no rolling copies) or more");
        file->set_setting(store::kBackupEverySetting, std::to_string(*every));
    }
    if (folder) file->set_setting(store::kBackupFolderSetting, *folder);
    t->commit();
    return store::backup_policy(*file).folder;
}

void register_backups(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("backups", "List the project's backups with date and size (newest first); set how they are kept");
    struct Args { std::string project; bool json = false; std::optional<int> keep, every; std::optional<std::string> folder; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The project file")->required();
    cmd->add_option("--keep", a->keep, "Keep this many copies of each automatic kind (default 7)");
    cmd->add_option("--every-hours", a->every, "Make a rolling copy when the newest is this old (default 24; 0: never)");
    cmd->add_option("--folder", a->folder, "Keep backups in this folder (relative: to the project's folder)");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            const auto folder = backup_folder_of(a->project, a->keep, a->every, a->folder);
            const auto list = store::list_backups(a->project, folder);
            if (a->json) {
                json out = json::array();
                for (const auto& b : list) {
                    out.push_back({{"path", b.path.string()}, {"time", b.time}, {"reason", b.reason}, {"bytes", b.bytes}});
                }
                print_json(out);
                return 0;
            }
            if (list.empty()) {
                std::cout << "No backups in " << folder.string() << "\n";
                return 0;
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& b : list) rows.push_back({b.time, size_text(b.bytes), b.reason, b.path.string()});
            print_table({"date (UTC)", "size", "kind", "file"}, rows);
            return 0;
        };
    });
}

void register_restore(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("restore", "Put a backup in place of the project (what it held is backed up first)");
    struct Args { std::string backup, project; bool force = false, json = false; };
    auto a = std::make_shared<Args>();
    cmd->add_option("backup", a->backup, "The backup (see comb backups)")->required();
    cmd->add_option("project", a->project, "The project file to restore into")->required();
    cmd->add_flag("--force", a->force, "Replace an existing project");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            const auto r = store::restore_backup(a->backup, a->project, a->force, core::utc_now_iso8601());
            if (a->json) {
                print_json({{"restored", a->backup}, {"project", a->project}, {"replaced", r.replaced.string()}});
            } else {
                std::cout << "Restored " << a->backup << " into " << a->project << "\n";
                if (!r.replaced.empty()) {
                    std::cout << "What the project held before is in " << r.replaced.string()
                              << " (comb restore it to undo this)\n";
                }
            }
            return 0;
        };
    });
}

void register_salvage(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("salvage", "Copy what can still be read of a damaged project into a new one, with a report");
    struct Args { std::string project, target; bool json = false; };
    auto a = std::make_shared<Args>();
    cmd->add_option("project", a->project, "The damaged project file (only read)")->required();
    cmd->add_option("new", a->target, "The new project file to make")->required();
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&action, a] {
        action = [a] {
            const auto r = store::salvage_project(a->project, a->target);
            if (a->json) {
                json tables = json::array();
                for (const auto& t : r.tables) {
                    json ranges = json::array();
                    for (const auto& [from, to] : t.unreadable) ranges.push_back({from, to});
                    tables.push_back({{"table", t.table}, {"saved", t.copied}, {"dropped", t.dropped},
                                      {"unreadable", ranges}, {"lost", t.lost}});
                }
                print_json({{"project", a->target}, {"tables", tables}, {"notes", r.notes}, {"integrity", r.integrity}});
            } else {
                std::cout << "Salvaged into " << a->target << ":\n" << store::salvage_report_text(r);
            }
            return 0;
        };
    });
}

}  // namespace

void register_storage_commands(CLI::App& app, Action& action) {
    register_backup(app, action);
    register_backups(app, action);
    register_restore(app, action);
    register_salvage(app, action);
}

}  // namespace comb::cli
