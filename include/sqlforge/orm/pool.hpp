#pragma once
// A thread-safe connection pool, SQLAlchemy's QueuePool: up to `size` connections are kept
// open between uses, up to `max_overflow` more are opened under load and closed on return,
// and a checkout that finds none free waits up to `timeout`, then throws timeout_error.
// `null_pool` opens a new connection for every checkout and closes it on return.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/errors.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sqlforge {

struct pool_options {
    std::size_t size = 5;
    std::size_t max_overflow = 10;
    std::chrono::milliseconds timeout{30'000};
    bool pre_ping = false;  // test a connection with ping() before handing it out
    bool null_pool = false;
};

struct pool_status {
    std::size_t idle = 0;         // open, waiting in the pool
    std::size_t checked_out = 0;  // handed out now
};

class connection_pool {
public:
    using factory = std::function<std::unique_ptr<backend_connection>()>;

    connection_pool(factory make, pool_options o) : make_(std::move(make)), opts_(o) {}

    std::unique_ptr<backend_connection> acquire() {
        std::unique_lock lock(m_);
        for (;;) {
            if (!idle_.empty()) {
                auto c = std::move(idle_.back());
                idle_.pop_back();
                ++out_;
                if (opts_.pre_ping) {
                    lock.unlock();
                    if (with_backend(*c, [](auto& b) { return b.ping(); })) return c;
                    c.reset();  // dead: open a fresh one in its place
                    return open_counted();
                }
                return c;
            }
            if (opts_.null_pool || out_ < opts_.size + opts_.max_overflow) {
                ++out_;
                lock.unlock();
                return open_counted();
            }
            if (cv_.wait_for(lock, opts_.timeout) == std::cv_status::timeout && idle_.empty() &&
                out_ >= opts_.size + opts_.max_overflow)
                throw timeout_error("sqlforge: no connection became free in the pool within " +
                                    std::to_string(opts_.timeout.count()) + " ms (size " +
                                    std::to_string(opts_.size) + ", max_overflow " +
                                    std::to_string(opts_.max_overflow) + ", all checked out)");
        }
    }

    // Takes a connection back; `broken` ones (and overflow ones) are closed.
    void release(std::unique_ptr<backend_connection> c, bool broken = false) noexcept {
        std::unique_lock lock(m_);
        --out_;
        if (c && !broken && !opts_.null_pool && idle_.size() < opts_.size) {
            idle_.push_back(std::move(c));
        } else {
            lock.unlock();
            c.reset();
            lock.lock();
        }
        cv_.notify_one();
    }

    // Closes every idle connection (checked-out ones close when they come back).
    void dispose() noexcept {
        std::vector<std::unique_ptr<backend_connection>> old;
        {
            std::lock_guard lock(m_);
            old.swap(idle_);
        }
    }

    pool_status status() const {
        std::lock_guard lock(m_);
        return {idle_.size(), out_};
    }

private:
    std::unique_ptr<backend_connection> open_counted() {
        try {
            return make_();
        } catch (...) {
            std::lock_guard lock(m_);
            --out_;
            cv_.notify_one();
            throw;
        }
    }

    factory make_;
    pool_options opts_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<backend_connection>> idle_;
    std::size_t out_ = 0;
};

}  // namespace sqlforge
