#pragma once
// RETURNING (SQLite 3.35+): an INSERT, UPDATE or DELETE that gives back the rows it wrote.
//
//   sf::insert(job).returning(job::id)                              -> std::int64_t per row
//   sf::update<Job>().set(job::status = 2).where(...).returning(job::id, job::status)
//   sf::delete_from<Job>().where(...).returning(sf::all_of<Job>)    -> Job per row
//
// The statement then has a row_type, so session / connection execute() streams its rows as
// for a select. Items are read like select items: one item as its value, several as a
// std::tuple, sf::all_of<T> as a T. MySQL has no RETURNING: rendering one for mysql_dialect
// does not compile; executing one on a MySQL engine (the backend is chosen at run time)
// throws programming_error before anything is sent.
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/stmt/select_items.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/bind.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {
// Does every table in List read the model T itself (no other table, no alias)?
template <class List, class T>
inline constexpr bool reads_only_table =
    boost::mp11::mp_all_of_q<List, boost::mp11::mp_bind_front<std::is_same, table_ref<T>>>::value;
}  // namespace detail

template <class Stmt, class... Items>
struct returning_stmt {
    using model = typename Stmt::model;
    using statement_type = Stmt;
    using row_type = select_row_t<Items...>;

    Stmt stmt_;
    std::tuple<Items...> items_;

    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(D::supports_returning, "sqlforge: RETURNING is not supported by MySQL");
        Stmt::template render<D>(w);
        w.put(" RETURNING ");
        render_items<D>(w, std::index_sequence_for<Items...>{});
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, returning_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        stmt_.each_param(f);
        std::apply([&](const auto&... i) { (each_item_param(i, f), ...); }, items_);
    }

private:
    template <class D, class W, std::size_t... I>
    static constexpr void render_items(W& w, std::index_sequence<I...>) {
        ((I ? w.put(", ") : void(), render_item<D, Items>(w)), ...);
    }
};

template <class S>
struct is_returning : std::false_type {};
template <class S, class... Items>
struct is_returning<returning_stmt<S, Items...>> : std::true_type {};

namespace detail {
// stmt.returning(items...): the checks every statement's returning() shares.
template <class Stmt, class... Items>
constexpr auto make_returning(const Stmt& stmt, const Items&... items) {
    using T = typename Stmt::model;
    static_assert(sizeof...(Items) > 0, "sqlforge: returning() needs at least one column or expression");
    static_assert((select_item<Items> && ...),
                  "sqlforge: returning() takes columns, expressions and sf::all_of<T>, not plain values");
    if constexpr ((select_item<Items> && ...)) {
        static_assert((reads_only_table<typename Items::tables, T> && ...),
                      "sqlforge: returning() names a column of another table than the one the statement writes");
        static_assert(!(Items::aggregate || ...), "sqlforge: returning() cannot contain an aggregate function");
    }
    return returning_stmt<Stmt, Items...>{stmt, {items...}};
}
}  // namespace detail

}  // namespace sqlforge
