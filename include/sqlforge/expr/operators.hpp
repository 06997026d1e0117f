#pragma once
// Comparison (= <> < <= > >=), logic (AND OR NOT) and arithmetic (+ - * / % and unary -).
// The operators take part only when one side is an sqlforge expression; type rules are
// checked with static_asserts in the body so that a wrong query stops at a sentence
// starting with "sqlforge: ", not at "no match for operator==".
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace op {
struct eq { static constexpr std::string_view text = " = "; };
struct ne { static constexpr std::string_view text = " <> "; };
struct lt { static constexpr std::string_view text = " < "; };
struct le { static constexpr std::string_view text = " <= "; };
struct gt { static constexpr std::string_view text = " > "; };
struct ge { static constexpr std::string_view text = " >= "; };
struct and_ { static constexpr std::string_view text = " AND "; static constexpr int precedence = prec::and_; };
struct or_ { static constexpr std::string_view text = " OR "; static constexpr int precedence = prec::or_; };
struct add { static constexpr std::string_view text = " + "; static constexpr int precedence = prec::additive; };
struct sub { static constexpr std::string_view text = " - "; static constexpr int precedence = prec::additive; };
struct mul { static constexpr std::string_view text = " * "; static constexpr int precedence = prec::multiplicative; };
struct div { static constexpr std::string_view text = " / "; static constexpr int precedence = prec::multiplicative; };
struct mod { static constexpr std::string_view text = " % "; static constexpr int precedence = prec::multiplicative; };
}  // namespace op

template <class Op, class L, class R>
struct comparison : expr_ops<comparison<Op, L, R>> {
    using value_type = bool;
    static constexpr bool nullable = L::nullable || R::nullable;
    using tables = tables_of<typename L::tables, typename R::tables>;
    static constexpr bool aggregate = L::aggregate || R::aggregate;
    static constexpr int precedence = prec::compare;
    L lhs;
    R rhs;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, L, prec::compare, true>(w);
        w.put(Op::text);
        render_operand<D, R, prec::compare, true>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        lhs.each_param(f);
        rhs.each_param(f);
    }
};

template <class Op, class L, class R>
struct logical : expr_ops<logical<Op, L, R>> {
    using value_type = bool;
    static constexpr bool nullable = L::nullable || R::nullable;
    using tables = tables_of<typename L::tables, typename R::tables>;
    static constexpr bool aggregate = L::aggregate || R::aggregate;
    static constexpr int precedence = Op::precedence;
    L lhs;
    R rhs;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, L, Op::precedence>(w);
        w.put(Op::text);
        render_operand<D, R, Op::precedence>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        lhs.each_param(f);
        rhs.each_param(f);
    }
};

template <class E>
struct not_node : expr_ops<not_node<E>> {
    using value_type = bool;
    static constexpr bool nullable = E::nullable;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::not_;
    E operand;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("NOT ");
        render_operand<D, E, prec::not_>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
    }
};

namespace detail {
// SQL's arithmetic typing: integers stay integers (64-bit), anything with a real is real.
template <class L, class R>
using arithmetic_result_t = std::conditional_t<expr_kind<L> == sql_kind::real || expr_kind<R> == sql_kind::real,
                                               double, std::int64_t>;
}  // namespace detail

template <class Op, class L, class R>
struct arithmetic : expr_ops<arithmetic<Op, L, R>> {
    using value_type = detail::arithmetic_result_t<L, R>;
    static constexpr bool nullable = L::nullable || R::nullable;
    using tables = tables_of<typename L::tables, typename R::tables>;
    static constexpr bool aggregate = L::aggregate || R::aggregate;
    static constexpr int precedence = Op::precedence;
    L lhs;
    R rhs;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, L, Op::precedence>(w);
        // MySQL's "/" on two integers gives a DECIMAL; DIV keeps SQLite's integer division.
        if constexpr (std::is_same_v<Op, op::div> && std::is_same_v<value_type, std::int64_t> &&
                      requires { D::integer_division; })
            w.put(D::integer_division);
        else
            w.put(Op::text);
        render_operand<D, R, Op::precedence, true>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        lhs.each_param(f);
        rhs.each_param(f);
    }
};

template <class E>
struct negate : expr_ops<negate<E>> {
    using value_type = std::conditional_t<expr_kind<E> == sql_kind::real, double, std::int64_t>;
    static constexpr bool nullable = E::nullable;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::unary;
    E operand;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put('-');
        render_operand<D, E, prec::unary, true>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
    }
};

