#pragma once
// Member functions every expression has: is_null(), like(), contains(), startswith(),
// endswith(), in(), not_in(), between(), asc(), desc(), as<"label">(). Defined in expr/predicates.hpp and expr/ordering.hpp once the
// node types they return exist; in() / not_in() of a select in stmt/subquery.hpp.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/node.hpp>

#include <cstddef>

namespace sqlforge {

template <class E>
struct is_null_node;
template <class E, class P, char Escape = 0>
struct like_node;
// The ESCAPE character of like(pattern, sf::escape<'!'>): part of the statement's type, so
// that its text stays a compile-time constant.
template <char C>
struct escape_char {};
template <char C>
inline constexpr escape_char<C> escape{};
template <class E, class V, std::size_t N, bool Not = false>
struct in_list_node;
template <class E, class Lo, class Hi>
struct between_node;
template <class E, bool Desc>
struct order_term;
template <class E, fixed_string Name>
struct labeled;

template <class Derived>
struct expr_ops : expression_tag {
    constexpr auto is_null() const;
    constexpr auto is_not_null() const;
    template <class P>
    constexpr auto like(P&& pattern) const;
    // LIKE pattern ESCAPE 'c': c before % or _ (or c) in the pattern makes it a plain character.
    template <class P, char C>
    constexpr auto like(P&& pattern, escape_char<C>) const;
    // LIKE '%value%' / 'value%' / '%value' with value's %, _ and / escaped (ESCAPE '/'): the
    // value is matched as it is, the same on every backend. A text value, not a pattern.
    template <class V>
    constexpr auto contains(V&& value) const;
    template <class V>
    constexpr auto startswith(V&& value) const;
    template <class V>
    constexpr auto endswith(V&& value) const;
    template <class V, std::size_t N>
    constexpr auto in(const V (&values)[N]) const;
    template <class V, std::size_t N>
    constexpr auto not_in(const V (&values)[N]) const;
    // x IN (SELECT ...): a one-column select (stmt/subquery.hpp)
    template <class Q>
    constexpr auto in(const Q& subquery) const;
    template <class Q>
    constexpr auto not_in(const Q& subquery) const;
    template <class Lo, class Hi>
    constexpr auto between(Lo&& lo, Hi&& hi) const;
    constexpr auto asc() const;
    constexpr auto desc() const;
    template <fixed_string Name>
    constexpr auto as() const;

private:
    constexpr const Derived& self() const { return static_cast<const Derived&>(*this); }
};

}  // namespace sqlforge
