#pragma once
// SQL functions: aggregates (COUNT, SUM, AVG, MIN, MAX) and COALESCE. Result types follow
// SQL: COUNT is a 64-bit integer never NULL; SUM of integers is a 64-bit integer, AVG a
// double; SUM, AVG, MIN and MAX are NULL over an empty set, so they read as std::optional.
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/operators.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

namespace sqlforge {

// NAME(arg, arg, ...) with the value type and nullability the function's rules give.
template <fixed_string Name, class Value, bool Nullable, bool Aggregate, class... Args>
struct function_call : expr_ops<function_call<Name, Value, Nullable, Aggregate, Args...>> {
    using value_type = Value;
    static constexpr bool nullable = Nullable;
    using tables = tables_of<typename Args::tables...>;
    static constexpr bool aggregate = Aggregate || (Args::aggregate || ...);
    static constexpr int precedence = prec::primary;
    std::tuple<Args...> args;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(Name.view());
        w.put('(');
        render_args<D>(w, std::index_sequence_for<Args...>{});
        w.put(')');
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, args);
    }

private:
    template <class D, class W, std::size_t... I>
    static constexpr void render_args(W& w, std::index_sequence<I...>) {
        ((I ? w.put(", ") : void(), std::tuple_element_t<I, std::tuple<Args...>>::template render<D>(w)), ...);
    }
};

// COUNT(*)
struct count_star : expr_ops<count_star> {
    using value_type = std::int64_t;
    static constexpr bool nullable = false;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = true;
    static constexpr int precedence = prec::primary;
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("COUNT(*)");
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

namespace detail {
template <class E>
consteval bool check_not_aggregate_inside() {
    static_assert(!E::aggregate, "sqlforge: an aggregate function cannot contain another aggregate");
    return true;
}
template <class E>
consteval bool check_numeric_arg(bool ok = is_numeric(expr_kind<E>)) {
    static_assert(is_numeric(expr_kind<E>), "sqlforge: sum() and avg() need a numeric expression");
    return ok;
}
}  // namespace detail

constexpr count_star count() { return {}; }

template <expression E>
constexpr auto count(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>());
    return function_call<"COUNT", std::int64_t, false, true, E>{{}, {e}};
}

template <expression E>
constexpr auto sum(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>() && detail::check_numeric_arg<E>());
    using V = std::conditional_t<expr_kind<E> == sql_kind::real, double, std::int64_t>;
    return function_call<"SUM", V, true, true, E>{{}, {e}};
}

template <expression E>
constexpr auto avg(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>() && detail::check_numeric_arg<E>());
    return function_call<"AVG", double, true, true, E>{{}, {e}};
}

template <expression E>
constexpr auto max(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>());
    return function_call<"MAX", typename E::value_type, true, true, E>{{}, {e}};
}

template <expression E>
constexpr auto min(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>());
    return function_call<"MIN", typename E::value_type, true, true, E>{{}, {e}};
}

// COALESCE(a, b): NULL only if the fallback may be NULL too.
template <expression E, class F>
constexpr auto coalesce(const E& e, F&& fallback) {
    using FE = expr_t<F>;
    static_assert(detail::check_comparable<E, FE>());
    return function_call<"COALESCE", typename E::value_type, FE::nullable, false, E, FE>{
        {}, {e, as_expr(std::forward<F>(fallback))}};
}

}  // namespace sqlforge
