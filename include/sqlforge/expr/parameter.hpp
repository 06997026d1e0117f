#pragma once
// A value the user wrote in an expression: rendered as a placeholder, bound at execution.
// Text is kept as std::string_view when it came as a literal, a string_view or a named
// std::string (no copy: like a reference, the statement must not outlive it), and as
// std::string when it came as a temporary std::string.
#include <sqlforge/expr/node.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sqlforge {

template <class V>
struct parameter : expression_tag {
    using value_type = unwrap_optional_t<V>;
    static constexpr bool nullable = is_optional_v<V>;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;

    V value;

    template <class D, class W>
    static constexpr void render(W& w) {
        D::placeholder(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        f(value);
    }
};

namespace detail {
// What a plain value is stored as inside a parameter.
template <class V>
struct storage {
    using type = V;
};
template <std::size_t N>
struct storage<char[N]> {
    using type = std::string_view;
};
template <>
struct storage<const char*> {
    using type = std::string_view;
};
template <>
struct storage<char*> {
    using type = std::string_view;
};
template <class V>
struct storage<std::optional<V>> {
    using type = std::optional<typename storage<V>::type>;
};
}  // namespace detail

template <class V>
using storage_t = typename detail::storage<std::remove_cvref_t<V>>::type;

// A std::string named by the caller (an lvalue) is referred to, like a literal; a temporary
// one is moved into the expression, so a statement never points at a dead string.
template <class V>
using param_storage_t =
    std::conditional_t<std::is_lvalue_reference_v<V> && std::is_same_v<std::remove_cvref_t<V>, std::string>,
                       std::string_view, storage_t<V>>;

// An expression stays itself; anything else becomes a parameter.
template <class V>
constexpr auto as_expr(V&& v) {
    if constexpr (expression<V>) {
        return std::remove_cvref_t<V>(std::forward<V>(v));
    } else {
        using S = param_storage_t<V>;
        if constexpr (std::is_same_v<S, std::string_view> && std::is_pointer_v<std::remove_cvref_t<V>>)
            return parameter<S>{{}, S{v}};
        else
            return parameter<S>{{}, S(std::forward<V>(v))};
    }
}

template <class V>
using expr_t = decltype(as_expr(std::declval<V>()));

}  // namespace sqlforge
