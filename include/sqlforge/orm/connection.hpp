#pragma once
// engine.connect(): SQLAlchemy Core's Connection. Statements run inside a transaction that
// the first one begins ("commit as you go"); commit() makes them durable, rollback() or
// close() (or the destructor) discards them and gives the connection back to the pool.
#include <sqlforge/orm/execute.hpp>
#include <sqlforge/orm/text.hpp>
#include <sqlforge/orm/transaction_scope.hpp>

#include <utility>

namespace sqlforge {

class connection {
public:
    explicit connection(engine e) : scope_(std::move(e)) {}

    // A select gives its rows as a stream; any other statement the rows it changed. Through
    // scope_.run, as the session: an error that means the connection is lost marks it broken
    // (closed, never pooled; the transaction must be rolled back before anything else runs).
    template <class Stmt>
    auto execute(Stmt&& stmt) {
        if constexpr (returns_rows<Stmt>) {
            return scope_.run_result([&](auto& c) { return run_query(c, std::forward<Stmt>(stmt)); });
        } else {
            return scope_.run([&](auto& c) { return run_statement(c, stmt); });
        }
    }
    // Raw SQL: conn.execute(sf::text("... :name ..."), {{"name", value}}). The values are
    // checked against the text's parameters before anything is sent (argument_error), then
    // bound. Values given as a temporary move into the result; a named sf::params is referred
    // to, so keep it alive while the result is read. See orm/text.hpp.
    template <text_statement T>
    raw_result execute(T&& t) {
        return detail::execute_text(scope_, t, params{}, nullptr);
    }
    raw_result execute(const text& t, const params& p) { return detail::execute_text(scope_, t, p, nullptr); }
    raw_result execute(const text& t, params&& p) { return detail::execute_text(scope_, t, p, &p); }

    void commit() { scope_.commit(); }
    void rollback() { scope_.rollback(); }
    void close() noexcept { scope_.close(); }

private:
    detail::transaction_scope scope_;
};

inline connection connect(const engine& e) { return connection{e}; }

// engine.connect(), declared in orm/engine.hpp.
inline connection engine::connect() const { return connection{*this}; }

}  // namespace sqlforge
