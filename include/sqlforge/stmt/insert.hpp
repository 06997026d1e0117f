#pragma once
// INSERT. Two forms:
//   sf::insert(job)                                  every column of the struct but the
//                                                    autoincrement key, which the database fills
//   sf::insert_into<Job>().values(job::name = "x", job::status = 1)   a column subset; a
//                                                    NOT NULL column without default left out
//                                                    does not compile
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/expr/assignment.hpp>
#include <sqlforge/schema/defaults.hpp>
#include <sqlforge/schema/table.hpp>

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {
template <class T>
constexpr bool inserted_column(std::size_t i) {
    return i != table<T>::autoincrement;
}
template <class T>
constexpr std::size_t inserted_column_count() {
    std::size_t n = 0;
    for (std::size_t i = 0; i < table<T>::column_count; ++i) n += inserted_column<T>(i);
    return n;
}
}  // namespace detail

// INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), bound from a struct.
template <class T>
struct insert_row_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        w.put(" (");
        bool first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (!detail::inserted_column<T>(i)) continue;
            if (!first) w.put(", ");
            first = false;
            D::quote(w, table<T>::column_names[i]);
        }
        w.put(") VALUES (");
        for (std::size_t k = 0; k < detail::inserted_column_count<T>(); ++k) {
            if (k) w.put(", ");
            D::placeholder(w);
        }
        w.put(')');
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_row_sql>();
    }
    // Visits the bound values of `obj` in the text's order.
    template <class F, std::size_t... I>
    static constexpr void each_field(const T& obj, F& f, std::index_sequence<I...>) {
        ((detail::inserted_column<T>(I) ? f(boost::pfr::get<I>(obj)) : void()), ...);
    }
    template <class F>
    static constexpr void each_field(const T& obj, F&& f) {
        each_field(obj, f, std::make_index_sequence<table<T>::column_count>{});
    }
};

// sf::insert(obj): holds a copy of obj when given a temporary, else refers to it.
template <class T, class Holder>
struct insert_object_stmt {
    using model = T;
    Holder obj;
    template <class D, class W>
    static constexpr void render(W& w) {
        insert_row_sql<T>::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return insert_row_sql<T>::template sql<D>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        insert_row_sql<T>::each_field(obj, f);
    }
};

template <class T>
constexpr auto insert(const T& obj) {
    static_assert(check_model<T>());
    return insert_object_stmt<T, const T&>{obj};
}
template <class T>
    requires(!std::is_lvalue_reference_v<T>)
constexpr auto insert(T&& obj) {
    static_assert(check_model<T>());
    return insert_object_stmt<T, T>{std::move(obj)};
}

// INSERT INTO "job" ("name", "status") VALUES (?, ?)
template <class T, class... Assignments>
struct insert_values_stmt {
    using model = T;
    std::tuple<Assignments...> values_;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        if constexpr (sizeof...(Assignments) == 0) {
            w.put(D::default_values);
        } else {
            w.put(" (");
            std::size_t i = 0;
            ((i++ ? w.put(", ") : void(), D::quote(w, Assignments::column_type::name)), ...);
            w.put(") VALUES (");
            i = 0;
            ((i++ ? w.put(", ") : void(), Assignments::value_expr::template render<D>(w)), ...);
            w.put(')');
        }
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_values_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, values_);
    }
};

namespace detail {
// Every NOT NULL column without a default and not numbered by the database must be given.
template <class T, class... Assignments>
consteval bool required_columns_given() {
    constexpr std::size_t given[] = {Assignments::column_type::index..., no_field};
    for (std::size_t i = 0; i < table<T>::column_count; ++i) {
        bool found = false;
        for (std::size_t g : given) found = found || g == i;
        if (!found && !column_optional<T>(i)) return false;
    }
    return true;
}
}  // namespace detail

template <class T>
struct insert_into_start {
    template <class... As>
    constexpr auto values(const As&... as) const {
        static_assert((is_assignment<As>::value && ...),
                      "sqlforge: values() takes assignments such as job::name = \"x\"");
        static_assert(((std::is_same_v<typename As::column_type::model, T>) && ...),
                      "sqlforge: values() names a column of another table");
        static_assert((boost::mp11::mp_empty<typename As::tables>::value && ...),
                      "sqlforge: values() takes values, not columns of a table");
        static_assert(detail::columns_distinct<As...>(), "sqlforge: values() names the same column twice");
        static_assert(detail::required_columns_given<T, As...>(),
                      "sqlforge: insert leaves out a NOT NULL column that has no default");
        return insert_values_stmt<T, As...>{{as...}};
    }
    constexpr auto default_values() const {
        static_assert(detail::required_columns_given<T>(),
                      "sqlforge: insert leaves out a NOT NULL column that has no default");
        return insert_values_stmt<T>{{}};
    }
};

template <class T>
constexpr insert_into_start<T> insert_into() {
    static_assert(check_model<T>());
    return {};
}

}  // namespace sqlforge
