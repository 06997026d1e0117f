#pragma once
// engine.connect(): SQLAlchemy Core's Connection. Statements run inside a transaction that
// the first one begins ("commit as you go"); commit() makes them durable, rollback() or
// close() (or the destructor) discards them and gives the connection back to the pool.
#include <sqlforge/orm/execute.hpp>
#include <sqlforge/orm/transaction_scope.hpp>

#include <utility>

namespace sqlforge {

class connection {
public:
    explicit connection(engine e) : scope_(std::move(e)) {}

    // A select gives its rows as a stream; any other statement the rows it changed.
    template <class Stmt>
    auto execute(Stmt&& stmt) {
        auto& conn = scope_.begin_if_needed();
        if constexpr (returns_rows<Stmt>) {
            return with_backend(conn, [&](auto& c) { return run_query(c, std::forward<Stmt>(stmt)); });
        } else {
            return with_backend(conn, [&](auto& c) { return run_statement(c, stmt); });
        }
    }
    void commit() { scope_.commit(); }
    void rollback() { scope_.rollback(); }
    void close() noexcept { scope_.close(); }

private:
    detail::transaction_scope scope_;
};

inline connection connect(const engine& e) { return connection{e}; }

}  // namespace sqlforge
