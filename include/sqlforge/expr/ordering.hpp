#pragma once
// ORDER BY terms (`job::name.desc()`, `sf::desc<"n">`) and labels (`expr.as<"n">()`).
// A label is a compile-time string in the type, so ordering by a label that no select item
// carries is caught at compile time by the statement.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/ops.hpp>

namespace sqlforge {

template <class E, bool Desc>
struct order_term {
    using expr_type = E;
    static constexpr bool descending = Desc;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    E expr;

    template <class D, class W>
    static constexpr void render(W& w) {
        E::template render<D>(w);
        if (Desc) w.put(" DESC");
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        expr.each_param(f);
    }
};

template <class E, fixed_string Name>
struct labeled : expr_ops<labeled<E, Name>> {
    using inner = E;
    static constexpr std::string_view label = Name.view();
    using value_type = typename E::value_type;
    static constexpr bool nullable = E::nullable;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::primary;
    E expr;

    // As a select item: `expr AS "label"`.
    template <class D, class W>
    static constexpr void render_item(W& w) {
        E::template render<D>(w);
        w.put(" AS ");
        D::quote(w, label);
    }
    // In ORDER BY and HAVING: the label itself. In WHERE (where MySQL does not know select
    // labels) the writer asks for the expression, parenthesised unless it is a primary.
    template <class D, class W>
    static constexpr void render(W& w) {
        if (w.expand_labels) {
            constexpr bool paren = E::precedence < prec::primary;
            if (paren) w.put('(');
            E::template render<D>(w);
            if (paren) w.put(')');
        } else {
            D::quote(w, label);
        }
    }
    // The parameters follow the text: as a select item, or expanded in WHERE, the
    // expression's; elsewhere none (only the label is written there).
    template <class F>
    constexpr void each_item_param(F&& f) const {
        expr.each_param(f);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        if constexpr (requires { std::remove_cvref_t<F>::expands_labels; }) expr.each_param(f);
    }
};

// A reference to a select item's label: sf::desc<"n">, sf::asc<"n">.
template <fixed_string Name, bool Desc>
struct label_order {
    static constexpr std::string_view label = Name.view();
    static constexpr bool descending = Desc;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;

    template <class D, class W>
    static constexpr void render(W& w) {
        D::quote(w, label);
        if (Desc) w.put(" DESC");
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <fixed_string Name>
inline constexpr label_order<Name, true> desc{};
template <fixed_string Name>
inline constexpr label_order<Name, false> asc{};

template <class Derived>
constexpr auto expr_ops<Derived>::asc() const {
    return order_term<Derived, false>{self()};
}
template <class Derived>
constexpr auto expr_ops<Derived>::desc() const {
    return order_term<Derived, true>{self()};
}
template <class Derived>
template <fixed_string Name>
constexpr auto expr_ops<Derived>::as() const {
    return labeled<Derived, Name>{{}, self()};
}

}  // namespace sqlforge
