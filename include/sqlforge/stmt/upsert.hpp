#pragma once
// Upsert: an INSERT that, when a row with the same key is already there, updates it or
// leaves it alone.
//
//   sf::insert(job).on_conflict(job::name).do_update(job::status = sf::excluded(job::status))
//   sf::insert_into<Job>().values(job::name = "x", job::status = 1).on_conflict(job::name).do_nothing()
//
// SQLite:  ... ON CONFLICT ("name") DO UPDATE SET "status" = excluded."status"   / DO NOTHING
// MySQL:   ... ON DUPLICATE KEY UPDATE `status` = VALUES(`status`)               / `name` = `name`
//
// The conflict columns must be exactly the primary key or one unique<...> constraint of the
// table (table_traits), and the insert must give them. MySQL has no conflict target: there the
// update runs on a duplicate of ANY unique key of the table; the columns are still checked.
// VALUES(col) is used on MySQL because MariaDB (10.11 included) has no row alias
// (`AS new ... new.col`, MySQL 8.0.19+); MySQL 8.0.20+ still runs VALUES() with a warning.
// sf::excluded(col) is the value the insert would have written; it can only be used inside
// do_update(): anywhere else its text does not compile.
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/dialect/mysql.hpp>
#include <sqlforge/expr/assignment.hpp>
#include <sqlforge/expr/column.hpp>
#include <sqlforge/schema/table.hpp>
#include <sqlforge/stmt/returning.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// A statement that runs as several executions of compile-time texts (sf::insert_many over a
// range of run-time size, and an upsert over one). Instead of render()/each_param() it has
//   template <class Exec> void each_batch(Exec&& exec) const;
// which calls exec(std::type_identity<Sql>{}, bind) once per execution, Sql being a type with
// a static sql<D>() and bind(f) calling f(value) for each value in the text's order.
template <class S>
concept batched_statement = requires { requires std::remove_cvref_t<S>::batched; };

namespace detail {

// Which upsert syntax a dialect writes: MySQL's ON DUPLICATE KEY UPDATE, or ON CONFLICT
// (SQLite, also PostgreSQL's). A dialect may say so itself with `upsert_on_duplicate_key`.
template <class D>
consteval bool on_duplicate_key() {
    if constexpr (requires { D::upsert_on_duplicate_key; }) return D::upsert_on_duplicate_key;
    else return std::is_same_v<D, mysql_dialect>;
}

// The dialect the assignments of do_update() are rendered with: D itself, plus the table
// inserted into. Only here does sf::excluded(col) render.
template <class D, class T>
struct do_update_dialect : D {
    using upsert_model = T;
    static constexpr bool upsert_on_duplicate_key = on_duplicate_key<D>();
};

template <class D>
inline constexpr bool in_do_update = requires { typename D::upsert_model; };

}  // namespace detail

// sf::excluded(job::status): excluded."status" (SQLite) / VALUES(`status`) (MySQL).
template <class Col>
struct excluded_expr : expr_ops<excluded_expr<Col>> {
    using column_type = Col;
    using value_type = typename Col::value_type;
    static constexpr bool nullable = Col::nullable;
    using tables = boost::mp11::mp_list<>;  // not a column of FROM: checked by render() instead
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;

    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::in_do_update<D>, "sqlforge: excluded() can only be used inside do_update()");
        if constexpr (detail::in_do_update<D>) {
            static_assert(std::is_same_v<typename Col::model, typename D::upsert_model>,
                          "sqlforge: excluded() names a column of another table than the one inserted");
            if constexpr (D::upsert_on_duplicate_key) {
                w.put("VALUES(");
                D::quote(w, Col::name);
                w.put(')');
            } else {
                w.put("excluded.");
                D::quote(w, Col::name);
            }
        }
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class Col>
constexpr auto excluded(const Col&) {
    static_assert(is_column<Col>::value, "sqlforge: excluded() takes a column such as job::status");
    return excluded_expr<Col>{};
}

