#pragma once
// A thread-safe connection pool, SQLAlchemy's QueuePool: up to `size` connections are kept
// open between uses, up to `max_overflow` more are opened under load and closed on return,
// and a checkout that finds none free waits up to `timeout`, then throws timeout_error.
//
//   recycle    a connection older than this is closed and replaced when it is checked out
//              (SQLAlchemy's pool_recycle; negative, the default: never)
//   pre_ping   a pooled connection is pinged at checkout and replaced if it does not answer
//   null_pool  a new connection for every checkout, closed on return (SQLAlchemy's NullPool)
//
// Reset on return: a connection given back inside a transaction is rolled back first; one
// that is closed, was reported broken (a lost connection), fails that rollback, or was
// opened before the last dispose() is closed instead of pooled. Connections are opened,
// pinged, rolled back and closed outside the pool's lock.
//
// A checkout that would wait while every checked-out connection is held by the asking thread
// itself (two sessions open at once in one thread, on a sqlite://:memory: engine's single
// connection, say) throws invalid_request_error at once: only that thread could give one
// back, so the wait could only end in timeout_error.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/errors.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <thread>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sqlforge {

struct pool_options {
    std::size_t size = 5;                       // connections kept open between uses
    std::size_t max_overflow = 10;              // more opened under load, closed on return
    std::chrono::milliseconds timeout{30'000};  // checkout wait before timeout_error
    std::chrono::milliseconds recycle{-1};      // replace connections older than this; < 0: never
    bool pre_ping = false;                      // ping a pooled connection before handing it out
    bool null_pool = false;                     // no pooling: open per checkout, close on return
};

struct pool_status {
    std::size_t idle = 0;         // open, waiting in the pool
    std::size_t checked_out = 0;  // handed out now (including ones being opened)
    std::size_t opened = 0;       // connections opened since the pool was made
    std::size_t closed = 0;       // connections the pool closed since (opened - closed are open now)
};

class connection_pool {
public:
    using factory = std::function<std::unique_ptr<backend_connection>()>;
    using clock = std::chrono::steady_clock;

    connection_pool(factory make, pool_options o) : make_(std::move(make)), opts_(o) {
        if (!opts_.null_pool) idle_.reserve(opts_.size);  // so that release() never allocates
    }
    connection_pool(const connection_pool&) = delete;
    connection_pool& operator=(const connection_pool&) = delete;

    // A connection, pooled or new. Throws timeout_error when all size + max_overflow are out
    // for longer than `timeout`, or what opening a connection throws (operational_error).
    std::unique_ptr<backend_connection> acquire() {
        std::unique_lock lock(m_);
        std::optional<clock::time_point> deadline;
        for (;;) {
            if (!idle_.empty()) {
                auto c = std::move(idle_.back());
                idle_.pop_back();
                ++out_;
                hold(c.get());
                const bool expired = opts_.recycle.count() >= 0 && too_old(c.get(), clock::now());
                lock.unlock();
                if (!expired && (!opts_.pre_ping || with_backend(*c, [](auto& b) { return b.ping(); }))) return c;
                discard(std::move(c));  // too old, or dead: a fresh one in its place
                return open_counted();
            }
            if (opts_.null_pool || out_ < opts_.size + opts_.max_overflow) {
                ++out_;
                lock.unlock();
                return open_counted();
            }
            if (all_held_by_this_thread()) throw_self_wait();
            if (!deadline) deadline = clock::now() + opts_.timeout;
            if (!cv_.wait_until(lock, *deadline, [&] { return !idle_.empty() || out_ < opts_.size + opts_.max_overflow; }))
                throw timeout_error("sqlforge: no connection became free in the pool within " +
                                    std::to_string(opts_.timeout.count()) + " ms (size " +
                                    std::to_string(opts_.size) + ", max_overflow " +
                                    std::to_string(opts_.max_overflow) +
                                    ", all checked out; raise them or return connections sooner)");
        }
    }

