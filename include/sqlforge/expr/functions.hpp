#pragma once
// SQL functions. Aggregates: COUNT, COUNT(DISTINCT), SUM, AVG, MIN, MAX. Scalar functions:
// COALESCE, NULLIF, LOWER, UPPER, LENGTH, ABS, ROUND, SUBSTR, TRIM and CONCAT (CAST is in
// expr/cast.hpp, CASE in expr/case_when.hpp).
//
// Result types follow SQL: COUNT is a 64-bit integer never NULL; SUM of integers is a 64-bit
// integer, AVG a double; SUM, AVG, MIN and MAX are NULL over an empty set, so they read as
// std::optional. A scalar function is NULL when an argument is (COALESCE: when all are;
// NULLIF: always may be). Text results read as std::string, LENGTH as std::int64_t, ROUND
// as double, ABS as std::int64_t or double (as unary minus).
//
// Each function checks the kinds of its arguments with a `sqlforge: ` static_assert. The
// functions whose C library namesakes take numbers (abs, round, ...) take only sqlforge
// expressions, so an unqualified round(x) on a double never picks them.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/operators.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <boost/mp11/list.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// How a function is spelled: the same in every dialect ...
template <fixed_string Name>
struct fixed_name {
    template <class D>
    static constexpr std::string_view get() {
        return Name.view();
    }
};
// ... or as the dialect says (MySQL's LENGTH counts bytes: it needs CHAR_LENGTH).
struct length_name {
    template <class D>
    static constexpr std::string_view get() {
        return D::length_function;
    }
};
struct substr_name {
    template <class D>
    static constexpr std::string_view get() {
        return D::substr_function;
    }
};

// NAME(arg, arg, ...) with the value type and nullability the function's rules give.
template <class NameOf, class Value, bool Nullable, bool Aggregate, class... Args>
struct call_node : expr_ops<call_node<NameOf, Value, Nullable, Aggregate, Args...>> {
    using value_type = Value;
    static constexpr bool nullable = Nullable;
    using tables = tables_of<typename Args::tables...>;
    static constexpr bool aggregate = Aggregate || (Args::aggregate || ...);
    static constexpr int precedence = prec::primary;
    std::tuple<Args...> args;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(NameOf::template get<D>());
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

template <fixed_string Name, class Value, bool Nullable, bool Aggregate, class... Args>
using function_call = call_node<fixed_name<Name>, Value, Nullable, Aggregate, Args...>;

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

// COUNT(DISTINCT e)
template <class E>
struct count_distinct_node : expr_ops<count_distinct_node<E>> {
    using value_type = std::int64_t;
    static constexpr bool nullable = false;
    using tables = typename E::tables;
    static constexpr bool aggregate = true;
    static constexpr int precedence = prec::primary;
    E operand;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("COUNT(DISTINCT ");
        E::template render<D>(w);
        w.put(')');
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
    }
};

// a || b || c on SQLite, CONCAT(a, b, c) on MySQL (where || means OR). SQLite's || binds
// tighter than any other binary operator; only a looser child would need parentheses.
inline constexpr int concat_precedence = prec::primary - 1;

template <class... Args>
struct concat_node : expr_ops<concat_node<Args...>> {
    using value_type = std::string;
    static constexpr bool nullable = (Args::nullable || ...);
    using tables = tables_of<typename Args::tables...>;
    static constexpr bool aggregate = (Args::aggregate || ...);
    static constexpr int precedence = concat_precedence;
    std::tuple<Args...> args;

    template <class D, class W>
    static constexpr void render(W& w) {
        if constexpr (D::concat_operator) {
            render_args<D, true>(w, std::index_sequence_for<Args...>{});
        } else {
            w.put("CONCAT(");
            render_args<D, false>(w, std::index_sequence_for<Args...>{});
            w.put(')');
        }
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, args);
    }

