// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Wakeup: a self-pipe another thread can signal to stop a wait on a socket at once (a
// listener thread's poll, a connection being made). Owns both ends; signal() is safe from
// any thread and may be called any number of times.
namespace comb::store {

class Wakeup {
public:
    Wakeup();  // throws StoreError when no pipe can be made
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    void signal();
    // The end to poll for POLLIN: readable once signal() was called.
    int fd() const { return read_; }
    bool signalled() const;

private:
    int read_ = -1;
    int write_ = -1;
};

}  // namespace comb::store
