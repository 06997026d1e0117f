#pragma once
// `job::status = 35`, `job::status = job::status + 1`: a column paired with a new value,
// for update().set() and insert_into().values(). The value must fit the column's type, and
// NULL (or a value that may be NULL) only goes into a nullable column.
#include <sqlforge/expr/column.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

namespace sqlforge {

template <class Col, class Value>
struct assignment {
    using column_type = Col;
    using value_expr = Value;
    using tables = typename Value::tables;
    Value value;

    // SET "status" = ?   (the column unqualified, as UPDATE requires)
    template <class D, class W>
    static constexpr void render(W& w) {
        D::quote(w, Col::name);
        w.put(" = ");
        Value::template render<D>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        value.each_param(f);
    }
};

template <class C>
struct is_assignment : std::false_type {};
template <class C, class V>
struct is_assignment<assignment<C, V>> : std::true_type {};

namespace detail {
template <class Col, class VE>
consteval bool check_assignable() {
    constexpr sql_kind c = expr_kind<Col>, v = expr_kind<VE>;
    static_assert(v != sql_kind::null || Col::nullable, "sqlforge: assigning NULL to a NOT NULL column");
    static_assert(v == sql_kind::null || !VE::nullable || Col::nullable,
                  "sqlforge: assigning a value that may be NULL to a NOT NULL column");
    static_assert(!(c == sql_kind::text && is_numeric(v)), "sqlforge: cannot assign a number to a text column");
    static_assert(!(is_numeric(c) && v == sql_kind::text), "sqlforge: cannot assign text to a numeric column");
    static_assert(!(c == sql_kind::integer && v == sql_kind::real),
                  "sqlforge: cannot assign a floating-point value to an integer column");
    static_assert(v == sql_kind::null || comparable(c, v),
                  "sqlforge: the value's SQL type does not match the column's type");
    static_assert(v == sql_kind::null || (c != sql_kind::other && v != sql_kind::other) ||
                      std::is_same_v<typename Col::value_type, typename VE::value_type>,
                  "sqlforge: a column of a type stored through type_traits takes only values of that same C++ type");
    return true;
}

// Does no column appear twice among the assignments (set(), values())?
template <class... Assignments>
consteval bool columns_distinct() {
    constexpr std::size_t given[] = {Assignments::column_type::index..., no_field};
    for (std::size_t i = 0; i < sizeof...(Assignments); ++i)
        for (std::size_t j = i + 1; j < sizeof...(Assignments); ++j)
            if (given[i] == given[j]) return false;
    return true;
}
}  // namespace detail

template <class Source, auto Ptr>
template <class V>
constexpr auto column<Source, Ptr>::operator=(V&& v) const {
    using VE = expr_t<V>;
    static_assert(!table<model>::computed[index],
                  "sqlforge: this field is a column_property, computed by a SQL expression when read; it cannot be "
                  "assigned (set(), values(), do_update())");
    static_assert(detail::check_assignable<column, VE>());
    return assignment<column, VE>{as_expr(std::forward<V>(v))};
}

}  // namespace sqlforge