    // Takes a connection back. It is rolled back if a transaction is still open, and closed
    // instead of pooled if `broken`, closed, past the pool's size, or older than dispose().
    void release(std::unique_ptr<backend_connection> c, bool broken = false) noexcept {
        bool keep = c && !broken && !opts_.null_pool && with_backend(*c, [](auto& b) { return b.is_open(); });
        if (keep && with_backend(*c, [](auto& b) { return b.in_transaction(); })) {
            try {
                with_backend(*c, [](auto& b) { b.rollback(); });
            } catch (...) {
                keep = false;  // cannot tell what state it is in: do not hand it out again
            }
        }
        std::unique_lock lock(m_);
        --out_;
        if (c) {
            auto it = records_.find(c.get());
            keep = keep && it != records_.end() && it->second.generation == generation_ && idle_.size() < opts_.size;
            if (keep) {
                it->second.holder = {};
                idle_.push_back(std::move(c));  // capacity reserved: never throws
            } else if (it != records_.end()) {
                records_.erase(it);
                ++closed_;
            }
        }
        cv_.notify_one();
        lock.unlock();
        c.reset();  // closed outside the lock (a no-op when pooled)
    }

    // Closes every idle connection now; the ones checked out are closed when they come back
    // (SQLAlchemy's engine.dispose()). The pool stays usable and opens new connections.
    void dispose() {
        std::vector<std::unique_ptr<backend_connection>> old;
        old.reserve(opts_.size);
        {
            std::lock_guard lock(m_);
            ++generation_;
            for (auto& c : idle_) {
                records_.erase(c.get());
                old.push_back(std::move(c));
            }
            closed_ += idle_.size();
            idle_.clear();
        }
    }  // `old` closes them, outside the lock

    pool_status status() const {
        std::lock_guard lock(m_);
        return {idle_.size(), out_, opened_, closed_};
    }

    const pool_options& options() const noexcept { return opts_; }

private:
    struct record {
        clock::time_point born;
        std::uint64_t generation;
        std::thread::id holder{};  // the thread it is checked out to; none while idle
    };

    void hold(const backend_connection* c) {
        if (auto it = records_.find(c); it != records_.end()) it->second.holder = std::this_thread::get_id();
    }
    // Is every checked-out connection (none of them still being opened) this thread's?
    bool all_held_by_this_thread() const {
        const auto me = std::this_thread::get_id();
        std::size_t mine = 0;
        for (const auto& [c, r] : records_) mine += r.holder == me;
        return mine != 0 && mine == out_;
    }
    [[noreturn]] void throw_self_wait() const {
        throw invalid_request_error(
            "sqlforge: every connection of the pool (size " + std::to_string(opts_.size) + ", max_overflow " +
            std::to_string(opts_.max_overflow) + ") is checked out by this thread, to sessions or connections it "
            "still has open, so waiting for one could never end: commit(), rollback() or close() one of them "
            "first (a sqlite://:memory: engine has exactly one connection)");
    }

    bool too_old(const backend_connection* c, clock::time_point now) const {
        auto it = records_.find(c);
        return it != records_.end() && now - it->second.born > opts_.recycle;
    }

    // Closes a checked-out connection that will not come back (still counted in out_).
    void discard(std::unique_ptr<backend_connection> c) noexcept {
        {
            std::lock_guard lock(m_);
            if (records_.erase(c.get()) != 0) ++closed_;
        }
        c.reset();
    }

    // Opens a connection for a checkout already counted in out_; uncounts it on failure.
    std::unique_ptr<backend_connection> open_counted() {
        try {
            auto c = make_();
            std::lock_guard lock(m_);
            records_.emplace(c.get(), record{clock::now(), generation_, std::this_thread::get_id()});
            ++opened_;
            return c;
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
    std::vector<std::unique_ptr<backend_connection>> idle_;  // last in, first out
    std::unordered_map<const backend_connection*, record> records_;  // every open connection made here
    std::size_t out_ = 0;
    std::size_t opened_ = 0;
    std::size_t closed_ = 0;
    std::uint64_t generation_ = 0;  // bumped by dispose()
};

}  // namespace sqlforge
