#pragma once
// IS [NOT] NULL, LIKE (with ESCAPE; contains / startswith / endswith), IN (list), BETWEEN:
// the tests a WHERE clause is made of.
#include <sqlforge/expr/operators.hpp>
#include <sqlforge/expr/ops.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sqlforge {

template <class E, bool Not>
struct null_test : expr_ops<null_test<E, Not>> {
    using value_type = bool;
    static constexpr bool nullable = false;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::compare;
    E operand;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, E, prec::compare, true>(w);
        w.put(Not ? " IS NOT NULL" : " IS NULL");
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
    }
};

template <class E, class P, char Escape>
struct like_node : expr_ops<like_node<E, P, Escape>> {
    using value_type = bool;
    static constexpr bool nullable = E::nullable || P::nullable;
    using tables = tables_of<typename E::tables, typename P::tables>;
    static constexpr bool aggregate = E::aggregate || P::aggregate;
    static constexpr int precedence = prec::compare;
    E operand;
    P pattern;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, E, prec::compare, true>(w);
        w.put(" LIKE ");
        render_operand<D, P, prec::compare, true>(w);
        if constexpr (Escape != 0) {
            w.put(" ESCAPE '");
            w.put(Escape);
            w.put('\'');
        }
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
        pattern.each_param(f);
    }
};

// x IN (?, ?, ?), x NOT IN (?, ?): the number of values is part of the type, so the text
// stays constant.
template <class E, class V, std::size_t N, bool Not>
struct in_list_node : expr_ops<in_list_node<E, V, N, Not>> {
    using value_type = bool;
    static constexpr bool nullable = E::nullable;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::compare;
    E operand;
    std::array<V, N> values;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, E, prec::compare, true>(w);
        w.put(Not ? " NOT IN (" : " IN (");
        for (std::size_t i = 0; i < N; ++i) {
            if (i) w.put(", ");
            D::placeholder(w);
        }
        w.put(')');
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
        for (const V& v : values) f(v);
    }
};

template <class E, class Lo, class Hi>
struct between_node : expr_ops<between_node<E, Lo, Hi>> {
    using value_type = bool;
    static constexpr bool nullable = E::nullable || Lo::nullable || Hi::nullable;
    using tables = tables_of<typename E::tables, typename Lo::tables, typename Hi::tables>;
    static constexpr bool aggregate = E::aggregate || Lo::aggregate || Hi::aggregate;
    static constexpr int precedence = prec::compare;
    E operand;
    Lo low;
    Hi high;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, E, prec::compare, true>(w);
        w.put(" BETWEEN ");
        render_operand<D, Lo, prec::compare, true>(w);
        w.put(" AND ");
        render_operand<D, Hi, prec::compare, true>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
        low.each_param(f);
        high.each_param(f);
    }
};

template <class Derived>
constexpr auto expr_ops<Derived>::is_null() const {
    return null_test<Derived, false>{{}, self()};
}
template <class Derived>
constexpr auto expr_ops<Derived>::is_not_null() const {
    return null_test<Derived, true>{{}, self()};
}

template <class Derived>
template <class P>
constexpr auto expr_ops<Derived>::like(P&& pattern) const {
    using PE = expr_t<P>;
    static_assert(expr_kind<Derived> == sql_kind::text, "sqlforge: like() needs a text expression on the left");
    static_assert(expr_kind<PE> == sql_kind::text, "sqlforge: the pattern of like() must be text");
    return like_node<Derived, PE>{{}, self(), as_expr(std::forward<P>(pattern))};
}

