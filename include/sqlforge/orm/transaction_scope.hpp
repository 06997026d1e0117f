#pragma once
// What a session and a Core connection share: a connection checked out of the engine's pool
// on first use, a transaction begun on first use ("autobegin", as in SQLAlchemy 2.0), and
// commit / rollback / close that end it and give the connection back.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/engine.hpp>

#include <memory>
#include <utility>

namespace sqlforge::detail {

class transaction_scope {
public:
    explicit transaction_scope(engine e) : engine_(std::move(e)) {}
    transaction_scope(transaction_scope&& o) noexcept
        : engine_(o.engine_), conn_(std::move(o.conn_)), in_tx_(std::exchange(o.in_tx_, false)) {}
    transaction_scope& operator=(transaction_scope&&) = delete;
    ~transaction_scope() { close(); }

    // The connection, inside a transaction that was begun if none was.
    backend_connection& begin_if_needed() {
        if (!conn_) conn_ = engine_.acquire();
        if (!in_tx_) {
            with_backend(*conn_, [](auto& c) { c.begin(); });
            in_tx_ = true;
        }
        return *conn_;
    }

    void commit() {
        if (in_tx_) {
            in_tx_ = false;
            try {
                with_backend(*conn_, [](auto& c) { c.commit(); });
            } catch (...) {
                give_back(true);
                throw;
            }
        }
        give_back(false);
    }

    void rollback() {
        if (in_tx_) {
            in_tx_ = false;
            try {
                with_backend(*conn_, [](auto& c) { c.rollback(); });
            } catch (...) {
                give_back(true);
                throw;
            }
        }
        give_back(false);
    }

    // Rolls back what was not committed and returns the connection; never throws.
    void close() noexcept {
        try {
            rollback();
        } catch (...) {
        }
    }

    bool in_transaction() const noexcept { return in_tx_; }
    const engine& get_engine() const noexcept { return engine_; }

private:
    void give_back(bool broken) noexcept {
        if (conn_) engine_.release(std::move(conn_), broken);
    }

    engine engine_;
    std::unique_ptr<backend_connection> conn_;
    bool in_tx_ = false;
};

}  // namespace sqlforge::detail
