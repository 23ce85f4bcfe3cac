// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A minimal observer: views subscribe and keep the Subscription as a member, so a closed
// view unsubscribes itself. Not thread-safe: publish on the thread that owns the project.
#include <functional>
#include <map>
#include <memory>
#include <utility>

namespace comb::core {

class Subscription {
public:
    Subscription() = default;
    explicit Subscription(std::function<void()> cancel) : cancel_(std::move(cancel)) {}
    Subscription(Subscription&& o) noexcept : cancel_(std::exchange(o.cancel_, nullptr)) {}
    Subscription& operator=(Subscription&& o) noexcept {
        if (this != &o) { reset(); cancel_ = std::exchange(o.cancel_, nullptr); }
        return *this;
    }
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    ~Subscription() { reset(); }
    void reset() { if (cancel_) { cancel_(); cancel_ = nullptr; } }

private:
    std::function<void()> cancel_;
};

template <class Event>
class Signal {
public:
    using Handler = std::function<void(const Event&)>;

    // The subscription must not outlive the signal's owner... unless the owner is gone; the
    // shared slot table lets a late Subscription cancel harmlessly (sharers: signal, subscriptions).
    Subscription subscribe(Handler h) {
        const int key = next_++;
        (*slots_)[key] = std::move(h);
        std::weak_ptr<Slots> weak = slots_;
        return Subscription([weak, key] { if (auto s = weak.lock()) s->erase(key); });
    }

    void publish(const Event& e) const {
        const auto copy = *slots_;  // a handler may unsubscribe while we iterate
        for (const auto& [key, h] : copy) h(e);
    }

private:
    using Slots = std::map<int, Handler>;
    std::shared_ptr<Slots> slots_ = std::make_shared<Slots>();
    int next_ = 0;
};

}  // namespace comb::core