namespace detail {

template <class L, class R>
concept either_expression = expression<L> || expression<R>;

template <class V>
inline constexpr bool is_null_literal = std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t> ||
                                        std::is_same_v<std::remove_cvref_t<V>, std::nullptr_t>;

// The checks shared by every comparison and by IN / BETWEEN.
template <class LE, class RE>
consteval bool check_comparable() {
    constexpr sql_kind l = expr_kind<LE>, r = expr_kind<RE>;
    static_assert(!(l == sql_kind::text && is_numeric(r)), "sqlforge: cannot compare a text value with a number");
    static_assert(!(is_numeric(l) && r == sql_kind::text), "sqlforge: cannot compare a number with a text value");
    static_assert(!(l == sql_kind::boolean && r != sql_kind::boolean) && !(l != sql_kind::boolean && r == sql_kind::boolean),
                  "sqlforge: cannot compare a boolean with a value that is not a boolean");
    static_assert(comparable(l, r), "sqlforge: the two sides of the comparison have incompatible SQL types");
    static_assert((l != sql_kind::other && r != sql_kind::other) ||
                      std::is_same_v<typename LE::value_type, typename RE::value_type>,
                  "sqlforge: a value of a type stored through type_traits (a date, an enum, a custom type) compares "
                  "only with a value of the same C++ type");
    return true;
}

template <class Op, class L, class R>
constexpr auto compare(L&& l, R&& r) {
    static_assert(!is_null_literal<L> && !is_null_literal<R>,
                  "sqlforge: comparing with NULL is never true in SQL; use .is_null() or .is_not_null()");
    using LE = expr_t<L>;
    using RE = expr_t<R>;
    static_assert(check_comparable<LE, RE>());
    return comparison<Op, LE, RE>{{}, as_expr(std::forward<L>(l)), as_expr(std::forward<R>(r))};
}

template <class E>
consteval bool check_condition() {
    static_assert(expr_kind<E> == sql_kind::boolean,
                  "sqlforge: AND, OR and NOT need conditions (boolean expressions), not values of another type");
    return true;
}

template <class Op, class L, class R>
constexpr auto combine(L&& l, R&& r) {
    using LE = expr_t<L>;
    using RE = expr_t<R>;
    static_assert(check_condition<LE>() && check_condition<RE>());
    return logical<Op, LE, RE>{{}, as_expr(std::forward<L>(l)), as_expr(std::forward<R>(r))};
}

template <class Op, class L, class R>
constexpr auto calculate(L&& l, R&& r) {
    using LE = expr_t<L>;
    using RE = expr_t<R>;
    static_assert(expr_kind<LE> != sql_kind::text && expr_kind<RE> != sql_kind::text,
                  "sqlforge: arithmetic needs numbers; text cannot be added, subtracted, multiplied or divided");
    static_assert(is_numeric(expr_kind<LE>) && is_numeric(expr_kind<RE>),
                  "sqlforge: arithmetic needs numbers on both sides");
    static_assert(!std::is_same_v<Op, op::mod> ||
                      (expr_kind<LE> == sql_kind::integer && expr_kind<RE> == sql_kind::integer),
                  "sqlforge: % needs integers on both sides");
    return arithmetic<Op, LE, RE>{{}, as_expr(std::forward<L>(l)), as_expr(std::forward<R>(r))};
}

}  // namespace detail

// ---- comparison
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator==(L&& l, R&& r) {
    return detail::compare<op::eq>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator!=(L&& l, R&& r) {
    return detail::compare<op::ne>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator<(L&& l, R&& r) {
    return detail::compare<op::lt>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator<=(L&& l, R&& r) {
    return detail::compare<op::le>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator>(L&& l, R&& r) {
    return detail::compare<op::gt>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator>=(L&& l, R&& r) {
    return detail::compare<op::ge>(std::forward<L>(l), std::forward<R>(r));
}

// ---- logic
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator&&(L&& l, R&& r) {
    return detail::combine<op::and_>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator||(L&& l, R&& r) {
    return detail::combine<op::or_>(std::forward<L>(l), std::forward<R>(r));
}
template <expression E>
constexpr auto operator!(E&& e) {
    using X = std::remove_cvref_t<E>;
    static_assert(detail::check_condition<X>());
    return not_node<X>{{}, std::forward<E>(e)};
}

// and_(a, b, c...), or_(...), not_(a): the spelled-out forms, as in SQLAlchemy.
template <class A, class B, class... More>
constexpr auto and_(A&& a, B&& b, More&&... more) {
    auto ab = detail::combine<op::and_>(std::forward<A>(a), std::forward<B>(b));
    if constexpr (sizeof...(More) == 0) return ab;
    else return and_(std::move(ab), std::forward<More>(more)...);
}
template <class A, class B, class... More>
constexpr auto or_(A&& a, B&& b, More&&... more) {
    auto ab = detail::combine<op::or_>(std::forward<A>(a), std::forward<B>(b));
    if constexpr (sizeof...(More) == 0) return ab;
    else return or_(std::move(ab), std::forward<More>(more)...);
}
template <expression E>
constexpr auto not_(E&& e) {
    return !std::forward<E>(e);
}

// ---- arithmetic
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator+(L&& l, R&& r) {
    return detail::calculate<op::add>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator-(L&& l, R&& r) {
    return detail::calculate<op::sub>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator*(L&& l, R&& r) {
    return detail::calculate<op::mul>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator/(L&& l, R&& r) {
    return detail::calculate<op::div>(std::forward<L>(l), std::forward<R>(r));
}
template <class L, class R>
    requires detail::either_expression<L, R>
constexpr auto operator%(L&& l, R&& r) {
    return detail::calculate<op::mod>(std::forward<L>(l), std::forward<R>(r));
}
template <expression E>
constexpr auto operator-(E&& e) {
    using X = std::remove_cvref_t<E>;
    static_assert(is_numeric(expr_kind<X>), "sqlforge: unary minus needs a number");
    return negate<X>{{}, std::forward<E>(e)};
}

}  // namespace sqlforge
