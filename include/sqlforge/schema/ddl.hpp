#pragma once
// CREATE TABLE and DROP TABLE, rendered at compile time from the model and its traits:
//   CREATE TABLE IF NOT EXISTS "job" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, ...,
//       PRIMARY KEY ("id"), UNIQUE ("name"))
// MySQL adds AUTO_INCREMENT to the key and ENGINE=InnoDB DEFAULT CHARSET=utf8mb4.
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/dialect/common.hpp>
#include <sqlforge/schema/defaults.hpp>
#include <sqlforge/schema/sql_types.hpp>
#include <sqlforge/schema/table.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {

template <class D, class W, auto V>
constexpr void render_literal(W& w) {
    using VT = std::remove_cvref_t<decltype(V)>;
    if constexpr (std::is_same_v<VT, bool>) w.put(V ? "1" : "0");
    else if constexpr (std::is_integral_v<VT>) write_integer(w, static_cast<long long>(V));
    else write_string_literal(w, V.view());
}

template <class D, class T, std::size_t I, class C, class W>
constexpr void render_default_if_for(W& w) {
    if constexpr (requires { default_of<C>::field; }) {
        if constexpr (default_of<C>::field == I) {
            w.put(" DEFAULT ");
            if constexpr (requires { C::literal; }) render_literal<D, W, C::literal>(w);
            else w.put(C::sql.view());
        }
    }
}

template <class D, class T, std::size_t I, class W, class... Cs>
constexpr void render_default(W& w, std::tuple<Cs...>*) {
    (render_default_if_for<D, T, I, Cs>(w), ...);
}

template <class D, class T, std::size_t I, class W>
constexpr void render_column_def(W& w) {
    using F = field_type<T, I>;
    D::quote(w, table<T>::column_names[I]);
    w.put(' ');
    w.put(column_sql_type<D, T, I>());
    if (!is_optional_v<F>) w.put(" NOT NULL");
    if constexpr (I == table<T>::autoincrement && requires { D::autoincrement_keyword; }) w.put(D::autoincrement_keyword);
    render_default<D, T, I>(w, static_cast<typename table<T>::constraints*>(nullptr));
}

template <class D, class W, class T, std::size_t N>
constexpr void render_column_list(W& w, const std::array<std::size_t, N>& fields) {
    w.put(" (");
    for (std::size_t k = 0; k < N; ++k) {
        if (k) w.put(", ");
        D::quote(w, table<T>::column_names[fields[k]]);
    }
    w.put(')');
}

template <class D, class T, class C, class W>
constexpr void render_unique_if(W& w) {
    if constexpr (requires { C::unique_fields; }) {
        w.put(", UNIQUE");
        render_column_list<D, W, T>(w, C::unique_fields);
    }
}

template <class D, class T, class W, class... Cs>
constexpr void render_uniques(W& w, std::tuple<Cs...>*) {
    (render_unique_if<D, T, Cs>(w), ...);
}

}  // namespace detail

template <class T, bool IfNotExists = true>
struct create_table_stmt {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(IfNotExists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
        D::quote(w, table<T>::name);
        w.put(" (");
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((I ? w.put(", ") : void(), detail::render_column_def<D, T, I>(w)), ...);
        }(std::make_index_sequence<table<T>::column_count>{});
        if constexpr (table<T>::primary_key.size() > 0) {
            w.put(", PRIMARY KEY");
            detail::render_column_list<D, W, T>(w, table<T>::primary_key);
        }
        detail::render_uniques<D, T>(w, static_cast<typename table<T>::constraints*>(nullptr));
        w.put(')');
        if constexpr (requires { D::table_options; }) w.put(D::table_options);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, create_table_stmt>();
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class T, bool IfExists = true>
struct drop_table_stmt {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(IfExists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
        D::quote(w, table<T>::name);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, drop_table_stmt>();
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class T>
constexpr create_table_stmt<T, true> create_table_if_not_exists() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr create_table_stmt<T, false> create_table() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr drop_table_stmt<T, true> drop_table_if_exists() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr drop_table_stmt<T, false> drop_table() {
    static_assert(check_model<T>());
    return {};
}

}  // namespace sqlforge