private:
    template <class D, bool Operator, class W, std::size_t... I>
    static constexpr void render_args(W& w, std::index_sequence<I...>) {
        if constexpr (Operator)
            ((I ? w.put(" || ") : void(),
              render_operand<D, std::tuple_element_t<I, std::tuple<Args...>>, concat_precedence>(w)),
             ...);
        else
            ((I ? w.put(", ") : void(), std::tuple_element_t<I, std::tuple<Args...>>::template render<D>(w)), ...);
    }
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

// Do these expressions hold values of one kind (numbers, text, booleans, blobs)?
template <class First, class... Rest>
consteval bool one_kind() {
    return (comparable(expr_kind<First>, expr_kind<Rest>) && ...);
}

// The C++ type of a value chosen among expressions of one kind: text reads as std::string;
// numbers as double if any is real, else as their common integer type (the type itself if
// they all share it, else std::int64_t); booleans and blobs as the first one's type.
template <class First, class... Rest>
struct common_value {
    using first = typename First::value_type;
    static constexpr sql_kind kind = expr_kind<First>;
    static constexpr bool any_real = kind == sql_kind::real || ((expr_kind<Rest> == sql_kind::real) || ...);
    static constexpr bool same = (std::is_same_v<first, typename Rest::value_type> && ...);
    using type = std::conditional_t<
        kind == sql_kind::text, std::string,
        std::conditional_t<!is_numeric(kind) || (same && !any_real), first,
                           std::conditional_t<any_real, double, std::int64_t>>>;
};
template <class... Es>
using common_value_t = typename common_value<Es...>::type;

template <class... Vs>
inline constexpr bool any_null_literal = (is_null_literal<Vs> || ...);

}  // namespace detail

// ---- aggregates

constexpr count_star count() { return {}; }

template <expression E>
constexpr auto count(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>());
    return function_call<"COUNT", std::int64_t, false, true, E>{{}, {e}};
}

