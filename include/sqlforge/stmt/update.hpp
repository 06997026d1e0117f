#pragma once
// UPDATE "job" SET "status" = ? WHERE ...   and   DELETE FROM "job" WHERE ...
// set() takes assignments to columns of the updated table only. Both take
// .returning(...) on SQLite (stmt/returning.hpp).
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/expr/assignment.hpp>
#include <sqlforge/stmt/clauses.hpp>
#include <sqlforge/stmt/returning.hpp>

#include <boost/mp11/bind.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {
template <class List, class T>
inline constexpr bool only_table =
    boost::mp11::mp_all_of_q<List, boost::mp11::mp_bind_front<std::is_same, table_ref<T>>>::value;
}  // namespace detail

template <class T, class Sets, class Where>
struct update_stmt;

template <class T, class... As, class Where>
struct update_stmt<T, std::tuple<As...>, Where> {
    using model = T;
    std::tuple<As...> sets_;
    Where where_;

    template <class... Bs>
    constexpr auto set(const Bs&... bs) const {
        static_assert(sizeof...(As) == 0, "sqlforge: set() was already given; list every assignment in one call");
        static_assert(sizeof...(Bs) > 0, "sqlforge: set() needs at least one assignment");
        static_assert((is_assignment<Bs>::value && ...), "sqlforge: set() takes assignments such as job::status = 1");
        static_assert((std::is_same_v<typename Bs::column_type::model, T> && ...),
                      "sqlforge: set() assigns a column of another table than the one updated");
        static_assert(detail::columns_distinct<Bs...>(), "sqlforge: set() assigns the same column twice");
        return update_stmt<T, std::tuple<Bs...>, Where>{{bs...}, where_};
    }
    template <class E>
    constexpr auto where(const E& e) const {
        static_assert(expression<E>, "sqlforge: where() needs a condition such as job::id > 1");
        static_assert(detail::check_condition_clause<E>());
        static_assert(!present<Where>, "sqlforge: where() was already given; combine conditions with &&");
        return update_stmt<T, std::tuple<As...>, where_clause<E>>{sets_, {e}};
    }

    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(sizeof...(As) > 0, "sqlforge: an update needs set(...)");
        static_assert(detail::only_table<tables_of<typename As::tables...>, T>,
                      "sqlforge: a value in set() reads a column of another table");
        static_assert(detail::only_table<typename Where::tables, T>,
                      "sqlforge: where() of an update names a column of another table");
        static_assert(!Where::aggregate, "sqlforge: an aggregate function cannot be used in where()");
        w.put("UPDATE ");
        D::quote(w, table<T>::name);
        w.put(" SET ");
        std::size_t i = 0;
        ((i++ ? w.put(", ") : void(), As::template render<D>(w)), ...);
        Where::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, update_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, sets_);
        where_.each_param(f);
    }
    // UPDATE ... RETURNING job::id, job::status (SQLite only)
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }
};

template <class T>
constexpr auto update() {
    static_assert(check_model<T>());
    return update_stmt<T, std::tuple<>, no_clause>{};
}

template <class T, class Where>
struct delete_stmt {
    using model = T;
    Where where_;

    template <class E>
    constexpr auto where(const E& e) const {
        static_assert(expression<E>, "sqlforge: where() needs a condition such as job::id > 1");
        static_assert(detail::check_condition_clause<E>());
        static_assert(!present<Where>, "sqlforge: where() was already given; combine conditions with &&");
        return delete_stmt<T, where_clause<E>>{{e}};
    }
    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::only_table<typename Where::tables, T>,
                      "sqlforge: where() of a delete names a column of another table");
        static_assert(!Where::aggregate, "sqlforge: an aggregate function cannot be used in where()");
        w.put("DELETE FROM ");
        D::quote(w, table<T>::name);
        Where::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, delete_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        where_.each_param(f);
    }
    // DELETE ... RETURNING sf::all_of<Job> (SQLite only)
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }
};

template <class T>
constexpr auto delete_from() {
    static_assert(check_model<T>());
    return delete_stmt<T, no_clause>{};
}

}  // namespace sqlforge
