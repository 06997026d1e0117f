#pragma once
// The ORM session, as SQLAlchemy's: one per thread of work; the first statement begins a
// transaction, commit() / rollback() end it and return the connection to the pool, and a
// session destroyed with a transaction still open rolls it back.
//
//   sf::session s{engine};
//   s.add(job);                         // INSERT now; job.id is filled in
//   s.query<Job>().where(job::id > 1).order_by(job::name).all();
//   s.execute(sf::update<Job>().set(job::status = 2).where(job::id == 7));
//   s.commit();
//   { auto tx = s.begin(); s.add(job); tx.commit(); }   // or rolled back by tx's destructor
#include <sqlforge/orm/execute.hpp>
#include <sqlforge/orm/mismatch_report.hpp>
#include <sqlforge/orm/query.hpp>
#include <sqlforge/orm/text.hpp>
#include <sqlforge/orm/transaction.hpp>
#include <sqlforge/orm/transaction_scope.hpp>
#include <sqlforge/stmt/by_key.hpp>
#include <sqlforge/stmt/insert.hpp>

#include <boost/pfr/core.hpp>
#include <cstdint>
#include <optional>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

class session {
public:
    explicit session(engine e) : scope_(std::move(e)) {}

    // ---- unit of work
    // INSERTs obj now (inside the session's transaction). An autoincrement key left at 0 is
    // filled in from the database; one set by the caller is inserted as given.
    template <class T>
    void add(T& obj) {
        static_assert(check_model<T>());
        explaining_mismatch<detail::on_model<T>>([&] { scope_.run([&](auto& c) { insert_one(c, obj); }); });
    }
    // Inserts every object of the range with one prepared statement, ids written back.
    template <std::ranges::input_range R>
    void add_all(R&& objects) {
        using T = std::remove_cvref_t<std::ranges::range_reference_t<R>>;
        static_assert(check_model<T>());
        explaining_mismatch<detail::on_model<T>>([&] {
            scope_.run([&](auto& c) {
                for (auto&& obj : objects) insert_one(c, obj);
            });
        });
    }

    // The object with this primary key, or nothing. A composite key is given in key order.
    template <class T, class... Key>
    std::optional<T> get(const Key&... key) {
        static_assert(detail::check_has_key<T>());
        static_assert(sizeof...(Key) == table<T>::primary_key.size(),
                      "sqlforge: get<T>() needs one value per primary key column");
        return explaining_mismatch<detail::on_model<T>>([&] { return scope_.run([&](auto& c) -> std::optional<T> {
            auto& ps = detail::prepare_text<std::remove_cvref_t<decltype(c)>, select_by_key_sql<T>>(c);
            int i = 0;
            all_of<T>.each_param([&](const auto& v) { bind_value(ps, i++, v); });  // column_property values
            (bind_value(ps, i++, key), ...);
            // One row at most, read and reset at once: nothing else runs on the connection in
            // between, so a backend may fetch it from the network instead of storing it first.
            if constexpr (requires { ps.stream_next_run(); }) ps.stream_next_run();
            std::optional<T> out;
            try {
                if (ps.step()) {
                    out.emplace();
                    model_reader<T>::read(ps, *out);
                }
            } catch (...) {
                ps.reset();
                throw;
            }
            ps.reset();
            return out;
        }); });
    }

    // UPDATE every column of obj's row, found by its primary key; rows changed (0 or 1).
    template <class T>
    std::int64_t update(const T& obj) {
        return explaining_mismatch<detail::on_model<T>>([&] { return scope_.run([&](auto& c) {
            auto& ps = detail::prepare_text<std::remove_cvref_t<decltype(c)>, update_row_sql<T>>(c);
            int i = 0;
            update_row_sql<T>::each_param(obj, [&](const auto& v) { bind_value(ps, i++, v); });
            std::int64_t n = ps.execute();
            ps.reset();
            return n;
        }); });
    }
    // Inserts obj if its key is not there, else updates it (SQLAlchemy's merge).
    template <class T>
    void merge(T& obj) {
        if (update(obj) == 0) add(obj);
    }
    // DELETE obj's row, found by its primary key; rows deleted (0 or 1).
    template <class T>
    std::int64_t remove(const T& obj) {
        return explaining_mismatch<detail::on_model<T>>([&] { return scope_.run([&](auto& c) {
            auto& ps = detail::prepare_text<std::remove_cvref_t<decltype(c)>, delete_row_sql<T>>(c);
            int i = 0;
            detail::each_key_field(obj, [&](const auto& v) { bind_value(ps, i++, v); });
            std::int64_t n = ps.execute();
            ps.reset();
            return n;
        }); });
    }
    // Reloads obj's columns from the database; false if its row is gone.
    template <class T>
    bool refresh(T& obj) {
        std::optional<T> fresh;
        std::apply([&](const auto&... k) { fresh = get<T>(k...); }, key_tuple(obj));
        if (!fresh) return false;
        obj = std::move(*fresh);
        return true;
    }

    // ---- queries and statements
    template <class T>
    auto query() {
        static_assert(check_model<T>());
        return basic_query<T, decltype(select(all_of<T>))>{this, select(all_of<T>)};
    }