// COUNT(DISTINCT e): the number of different non-NULL values.
template <expression E>
constexpr auto count_distinct(const E& e) {
    static_assert(detail::check_not_aggregate_inside<E>());
    return count_distinct_node<E>{{}, e};
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

// ---- NULL handling

// COALESCE(a, b, ...): the first argument that is not NULL; NULL only if every one may be.
template <class A, class B, class... More>
    requires(expression<A> || expression<B> || (expression<More> || ...))
constexpr auto coalesce(A&& a, B&& b, More&&... more) {
    static_assert(!detail::any_null_literal<A, B, More...>,
                  "sqlforge: a NULL argument of coalesce() is never chosen; leave it out");
    using AE = expr_t<A>;
    using BE = expr_t<B>;
    static_assert(detail::one_kind<AE, BE, expr_t<More>...>(),
                  "sqlforge: coalesce() needs arguments of one kind: all numbers, all text or all booleans");
    return function_call<"COALESCE", detail::common_value_t<AE, BE, expr_t<More>...>,
                         (AE::nullable && BE::nullable && (expr_t<More>::nullable && ...)), false, AE, BE,
                         expr_t<More>...>{
        {}, {as_expr(std::forward<A>(a)), as_expr(std::forward<B>(b)), as_expr(std::forward<More>(more))...}};
}

// NULLIF(a, b): a, or NULL where a equals b; so always nullable.
template <class A, class B>
    requires(expression<A> || expression<B>)
constexpr auto nullif(A&& a, B&& b) {
    static_assert(!detail::any_null_literal<A, B>,
                  "sqlforge: nullif() with a NULL argument; compare with .is_null() instead");
    using AE = expr_t<A>;
    using BE = expr_t<B>;
    static_assert(detail::one_kind<AE, BE>(),
                  "sqlforge: nullif() compares its two arguments: both numbers, both text or both booleans");
    return function_call<"NULLIF", detail::common_value_t<AE>, true, false, AE, BE>{
        {}, {as_expr(std::forward<A>(a)), as_expr(std::forward<B>(b))}};
}

// ---- text

template <expression E>
constexpr auto lower(const E& e) {
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: lower() needs a text expression");
    return function_call<"LOWER", std::string, E::nullable, false, E>{{}, {e}};
}

template <expression E>
constexpr auto upper(const E& e) {
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: upper() needs a text expression");
    return function_call<"UPPER", std::string, E::nullable, false, E>{{}, {e}};
}

// The number of characters (not bytes): LENGTH on SQLite, CHAR_LENGTH on MySQL.
template <expression E>
constexpr auto length(const E& e) {
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: length() needs a text expression");
    return call_node<length_name, std::int64_t, E::nullable, false, E>{{}, {e}};
}

// Leading and trailing spaces removed.
template <expression E>
constexpr auto trim(const E& e) {
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: trim() needs a text expression");
    return function_call<"TRIM", std::string, E::nullable, false, E>{{}, {e}};
}

// substr(e, start[, count]): characters from `start` (1 is the first; negative counts from
// the end), SUBSTR on SQLite, SUBSTRING on MySQL.
template <expression E, class S>
constexpr auto substr(const E& e, S&& start) {
    using SE = expr_t<S>;
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: substr() needs a text expression");
    static_assert(expr_kind<SE> == sql_kind::integer, "sqlforge: the start and length of substr() must be integers");
    return call_node<substr_name, std::string, E::nullable || SE::nullable, false, E, SE>{
        {}, {e, as_expr(std::forward<S>(start))}};
}
template <expression E, class S, class N>
constexpr auto substr(const E& e, S&& start, N&& count) {
    using SE = expr_t<S>;
    using NE = expr_t<N>;
    static_assert(expr_kind<E> == sql_kind::text, "sqlforge: substr() needs a text expression");
    static_assert(expr_kind<SE> == sql_kind::integer && expr_kind<NE> == sql_kind::integer,
                  "sqlforge: the start and length of substr() must be integers");
    return call_node<substr_name, std::string, E::nullable || SE::nullable || NE::nullable, false, E, SE, NE>{
        {}, {e, as_expr(std::forward<S>(start)), as_expr(std::forward<N>(count))}};
}

// concat(a, b, ...): text only; NULL if any argument is NULL (on both dialects).
template <class A, class B, class... More>
    requires(expression<A> || expression<B> || (expression<More> || ...))
constexpr auto concat(A&& a, B&& b, More&&... more) {
    static_assert(expr_kind<expr_t<A>> == sql_kind::text && expr_kind<expr_t<B>> == sql_kind::text &&
                      ((expr_kind<expr_t<More>> == sql_kind::text) && ...),
                  "sqlforge: concat() joins text only; make a number text first with sf::cast<std::string>(e)");
    return concat_node<expr_t<A>, expr_t<B>, expr_t<More>...>{
        {}, {as_expr(std::forward<A>(a)), as_expr(std::forward<B>(b)), as_expr(std::forward<More>(more))...}};
}

// ---- numbers

// ABS(e): an integer stays an integer (64-bit), a real stays real.
template <expression E>
constexpr auto abs(const E& e) {
    static_assert(is_numeric(expr_kind<E>), "sqlforge: abs() needs a number");
    using V = std::conditional_t<expr_kind<E> == sql_kind::real, double, std::int64_t>;
    return function_call<"ABS", V, E::nullable, false, E>{{}, {e}};
}

// ROUND(e) / ROUND(e, digits): read as double (SQLite's ROUND always gives a real).
template <expression E>
constexpr auto round(const E& e) {
    static_assert(is_numeric(expr_kind<E>), "sqlforge: round() needs a number");
    return function_call<"ROUND", double, E::nullable, false, E>{{}, {e}};
}
template <expression E, class N>
constexpr auto round(const E& e, N&& digits) {
    using NE = expr_t<N>;
    static_assert(is_numeric(expr_kind<E>), "sqlforge: round() needs a number");
    static_assert(expr_kind<NE> == sql_kind::integer, "sqlforge: the number of digits of round() must be an integer");
    return function_call<"ROUND", double, E::nullable || NE::nullable, false, E, NE>{
        {}, {e, as_expr(std::forward<N>(digits))}};
}

}  // namespace sqlforge
