#pragma once
// What every expression node is. A node is a type whose SQL text is a function of the type
// alone; the values the user wrote (`job::id > 1`) are stored in the object and bound as
// parameters in the order the text names them. Each node provides:
//
//   using value_type                the C++ type of its value, without std::optional
//   static constexpr bool nullable  may the value be NULL
//   using tables                    boost::mp11::mp_list of the table sources it reads
//   static constexpr bool aggregate does it contain an aggregate function (COUNT, MAX, ...)
//   static constexpr int precedence for parentheses: see `prec` below
//   template <class D, class W> static constexpr void render(W&)
//   template <class F> constexpr void each_param(F&&) const
#include <sqlforge/schema/value_traits.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/set.hpp>
#include <concepts>
#include <optional>
#include <type_traits>

namespace sqlforge {

// Binding strength of operators, loosest first. A child binding looser than its parent is
// put in parentheses.
namespace prec {
inline constexpr int or_ = 1, and_ = 2, not_ = 3, compare = 4, additive = 5, multiplicative = 6, unary = 7,
                     primary = 9;
}

struct expression_tag {};

template <class E>
concept expression = std::derived_from<std::remove_cvref_t<E>, expression_tag>;

// The C++ type a row holds for this expression: std::optional<value_type> when nullable.
template <class E>
using result_type_of = std::conditional_t<E::nullable, std::optional<typename E::value_type>, typename E::value_type>;

template <class E>
inline constexpr sql_kind expr_kind = kind_of<typename E::value_type>();

// Renders a child, in parentheses when it binds looser than `Parent` (or as loose, for the
// right operand of a left-associative operator: a - (b - c)).
template <class D, class Child, int Parent, bool RightOfSame = false, class W>
constexpr void render_operand(W& w) {
    constexpr bool paren = Child::precedence < Parent || (RightOfSame && Child::precedence == Parent);
    if (paren) w.put('(');
    Child::template render<D>(w);
    if (paren) w.put(')');
}

template <class... Lists>
using tables_of = boost::mp11::mp_unique<boost::mp11::mp_append<boost::mp11::mp_list<>, Lists...>>;

}  // namespace sqlforge
