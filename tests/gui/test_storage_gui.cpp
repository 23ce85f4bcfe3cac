// SPDX-License-Identifier: GPL-3.0-or-later
// The window's storage side (issue 18, docs/storage.md): File > Restore from backup... lists the
// backups with date and size and restores one (reversibly); a project open read-only shows a
// banner and has its editing commands disabled, and a change is refused with a clear message.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <wx/menu.h>

#include "core/commands/code_commands.h"
#include "gui/command_ids.h"
#include "gui/restore_dialog.h"
#include "gui_harness.h"
#include "store/backup.h"

using namespace comb;
using namespace comb::test::gui_harness;
namespace fs = std::filesystem;

namespace {

// A project made and closed (so the window holds the only connection), and a frame on it.
struct StorageFixture {
    test::TempDir dir;
    fs::path path = dir / "study.comb";
    std::unique_ptr<wxFileConfig> config;
    std::unique_ptr<gui::Settings> settings;
    MainFrame* frame = nullptr;
    std::vector<std::string> errors;

    explicit StorageFixture(bool read_only = false, std::optional<fs::path> at = std::nullopt) {
        ensure_wx();
        if (at) path = *at;
        {
            auto file = store::ProjectFile::create(path);
            core::Project project(*file, [] { return std::string("2026-12-03T09:00:00Z"); });
            project.execute(core::DefineCode("Time", {}));
            project.execute(core::DefineCode("Staffing", {}));
        }
        config = std::make_unique<wxFileConfig>("comb-test", "", gui::to_wx((dir / "settings.ini").string()), "",
                                                wxCONFIG_USE_LOCAL_FILE);
        settings = std::make_unique<gui::Settings>(*config);
        frame = new MainFrame(*settings);
        frame->workbench().set_error_handler([this](const std::string& e) { errors.push_back(e); });
        frame->set_confirm([](const std::string&) { return true; });
        frame->workbench().set_read_only(read_only);
        frame->Show();
        REQUIRE(frame->open_project(path));
        pump(100);
    }
    ~StorageFixture() {
        frame->Close(true);
        pump(100);
    }
    std::vector<std::string> code_names() {
        std::vector<std::string> out;
        for (const auto& c : frame->workbench().repo().codes()) out.push_back(c.name);
        return out;
    }
    bool menu_enabled(int id) {
        frame->GetMenuBar()->UpdateMenus();
        return frame->GetMenuBar()->FindItem(id)->IsEnabled();
    }
};

}  // namespace

TEST_CASE("File > Restore from backup lists backups with date and size and restores one, reversibly", "[gui][storage]") {
    StorageFixture f;
    auto& wb = f.frame->workbench();
    // Opening made the day's rolling copy (the project had changes); this one is older.
    const auto backup = store::backup_project(*wb.file(), "manual", "2020-12-03T10:00:00Z");
    const auto before = f.code_names();
    REQUIRE(before == std::vector<std::string>{"Time", "Staffing"});
    REQUIRE(wb.run(core::DeleteCode("Staffing")));
    REQUIRE(f.code_names() == std::vector<std::string>{"Time"});
    CHECK(f.menu_enabled(gui::kIdRestoreBackup));

    auto* dialog = new gui::RestoreDialog(f.frame, f.path, store::default_backup_folder(f.path));
    REQUIRE(dialog->backups().size() == 2);
    CHECK(dialog->backups()[0].reason == "rolling");
    CHECK(dialog->row_text(0).find(" UTC | 132 KiB | rolling") != std::string::npos);
    const auto bytes = fs::file_size(backup);
    CHECK(bytes == 135168);  // 33 pages of 4 KiB: the schema (with the count table of schema 4) and two codes
    CHECK(dialog->row_text(1) == "2020-12-03 10:00:00 UTC | 132 KiB | manual");
    CHECK(dialog->selected() == dialog->backups()[0].path);  // the newest is offered first
    dialog->select(1);
    REQUIRE(dialog->selected() == backup);
    const auto chosen = *dialog->selected();
    dialog->Destroy();
    pump(50);

    REQUIRE(f.frame->restore_backup(chosen));
    CHECK(f.errors.empty());
    CHECK(wb.is_open());
    CHECK(f.code_names() == before);
    // What the project held before the restore is itself a backup: restoring it undoes the restore.
    const auto all = store::list_backups(f.path);
    REQUIRE(all.size() == 3);
    const auto replaced = std::find_if(all.begin(), all.end(), [](const auto& b) { return b.reason == "before-restore"; });
    REQUIRE(replaced != all.end());
    REQUIRE(f.frame->restore_backup(replaced->path));
    CHECK(f.code_names() == std::vector<std::string>{"Time"});
}

