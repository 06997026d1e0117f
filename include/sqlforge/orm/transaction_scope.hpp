#pragma once
// What a session and a Core connection share: a connection checked out of the engine's pool
// on first use, a transaction begun on first use ("autobegin", as in SQLAlchemy 2.0), and
// commit / rollback / close that end it and give the connection back; savepoints inside it
// (SAVEPOINT sp_1, sp_2 ... as a stack); and what happens when the connection is lost.
//
// A lost connection (MySQL 2006 / 2013 / 2055, MariaDB 1927 connection killed, 1053 server
// shutdown, 4031 idle timeout) marks the scope broken: it is never given back to the pool.
// If the loss happened inside a transaction, that transaction's work is gone, so the next
// statement throws invalid_request_error until rollback() or close() acknowledges it (as
// SQLAlchemy's PendingRollbackError); rollback() does not talk to the dead connection. A
// loss outside a transaction (at autobegin) is acknowledged at once: the next statement
// checks out a fresh connection.
//
// The results a scope returns are tracked (orm/statement_lease.hpp): when a transaction ends
// or the connection goes back, their statements are reset first, and reading them throws.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/engine.hpp>
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/statement_lease.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sqlforge {

// invalid_request_error is declared in orm/errors.hpp.

namespace detail {

// Does this error mean that the connection to the server is gone?
inline bool is_disconnect(backend_kind kind, const dbapi_error& e) noexcept {
    if (kind != backend_kind::mysql) return false;  // a SQLite connection cannot be lost
    switch (e.code()) {
        case 1053:  // ER_SERVER_SHUTDOWN
        case 1927:  // ER_CONNECTION_KILLED (MariaDB)
        case 2006:  // CR_SERVER_GONE_ERROR
        case 2013:  // CR_SERVER_LOST
        case 2055:  // CR_SERVER_LOST_EXTENDED
        case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT (MySQL 8)
            return true;
        default:
            return false;
    }
}

class transaction_scope {
    // (first, so that the members below can deduce its return type)
    // f(concrete connection&), marking the scope broken when the error means a lost connection.
    template <class F>
    decltype(auto) guarded(F&& f) {
        try {
            return with_backend(*conn_, std::forward<F>(f));
        } catch (const dbapi_error& e) {
            if (is_disconnect(engine_.kind(), e)) broken_ = true;
            throw;
        }
    }

public:
    explicit transaction_scope(engine e) : engine_(std::move(e)) { results_.set_owner(this); }
    transaction_scope(transaction_scope&& o) noexcept
        : engine_(o.engine_),
          conn_(std::move(o.conn_)),
          in_tx_(std::exchange(o.in_tx_, false)),
          broken_(std::exchange(o.broken_, false)),
          serial_(o.serial_),
          savepoint_names_(o.savepoint_names_),
          savepoints_(std::move(o.savepoints_)),
          results_(std::move(o.results_)) {
        results_.set_owner(this);
    }
    transaction_scope& operator=(transaction_scope&&) = delete;
    ~transaction_scope() { close(); }

    // The connection, inside a transaction that was begun if none was.
    // The fast path (a transaction is open) is two tests, inlined into every statement.
    backend_connection& begin_if_needed() {
        if (in_tx_ && !broken_) [[likely]]
            return *conn_;
        return begin_now();
    }

    // f(concrete connection&) inside the transaction; an error that means the connection is
    // lost marks the scope broken before it propagates.
    template <class F>
    decltype(auto) run(F&& f) {
        begin_if_needed();
        return guarded(std::forward<F>(f));
    }

    // run(f) for an f that returns a result reading a cached statement (result<Row>,
    // raw_result): the result is tracked, so that ending the transaction revokes it.
    template <class F>
    auto run_result(F&& f) {
        auto r = run(std::forward<F>(f));
        results_.add(lease_access::of(r));
        return r;
    }

    void commit() {
        if (broken_ && in_tx_) {
            end(true);
            throw invalid_request_error(lost_message("commit() is impossible; the transaction was rolled back"));
        }
        if (in_tx_) {
            end_transaction();
            try {
                with_backend(*conn_, [](auto& c) { c.commit(); });
            } catch (...) {
                give_back(true);
                throw;
            }
        }
        give_back(broken_);
    }

    void rollback() {
        if (broken_) {
            end(true);  // the server dropped the transaction with the connection
            return;
        }
        if (in_tx_) {
            end_transaction();
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

    // ---- explicit transactions and savepoints (see orm/transaction.hpp) ----------------

    // BEGIN now, for a transaction guard; the serial number that identifies the transaction.
    std::uint64_t begin_explicit() {
        if (in_tx_)
            throw invalid_request_error(
                "sqlforge: a transaction is already begun on this session (autobegin starts one at the first "
                "statement): commit() or rollback() it before begin(), or use begin_nested() for a savepoint");
        begin_if_needed();
        return serial_;
    }

    // SAVEPOINT sp_N inside the transaction (begun if none was); N, unique in the transaction.
    unsigned savepoint() {
        begin_if_needed();
        savepoints_.reserve(savepoints_.size() + 1);
        const unsigned n = ++savepoint_names_;
        guarded([&](auto& c) { c.savepoint(savepoint_name(n)); });
        savepoints_.push_back(n);
        return n;
    }

    // RELEASE SAVEPOINT sp_N: keeps its work in the transaction. Savepoints taken inside it
    // are released with it.
    void release_savepoint(unsigned n) {
        const auto it = std::find(savepoints_.begin(), savepoints_.end(), n);
        savepoints_.erase(it, savepoints_.end());
        guarded([&](auto& c) { c.release(savepoint_name(n)); });
    }

    // ROLLBACK TO SAVEPOINT sp_N: undoes what was done since, keeps the work before it. If
    // that fails, the whole transaction is rolled back (its state is unknown) and the error
    // propagates.
    void rollback_to_savepoint(unsigned n) {
        const auto it = std::find(savepoints_.begin(), savepoints_.end(), n);
        savepoints_.erase(it, savepoints_.end());
        try {
            guarded([&](auto& c) { c.rollback_to(savepoint_name(n)); });
        } catch (...) {
            close();
            throw;
        }
    }

    // Is the transaction `serial` still open (and, for n > 0, its savepoint sp_N)?
    bool is_active(std::uint64_t serial, unsigned n) const noexcept {
        if (!in_tx_ || serial != serial_) return false;
        return n == 0 || std::find(savepoints_.begin(), savepoints_.end(), n) != savepoints_.end();
    }

    bool in_transaction() const noexcept { return in_tx_; }
    bool in_nested_transaction() const noexcept { return in_tx_ && !savepoints_.empty(); }
    std::uint64_t serial() const noexcept { return serial_; }
    // Has the connection been lost (and not yet given up by rollback() / close())?
    bool is_broken() const noexcept { return broken_; }
    const engine& get_engine() const noexcept { return engine_; }

private:
    // begin_if_needed()'s slow path: after a lost connection, at the first statement (check
    // out a connection) and at the first statement after commit/rollback (BEGIN).
    [[gnu::noinline]] backend_connection& begin_now() {
        if (broken_) recover();
        if (!conn_) conn_ = engine_.acquire();
        if (!in_tx_) {
            guarded([](auto& c) { c.begin(); });
            in_tx_ = true;
            ++serial_;
            savepoint_names_ = 0;
        }
        return *conn_;
    }

    // At the first use after the connection was lost.
    void recover() {
        if (in_tx_)
            throw invalid_request_error(
                lost_message("call rollback() or close() on it before running anything else"));
        end(true);  // lost before a transaction began: nothing to acknowledge
    }

    // Forgets the transaction and its savepoints, and gives the connection back.
    void end(bool broken) noexcept {
        end_transaction();
        give_back(broken);
    }
    // The transaction's results are revoked before COMMIT / ROLLBACK is sent: their statements
    // are reset while the connection is still ours.
    void end_transaction() noexcept {
        results_.revoke_all();
        in_tx_ = false;
        savepoints_.clear();
    }

    void give_back(bool broken) noexcept {
        results_.revoke_all();
        if (conn_) engine_.release(std::move(conn_), broken || broken_);
        broken_ = false;
    }

    static std::string lost_message(const char* what) {
        return std::string("sqlforge: the connection to the database was lost inside this transaction, so its "
                           "work is gone: ") +
               what;
    }

    // "sp_N" in a small reused buffer.
    const std::string& savepoint_name(unsigned n) {
        name_.assign("sp_");
        name_ += std::to_string(n);
        return name_;
    }

    engine engine_;
    std::unique_ptr<backend_connection> conn_;
    bool in_tx_ = false;
    bool broken_ = false;
    std::uint64_t serial_ = 0;        // counts transactions begun, to tell a guard's from a later one
    unsigned savepoint_names_ = 0;    // last N of sp_N in this transaction
    std::vector<unsigned> savepoints_;  // open savepoints, outermost first
    std::string name_;
    lease_list results_;  // the live results of this transaction
};

}  // namespace detail
}  // namespace sqlforge
