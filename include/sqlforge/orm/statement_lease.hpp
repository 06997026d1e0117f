#pragma once
// A result's hold on the cached statement it reads from, and the list of such holds that a
// session (or Core connection) keeps.
//
// A result borrows its statement from the connection's cache. When the session commits,
// rolls back or closes, the connection goes back to the pool (or is closed), and a result
// read after that would step a statement that another session may be using, or one that no
// longer exists. So the session revokes every live lease first: the statement is reset while
// its connection is still there, and the result, on its next read, throws
// invalid_request_error instead. Reading costs nothing more per row: a revoked lease holds no
// statement, which a result already tests for.
//
// The list is intrusive (each lease is its own node), so tracking a result allocates nothing.
#include <sqlforge/orm/errors.hpp>

#include <utility>

namespace sqlforge::detail {

class lease_list;

class statement_lease {
public:
    using reset_fn = void (*)(void* stmt) noexcept;

    statement_lease() noexcept = default;
    statement_lease(void* stmt, reset_fn reset) noexcept : stmt_(stmt), reset_(reset) {}
    // Takes o's place in its list (a result moved out of a function stays tracked).
    inline statement_lease(statement_lease&& o) noexcept;
    statement_lease& operator=(statement_lease&&) = delete;
    statement_lease(const statement_lease&) = delete;
    ~statement_lease() { release(); }

    void* get() const noexcept { return stmt_; }
    // The owner of the list the lease is in (the transaction scope), or null.
    inline void* owner() const noexcept;
    // Was the statement taken away by commit / rollback / close before the result was read?
    bool revoked() const noexcept { return revoked_; }

    // Resets the statement (if still held) and leaves the list.
    inline void release() noexcept;
    // Holds stmt after the statement held before (if any) was released.
    void hold(void* stmt, reset_fn reset) noexcept {
        release();
        stmt_ = stmt;
        reset_ = reset;
        revoked_ = false;
    }

private:
    friend class lease_list;
    inline void unlink() noexcept;

    void* stmt_ = nullptr;
    reset_fn reset_ = nullptr;
    lease_list* list_ = nullptr;
    statement_lease* prev_ = nullptr;
    statement_lease* next_ = nullptr;
    bool revoked_ = false;
};

class lease_list {
public:
    lease_list() noexcept = default;
    lease_list(lease_list&& o) noexcept : first_(std::exchange(o.first_, nullptr)) {
        for (statement_lease* l = first_; l; l = l->next_) l->list_ = this;
    }
    lease_list& operator=(lease_list&&) = delete;
    ~lease_list() { revoke_all(); }

    // What owner() of the leases in this list gives (set again after a move).
    void set_owner(void* owner) noexcept { owner_ = owner; }

    // Tracks a lease that holds a statement (one that holds none has nothing to revoke).
    void add(statement_lease& l) noexcept {
        if (!l.stmt_ || l.list_) return;
        l.list_ = this;
        l.prev_ = nullptr;
        l.next_ = first_;
        if (first_) first_->prev_ = &l;
        first_ = &l;
    }

    // Resets every tracked statement and marks its lease revoked; the list is left empty.
    void revoke_all() noexcept {
        while (statement_lease* l = first_) {
            l->release();  // resets the statement and leaves the list
            l->revoked_ = true;
        }
    }

private:
    friend class statement_lease;
    statement_lease* first_ = nullptr;
    void* owner_ = nullptr;
};

inline void* statement_lease::owner() const noexcept { return list_ ? list_->owner_ : nullptr; }

inline statement_lease::statement_lease(statement_lease&& o) noexcept
    : stmt_(std::exchange(o.stmt_, nullptr)), reset_(o.reset_), list_(o.list_), prev_(o.prev_), next_(o.next_),
      revoked_(o.revoked_) {
    if (list_) {
        if (prev_) prev_->next_ = this;
        else list_->first_ = this;
        if (next_) next_->prev_ = this;
        o.list_ = nullptr;
        o.prev_ = o.next_ = nullptr;
    }
}

inline void statement_lease::release() noexcept {
    unlink();
    if (stmt_) reset_(std::exchange(stmt_, nullptr));
}

inline void statement_lease::unlink() noexcept {
    if (!list_) return;
    if (prev_) prev_->next_ = next_;
    else list_->first_ = next_;
    if (next_) next_->prev_ = prev_;
    list_ = nullptr;
    prev_ = next_ = nullptr;
}

// The error of a result read after its session let go of its statement.
[[noreturn]] [[gnu::noinline]] inline void throw_revoked_result() {
    throw invalid_request_error(
        "sqlforge: this result can no longer be read: its session committed, rolled back or closed (or was "
        "destroyed) while rows were left, and the statement went back with the connection. Read the rows "
        "first, or keep them with all() before commit()");
}

// What the scope uses to track the lease of a result it returns (result<Row>, raw_result),
// and the session to have a result<Row>'s row errors explained (see session::execute).
struct lease_access {
    template <class R>
    static statement_lease& of(R& r) noexcept {
        return r.lease_;
    }
    template <class R, class F>
    static void explain_errors(R& r, F* explain) noexcept {
        r.explain_ = explain;
    }
};

}  // namespace sqlforge::detail
