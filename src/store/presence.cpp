// SPDX-License-Identifier: GPL-3.0-or-later
#include "presence.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"

namespace comb::store {
namespace fs = std::filesystem;

namespace {

bool try_lock_whole(int fd) {
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    return fcntl(fd, F_OFD_SETLK, &fl) == 0;
}

std::string host_name() {
    char buf[256] = {};
    return gethostname(buf, sizeof buf - 1) == 0 ? std::string(buf) : std::string("localhost");
}

}  // namespace

fs::path presence_folder(const fs::path& project) { return project.string() + "-presence"; }

PresenceRecord::PresenceRecord(const fs::path& project, const std::string& coder, const std::string& program,
                               const std::string& since) {
    static std::atomic<int> counter{0};
    const fs::path folder = presence_folder(project);
    std::error_code ec;
    fs::create_directories(folder, ec);
    const std::string base = std::to_string(getpid()) + "-" + std::to_string(counter++);
    // Written and locked under a temporary name, then renamed: a lister only reads *.json,
    // so it never sees a record before its lock is held.
    const fs::path tmp = folder / (base + ".tmp");
    file_ = folder / (base + ".json");
    fd_ = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0 || !try_lock_whole(fd_)) {
        if (fd_ >= 0) ::close(fd_);
        throw core::StoreError("write " + tmp.string(), std::strerror(errno));
    }
    const std::string text = nlohmann::json{{"coder", coder}, {"program", program}, {"host", host_name()},
                                            {"pid", static_cast<std::int64_t>(getpid())}, {"since", since}}.dump();
    if (::write(fd_, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
        ::close(fd_);
        fs::remove(tmp, ec);
        throw core::StoreError("write " + tmp.string(), std::strerror(errno));
    }
    fs::rename(tmp, file_, ec);
    if (ec) throw core::StoreError("write " + file_.string(), ec.message());
}

PresenceRecord::~PresenceRecord() {
    std::error_code ec;
    fs::remove(file_, ec);
    if (fd_ >= 0) ::close(fd_);
}

std::vector<Presence> list_presence(const fs::path& project) {
    std::vector<Presence> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(presence_folder(project), ec)) {
        if (entry.path().extension() != ".json") continue;
        const int fd = ::open(entry.path().c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) continue;
        if (try_lock_whole(fd)) {  // nobody holds it: its process is gone
            std::error_code rm;
            fs::remove(entry.path(), rm);
            ::close(fd);
            continue;
        }
        ::close(fd);
        try {
            std::ifstream in(entry.path());
            std::stringstream ss;
            ss << in.rdbuf();
            const auto j = nlohmann::json::parse(ss.str());
            Presence p{j.at("coder").get<std::string>(), j.at("program").get<std::string>(), j.at("host").get<std::string>(),
                       j.at("pid").get<std::int64_t>(), j.at("since").get<std::string>(), false};
            p.self = p.pid == getpid() && p.host == host_name();
            out.push_back(std::move(p));
        } catch (const std::exception&) {
            // Half-written or foreign file: not a presence.
        }
    }
    std::sort(out.begin(), out.end(), [](const Presence& a, const Presence& b) {
        return std::tie(a.since, a.pid) < std::tie(b.since, b.pid);
    });
    return out;
}

}  // namespace comb::store