TEST_CASE("comb-gui --read-only shows a banner, disables editing and refuses changes", "[gui][storage]") {
    StorageFixture f(true);
    auto& wb = f.frame->workbench();
    CHECK(wb.read_only_reason() == "opened read-only");
    CHECK(f.frame->read_only_banner() ==
          "Read-only (opened read-only): study.comb can be read, searched and exported, but not changed.");
    for (const int id : {gui::kIdNewCode, gui::kIdImport, gui::kIdMergeProject, gui::kIdRestoreBackup, gui::kIdPseudonymise,
                         gui::kIdImportAttributes, gui::kIdLoadCodebook}) {
        CAPTURE(id);
        CHECK_FALSE(f.menu_enabled(id));
    }
    CHECK(f.menu_enabled(gui::kIdExportThemeTable));  // reading is allowed
    CHECK(f.code_names() == std::vector<std::string>{"Time", "Staffing"});
    CHECK_FALSE(wb.run(core::DeleteCode("Staffing")));
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0] == f.path.string() + ": the project is open read-only (opened read-only): Delete code Staffing refused, nothing was changed");
    CHECK(f.code_names() == std::vector<std::string>{"Time", "Staffing"});
}

TEST_CASE("a project without write permission opens read-only in the window", "[gui][storage]") {
    if (::geteuid() == 0) {
        WARN("skipped: running as root, where chmod does not stop writes (the --read-only test covers the window)");
        return;
    }
    test::TempDir dir;
    StorageFixture f;
    f.frame->workbench().close();
    ::chmod(f.path.c_str(), 0444);
    REQUIRE(f.frame->open_project(f.path));
    CHECK(f.frame->workbench().read_only_reason() == "no write permission");
    CHECK_FALSE(f.frame->read_only_banner().empty());
    CHECK_FALSE(f.menu_enabled(gui::kIdNewCode));
    ::chmod(f.path.c_str(), 0644);
}

TEST_CASE("a writable project shows no banner and keeps editing enabled", "[gui][storage]") {
    StorageFixture f;
    CHECK(f.frame->read_only_banner().empty());
    CHECK(f.menu_enabled(gui::kIdNewCode));
}

TEST_CASE("on a full disk the window says disk full, changes nothing and keeps working", "[gui][storage]") {
    test::TempDir dir;
    const fs::path disk = dir / "disk";
    fs::create_directories(disk);
    if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") != 0) {
        WARN("skipped: no permission to mount a small tmpfs here (test_cli covers the full disk with a test hook)");
        return;
    }
    {
        StorageFixture f(false, disk / "study.comb");
        auto& wb = f.frame->workbench();
        const fs::path filler = disk / "filler";
        {
            std::ofstream out(filler, std::ios::binary);
            const std::string block(4096, 'x');
            while (out.write(block.data(), block.size())) {
            }
        }
        CHECK_FALSE(wb.run(core::DefineCode("Funding", {})));
        REQUIRE(f.errors.size() == 1);
        CHECK(f.errors[0] == (disk / "study.comb").string() + ": disk full: nothing could be written (database or disk is full)");
        CHECK(f.code_names() == std::vector<std::string>{"Time", "Staffing"});
        CHECK_FALSE(wb.backup_first("delete-code"));  // no backup, so a bulk delete would not run
        CHECK(f.errors.back().find("disk full: the backup could not be written, nothing was kept") != std::string::npos);
        fs::remove(filler);
        CHECK(wb.run(core::DefineCode("Funding", {})));
        CHECK(f.code_names() == std::vector<std::string>{"Time", "Staffing", "Funding"});
    }
    ::umount2(disk.c_str(), MNT_DETACH);
}
