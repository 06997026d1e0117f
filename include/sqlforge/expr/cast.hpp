#pragma once
// cast<T>(e): CAST(e AS <T's type in the dialect>), read as T. T is an integer type
// (SQLite INTEGER, MySQL SIGNED or UNSIGNED), a floating-point type (REAL / DOUBLE) or
// std::string (TEXT / CHAR). NULL stays NULL, so the result is nullable when e is.
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/operators.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sqlforge {

template <class T, class E>
struct cast_node : expr_ops<cast_node<T, E>> {
    using value_type = T;
    static constexpr bool nullable = E::nullable;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::primary;
    E operand;

    template <class D>
    static constexpr std::string_view type_name() {
        if constexpr (std::is_same_v<T, std::string>) return D::cast_text;
        else if constexpr (std::is_floating_point_v<T>) return D::cast_real;
        else if constexpr (std::is_unsigned_v<T>) return D::cast_unsigned;
        else return D::cast_integer;
    }

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("CAST(");
        E::template render<D>(w);
        w.put(" AS ");
        w.put(type_name<D>());
        w.put(')');
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
    }
};

template <class T, class V>
constexpr auto cast(V&& v) {
    static_assert(!is_optional_v<T>,
                  "sqlforge: cast<T>() takes T without std::optional; the result is NULL where its argument is");
    static_assert(std::is_same_v<T, std::string> || std::is_floating_point_v<T> ||
                      (std::is_integral_v<T> && !std::is_same_v<T, bool> && kind_of<T>() == sql_kind::integer),
                  "sqlforge: cast<T>() converts to an integer type, a floating-point type or std::string");
    static_assert(!detail::is_null_literal<V>, "sqlforge: cast() of NULL is NULL; there is nothing to convert");
    using E = expr_t<V>;
    static_assert(expr_kind<E> != sql_kind::none, "sqlforge: cast() needs a value of a type sqlforge can bind");
    return cast_node<T, E>{{}, as_expr(std::forward<V>(v))};
}

}  // namespace sqlforge
