// SPDX-License-Identifier: GPL-3.0-or-later
#include "wakeup.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace comb::store {

Wakeup::Wakeup() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw core::StoreError("make a wake-up pipe", std::strerror(errno));
    read_ = fds[0];
    write_ = fds[1];
}

Wakeup::~Wakeup() {
    ::close(read_);
    ::close(write_);
}

void Wakeup::signal() {
    const char byte = 1;
    // A full pipe is already readable: nothing more to say.
    [[maybe_unused]] const auto n = ::write(write_, &byte, 1);
}

bool Wakeup::signalled() const {
    pollfd p{read_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

}  // namespace comb::store
