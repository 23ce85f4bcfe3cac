// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who has a project open: a folder NAME.comb-presence/ beside the project with one small
// file per announcing process (coder, program, host, pid, since). Each file is held with an
// open-file-description write lock by its process for as long as it lives; the kernel drops
// the lock when the process dies, however it dies, so a lister that can take the lock knows
// the owner is gone and removes the file.
#include <filesystem>
#include <string>
#include <vector>

namespace comb::store {

struct Presence {
    std::string coder;
    std::string program;  // "comb-gui", "comb"
    std::string host;
    std::int64_t pid = 0;
    std::string since;    // ISO 8601 UTC
    bool self = false;    // this process
    friend bool operator==(const Presence&, const Presence&) = default;
};

// Where a store keeps who has its project open: ProjectFile in the presence folder (below),
// PgProject in the server's comb_presence table (pg_presence.cpp).
class PresenceBoard {
public:
    virtual ~PresenceBoard() = default;
    // Records this connection as `coder` in `program` ("comb-gui", "comb") until it closes.
    // Throws StoreError.
    virtual void announce(const std::string& coder, const std::string& program) = 0;
    // Keeps this connection's record fresh where records go stale (call it often).
    virtual void heartbeat() {}
    // Everyone who has the project open now (this connection included, marked `self`).
    virtual std::vector<Presence> presence() const = 0;
};

// This process's record; removed by the destructor. Throws StoreError when the folder or
// file cannot be written.
class PresenceRecord {
public:
    PresenceRecord(const std::filesystem::path& project, const std::string& coder, const std::string& program,
                   const std::string& since);
    PresenceRecord(const PresenceRecord&) = delete;
    PresenceRecord& operator=(const PresenceRecord&) = delete;
    ~PresenceRecord();

private:
    std::filesystem::path file_;
    int fd_ = -1;
};

// Every live record of the project, oldest first; removes the files of dead processes.
// Never throws for a damaged or vanishing file (skipped).
std::vector<Presence> list_presence(const std::filesystem::path& project);
std::filesystem::path presence_folder(const std::filesystem::path& project);

}  // namespace comb::store