    // A select gives its rows as a stream; any other statement gives the rows it changed.
    template <class Stmt>
    auto execute(Stmt&& stmt) {
        using S = std::remove_cvref_t<Stmt>;
        if constexpr (returns_rows<Stmt>) {
            auto r = explaining_mismatch<S>(
                [&] { return scope_.run_result([&](auto& c) { return run_query(c, std::forward<Stmt>(stmt)); }); });
            detail::lease_access::explain_errors(r, &explain_row_error<S>);  // rows read later, too
            return r;
        } else {
            return explaining_mismatch<S>([&] { return scope_.run([&](auto& c) { return run_statement(c, stmt); }); });
        }
    }

    // Runs f(). A programming_error or data_error out of it (no such column, NULL read into a
    // field that is not std::optional, ...) on tables whose structs do not match them becomes
    // a schema_mismatch with the original message and the differences (orm/mismatch_report.hpp);
    // Stmt says which tables. Rows read later are explained by the result (explain_row_error).
    template <class Stmt, class F>
    decltype(auto) explaining_mismatch(F&& f) {
        try {
            return f();
        } catch (const programming_error& e) {
            detail::report_mismatch<Stmt>(e, [&](auto&& g) { return scope_.run(g); });
            throw;
        } catch (const data_error& e) {
            detail::report_mismatch<Stmt>(e, [&](auto&& g) { return scope_.run(g); });
            throw;
        }
    }

    // What a result of execute() calls when one of its rows cannot be read: explaining_mismatch
    // for the rows read after execute() returned (iterating, all(), first() ...).
    template <class Stmt>
    static void explain_row_error(const dbapi_error& e, void* scope) {
        if (!dynamic_cast<const programming_error*>(&e) && !dynamic_cast<const data_error*>(&e)) return;
        auto& sc = *static_cast<detail::transaction_scope*>(scope);
        detail::report_mismatch<Stmt>(e, [&](auto&& g) { return sc.run(g); });
    }

    // The value of a one-column select's first row, as std::optional: empty when there is
    // no row or the value is NULL.
    template <class Stmt>
        requires returns_rows<Stmt>
    auto scalar(Stmt&& stmt) {
        return execute(std::forward<Stmt>(stmt)).scalar();
    }

    // ---- transaction
    // commit() / rollback() end the transaction (savepoints included) and give the connection
    // back to the pool; the next statement begins a new one. A connection lost in the middle
    // is closed, not pooled (see orm/transaction_scope.hpp).
    void commit() { scope_.commit(); }
    void rollback() { scope_.rollback(); }
    void close() noexcept { scope_.close(); }
    // BEGIN now and a guard that rolls back unless commit() is called on it (orm/transaction.hpp).
    // invalid_request_error if a transaction is already open, e.g. autobegun by a statement.
    [[nodiscard]] transaction begin() { return detail::begin_transaction(scope_); }
    // SAVEPOINT sp_N (beginning the transaction if needed) and a guard over it: commit()
    // releases it, rollback() or the destructor rolls back to it; the transaction goes on.
    [[nodiscard]] transaction begin_nested() { return detail::begin_savepoint(scope_); }
    bool in_transaction() const noexcept { return scope_.in_transaction(); }
    bool in_nested_transaction() const noexcept { return scope_.in_nested_transaction(); }
    const sqlforge::engine& get_engine() const noexcept { return scope_.get_engine(); }

private:
    template <class Conn, class T>
    static void insert_one(Conn& c, T& obj) {
        constexpr std::size_t auto_key = table<T>::autoincrement;
        if constexpr (auto_key != no_field) {
            auto& key = boost::pfr::get<auto_key>(obj);
            if (key != 0) {
                run_row<Conn, insert_full_row_sql<T>>(c, obj);
                return;
            }
            auto& ps = detail::prepare_text<Conn, insert_row_sql<T>>(c);
            int i = 0;
            insert_row_sql<T>::each_field(obj, [&](const auto& v) { bind_value(ps, i++, v); });
            ps.run_to_completion();
            ps.reset();
            if constexpr (!std::is_const_v<T>) key = static_cast<std::remove_cvref_t<decltype(key)>>(c.last_insert_id());
        } else {
            run_row<Conn, insert_full_row_sql<T>>(c, obj);
        }
    }
    template <class Conn, class Sql, class T>
    static void run_row(Conn& c, const T& obj) {
        auto& ps = detail::prepare_text<Conn, Sql>(c);
        int i = 0;
        Sql::each_param(obj, [&](const auto& v) { bind_value(ps, i++, v); });
        ps.run_to_completion();
        ps.reset();
    }
    template <class T>
    static auto key_tuple(const T& obj) {
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return std::tuple{boost::pfr::get<table<T>::primary_key[K]>(obj)...};
        }(std::make_index_sequence<table<T>::primary_key.size()>{});
    }

    detail::transaction_scope scope_;

    // ---- raw SQL: session.execute(sf::text("... :name ..."), {{"name", value}}) -----------
    // As connection::execute (orm/connection.hpp, orm/text.hpp): the values are checked
    // before anything is sent, then bound; temporaries move into the result.
public:
    template <text_statement T>
    raw_result execute(T&& t) {
        return detail::execute_text(scope_, t, params{}, nullptr);
    }
    raw_result execute(const text& t, const params& p) { return detail::execute_text(scope_, t, p, nullptr); }
    raw_result execute(const text& t, params&& p) { return detail::execute_text(scope_, t, p, &p); }
};

}  // namespace sqlforge
