#pragma once
// sf::transaction: an RAII guard over a session's transaction or one of its savepoints.
//
//   {
//       auto tx = s.begin();            // BEGIN (invalid_request_error if one is open)
//       s.add(a);
//       {
//           auto sp = s.begin_nested(); // SAVEPOINT sp_1
//           s.add(b);
//       }                               // ROLLBACK TO SAVEPOINT sp_1: b is gone, a stays
//       tx.commit();                    // COMMIT
//   }                                   // neither commit() nor rollback(): ROLLBACK, also
//                                       // when an exception unwinds the stack
//
// A guard over the transaction ends it (and the session returns its connection to the pool);
// a guard over a savepoint releases it (commit) or rolls back to it (rollback), and the outer
// transaction goes on. Savepoints nest; ending one ends the ones taken inside it. A guard
// whose transaction was ended some other way (session.commit(), an outer savepoint's
// rollback) is inactive: its destructor does nothing, its commit() throws
// invalid_request_error, its rollback() does nothing. A guard must not outlive its session.
#include <sqlforge/orm/transaction_scope.hpp>

#include <cstdint>
#include <utility>

namespace sqlforge {

class transaction {
public:
    // Made by session::begin() / begin_nested() (or detail::begin_transaction / begin_savepoint).
    transaction(detail::transaction_scope& scope, std::uint64_t serial, unsigned savepoint) noexcept
        : scope_(&scope), serial_(serial), savepoint_(savepoint) {}

    transaction(transaction&& o) noexcept
        : scope_(std::exchange(o.scope_, nullptr)), serial_(o.serial_), savepoint_(o.savepoint_) {}
    transaction& operator=(transaction&&) = delete;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    // Rolls back if neither commit() nor rollback() was called; errors are swallowed.
    ~transaction() {
        if (is_active()) {
            try {
                rollback();
            } catch (...) {
            }
        }
    }

    // COMMIT, or RELEASE SAVEPOINT for a nested one.
    void commit() {
        if (!is_active())
            throw invalid_request_error(nested() ? "sqlforge: this savepoint is no longer active (released or rolled "
                                                   "back, or its transaction ended): it cannot be committed"
                                                 : "sqlforge: this transaction is no longer active (committed or "
                                                   "rolled back already): it cannot be committed");
        auto* s = std::exchange(scope_, nullptr);
        if (savepoint_ == 0) s->commit();
        else s->release_savepoint(savepoint_);
    }

    // ROLLBACK, or ROLLBACK TO SAVEPOINT for a nested one; nothing if no longer active.
    void rollback() {
        if (!is_active()) {
            scope_ = nullptr;
            return;
        }
        auto* s = std::exchange(scope_, nullptr);
        if (savepoint_ == 0) s->rollback();
        else s->rollback_to_savepoint(savepoint_);
    }

    // Has it not ended yet (by this guard or otherwise)?
    bool is_active() const noexcept { return scope_ && scope_->is_active(serial_, savepoint_); }
    // Is it a savepoint (begin_nested())?
    bool nested() const noexcept { return savepoint_ != 0; }

private:
    detail::transaction_scope* scope_;
    std::uint64_t serial_;
    unsigned savepoint_;  // N of sp_N; 0: the transaction itself
};

namespace detail {

// BEGIN on the scope and a guard over it; invalid_request_error if a transaction is open.
inline transaction begin_transaction(transaction_scope& scope) {
    const std::uint64_t serial = scope.begin_explicit();
    return transaction{scope, serial, 0};
}

// SAVEPOINT on the scope (beginning its transaction if needed) and a guard over it.
inline transaction begin_savepoint(transaction_scope& scope) {
    const unsigned n = scope.savepoint();
    return transaction{scope, scope.serial(), n};
}

}  // namespace detail
}  // namespace sqlforge
