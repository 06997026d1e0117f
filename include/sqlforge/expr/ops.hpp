#pragma once
// Member functions every expression has: is_null(), like(), in(), between(), asc(),
// desc(), as<"label">(). Defined in expr/predicates.hpp and expr/ordering.hpp once the node
// types they return exist.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/node.hpp>

#include <cstddef>

namespace sqlforge {

template <class E>
struct is_null_node;
template <class E, class P>
struct like_node;
template <class E, class V, std::size_t N>
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
    template <class V, std::size_t N>
    constexpr auto in(const V (&values)[N]) const;
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