// The conflict target: columns of the inserted table.
template <class... Cols>
struct conflict_columns {};

struct do_nothing_action {
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class... As>
struct do_update_action {
    std::tuple<As...> sets;
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, sets);
    }
};

namespace detail {

template <class... Cols>
consteval bool conflict_columns_distinct() {
    constexpr std::size_t given[] = {Cols::index..., no_field};
    for (std::size_t i = 0; i < sizeof...(Cols); ++i)
        for (std::size_t j = i + 1; j < sizeof...(Cols); ++j)
            if (given[i] == given[j]) return false;
    return true;
}

// Is `given` (distinct columns) exactly the set `key`?
template <std::size_t N, class Key>
consteval bool same_column_set(const std::array<std::size_t, N>& given, const Key& key) {
    if (key.size() != N) return false;
    for (std::size_t g : given) {
        bool found = false;
        for (std::size_t k : key) found = found || k == g;
        if (!found) return false;
    }
    return true;
}
template <class C, std::size_t N>
consteval bool unique_is(const std::array<std::size_t, N>& given) {
    if constexpr (requires { C::unique_fields; }) return same_column_set(given, C::unique_fields);
    else return false;
}
template <std::size_t N, class... Cs>
consteval bool some_unique_is(const std::array<std::size_t, N>& given, std::tuple<Cs...>*) {
    return (unique_is<Cs>(given) || ... || false);
}
// Are the columns the primary key or a unique constraint of T?
template <class T, std::size_t... I>
consteval bool is_table_key() {
    constexpr std::array<std::size_t, sizeof...(I)> given{I...};
    return same_column_set(given, table<T>::primary_key) ||
           some_unique_is(given, static_cast<typename table<T>::constraints*>(nullptr));
}

template <class Insert, class... Cols>
consteval bool check_conflict_target() {
    using T = typename Insert::model;
    static_assert(sizeof...(Cols) > 0,
                  "sqlforge: on_conflict() needs the columns of the table's primary key or of a unique constraint");
    static_assert((is_column<Cols>::value && ...), "sqlforge: on_conflict() takes columns such as job::name");
    if constexpr (sizeof...(Cols) > 0 && (is_column<Cols>::value && ...)) {
        static_assert((std::is_same_v<typename Cols::model, T> && ...),
                      "sqlforge: on_conflict() names a column of another table than the one inserted");
        if constexpr ((std::is_same_v<typename Cols::model, T> && ...)) {
            static_assert(conflict_columns_distinct<Cols...>(), "sqlforge: on_conflict() names the same column twice");
            static_assert(is_table_key<T, Cols::index...>(),
                          "sqlforge: on_conflict() columns must be the primary key or a unique constraint of the "
                          "table (declare it in table_traits: unique<...>)");
            static_assert((Insert::gives_column(Cols::index) && ...),
                          "sqlforge: on_conflict() names a column the insert does not give (sf::insert(obj) leaves "
                          "out the autoincrement key; use insert_into<T>().values(...) to give it)");
        }
    }
    return true;
}

template <class T, class... As>
consteval bool check_do_update() {
    static_assert(sizeof...(As) > 0,
                  "sqlforge: do_update() needs at least one assignment such as job::status = sf::excluded(job::status)");
    static_assert((is_assignment<As>::value && ...),
                  "sqlforge: do_update() takes assignments such as job::status = sf::excluded(job::status)");
    if constexpr ((is_assignment<As>::value && ...)) {
        static_assert((std::is_same_v<typename As::column_type::model, T> && ...),
                      "sqlforge: do_update() assigns a column of another table than the one inserted");
        static_assert(columns_distinct<As...>(), "sqlforge: do_update() assigns the same column twice");
        static_assert((reads_only_table<typename As::tables, T> && ...),
                      "sqlforge: a value in do_update() reads a column of another table than the one inserted");
        static_assert(!(As::value_expr::aggregate || ...),
                      "sqlforge: an aggregate function cannot be used in do_update()");
    }
    return true;
}

template <class D, class W, class... As>
constexpr void render_sets(W& w, do_update_action<As...>*) {
    std::size_t i = 0;
    ((i++ ? w.put(", ") : void(), As::template render<D>(w)), ...);
}

// " ON CONFLICT (...) DO ..." / " ON DUPLICATE KEY UPDATE ..."
template <class D, class T, class Action, class W, class First, class... Cols>
constexpr void render_upsert_clause(W& w, conflict_columns<First, Cols...>) {
    using DU = do_update_dialect<D, T>;
    if constexpr (on_duplicate_key<D>()) {
        w.put(" ON DUPLICATE KEY UPDATE ");
        if constexpr (std::is_same_v<Action, do_nothing_action>) {
            // No DO NOTHING in MySQL: assign a conflict column to itself (no INSERT IGNORE,
            // which would also swallow every other error).
            D::quote(w, First::name);
            w.put(" = ");
            D::quote(w, First::name);
        } else {
            render_sets<DU>(w, static_cast<Action*>(nullptr));
        }
    } else {
        w.put(" ON CONFLICT (");
        D::quote(w, First::name);
        ((w.put(", "), D::quote(w, Cols::name)), ...);
        w.put(')');
        if constexpr (std::is_same_v<Action, do_nothing_action>) {
            w.put(" DO NOTHING");
        } else {
            w.put(" DO UPDATE SET ");
            render_sets<DU>(w, static_cast<Action*>(nullptr));
        }
    }
}
}  // namespace detail