namespace detail {
// An ESCAPE character means the same in both dialects' string literals only if it is not a
// quote or a backslash (MySQL reads '\' as one backslash, SQLite as two).
template <char C>
constexpr bool check_escape_char() {
    static_assert(C > ' ' && C < 127 && C != '%' && C != '_' && C != '\'' && C != '\\',
                  "sqlforge: the ESCAPE character of like() must be one printable ASCII character other than %, _, "
                  "a quote or a backslash (e.g. sf::escape<'!'> or sf::escape<'/'>)");
    return true;
}

// contains() / startswith() / endswith(): '%' + value + '%' (as asked) with value's %, _ and
// / escaped by '/'. Built once per statement, owned by it.
inline std::string like_pattern(std::string_view value, bool any_before, bool any_after) {
    std::string p;
    p.reserve(value.size() + 2);
    if (any_before) p += '%';
    for (char c : value) {
        if (c == '%' || c == '_' || c == '/') p += '/';
        p += c;
    }
    if (any_after) p += '%';
    return p;
}

template <class Derived, class V>
constexpr auto make_affix_like(const Derived& e, const V& value, bool any_before, bool any_after) {
    static_assert(expr_kind<Derived> == sql_kind::text,
                  "sqlforge: contains(), startswith() and endswith() need a text expression on the left");
    static_assert(!expression<V> && std::is_convertible_v<const V&, std::string_view>,
                  "sqlforge: contains(), startswith() and endswith() take a text value (a string literal, "
                  "std::string or std::string_view); for a pattern made of expressions, use like()");
    if constexpr (!expression<V> && std::is_convertible_v<const V&, std::string_view>) {
        return like_node<Derived, parameter<std::string>, '/'>{
            {}, e, parameter<std::string>{{}, like_pattern(std::string_view(value), any_before, any_after)}};
    }
}
}  // namespace detail

template <class Derived>
template <class P, char C>
constexpr auto expr_ops<Derived>::like(P&& pattern, escape_char<C>) const {
    using PE = expr_t<P>;
    static_assert(expr_kind<Derived> == sql_kind::text, "sqlforge: like() needs a text expression on the left");
    static_assert(expr_kind<PE> == sql_kind::text, "sqlforge: the pattern of like() must be text");
    static_assert(detail::check_escape_char<C>());
    return like_node<Derived, PE, C>{{}, self(), as_expr(std::forward<P>(pattern))};
}
template <class Derived>
template <class V>
constexpr auto expr_ops<Derived>::contains(V&& value) const {
    return detail::make_affix_like(self(), value, true, true);
}
template <class Derived>
template <class V>
constexpr auto expr_ops<Derived>::startswith(V&& value) const {
    return detail::make_affix_like(self(), value, false, true);
}
template <class Derived>
template <class V>
constexpr auto expr_ops<Derived>::endswith(V&& value) const {
    return detail::make_affix_like(self(), value, true, false);
}

namespace detail {
template <bool Not, class E, class V, std::size_t N>
constexpr auto make_in_list(const E& e, const V (&values)[N]) {
    using S = storage_t<V>;
    static_assert(!is_null_literal<V>, "sqlforge: NULL in an IN list never matches; use .is_null()");
    static_assert(check_comparable<E, parameter<S>>());
    std::array<S, N> stored{};
    for (std::size_t i = 0; i < N; ++i) stored[i] = S(values[i]);
    return in_list_node<E, S, N, Not>{{}, e, stored};
}
}  // namespace detail

template <class Derived>
template <class V, std::size_t N>
constexpr auto expr_ops<Derived>::in(const V (&values)[N]) const {
    return detail::make_in_list<false>(self(), values);
}
template <class Derived>
template <class V, std::size_t N>
constexpr auto expr_ops<Derived>::not_in(const V (&values)[N]) const {
    return detail::make_in_list<true>(self(), values);
}

template <class Derived>
template <class Lo, class Hi>
constexpr auto expr_ops<Derived>::between(Lo&& lo, Hi&& hi) const {
    using LoE = expr_t<Lo>;
    using HiE = expr_t<Hi>;
    static_assert(!detail::is_null_literal<Lo> && !detail::is_null_literal<Hi>,
                  "sqlforge: BETWEEN with NULL is never true; use .is_null()");
    static_assert(detail::check_comparable<Derived, LoE>() && detail::check_comparable<Derived, HiE>());
    return between_node<Derived, LoE, HiE>{{}, self(), as_expr(std::forward<Lo>(lo)), as_expr(std::forward<Hi>(hi))};
}

}  // namespace sqlforge