// The text of an upsert over the text of an insert (a batch of insert_many uses it too).
template <class InsertSql, class T, class Target, class Action>
struct upsert_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        InsertSql::template render<D>(w);
        detail::render_upsert_clause<D, T, Action>(w, Target{});
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, upsert_sql>();
    }
};

template <class Insert, class Target, class Action>
struct upsert_stmt {
    using model = typename Insert::model;
    static constexpr bool batched = batched_statement<Insert>;

    Insert insert_;
    Action action_;

    template <class D, class W>
    static constexpr void render(W& w) {
        Insert::template render<D>(w);
        detail::render_upsert_clause<D, model, Action>(w, Target{});
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, upsert_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        insert_.each_param(f);
        action_.each_param(f);
    }
    // Over insert_many(): each batch of rows with the same ON CONFLICT / ON DUPLICATE KEY clause.
    template <class Exec>
    void each_batch(Exec&& exec) const {
        insert_.each_batch([&]<class Sql>(std::type_identity<Sql>, const auto& bind) {
            exec(std::type_identity<upsert_sql<Sql, model, Target, Action>>{}, [&](auto&& f) {
                bind(f);
                action_.each_param(f);
            });
        });
    }

    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        static_assert(!batched,
                      "sqlforge: returning() needs one statement; insert_many() over a range of run-time size runs "
                      "in batches (give it a std::array)");
        return detail::make_returning(*this, items...);
    }
};

// insert(...).on_conflict(cols...): waits for do_update(...) or do_nothing().
template <class Insert, class... Cols>
struct on_conflict_target {
    using model = typename Insert::model;
    Insert insert_;

    template <class... As>
    constexpr auto do_update(const As&... as) const {
        static_assert(detail::check_do_update<model, As...>());
        return upsert_stmt<Insert, conflict_columns<Cols...>, do_update_action<As...>>{insert_, {{as...}}};
    }
    constexpr auto do_nothing() const {
        return upsert_stmt<Insert, conflict_columns<Cols...>, do_nothing_action>{insert_, {}};
    }
};

namespace detail {
// What the insert statements' on_conflict() members call.
template <class Insert, class... Cols>
constexpr auto make_on_conflict(const Insert& ins) {
    static_assert(check_conflict_target<Insert, Cols...>());
    return on_conflict_target<Insert, Cols...>{ins};
}
}  // namespace detail

}  // namespace sqlforge
