#pragma once
// CASE WHEN c1 THEN v1 WHEN c2 THEN v2 ELSE v END:
//
//   sf::case_when(job::status == 0, "new").when(job::status == 1, "running").else_("done")
//
// Every condition must be boolean; every THEN and ELSE value of one kind (numbers, text or
// booleans), read as their common type (see detail::common_value in expr/functions.hpp).
// The result may be NULL when there is no else_() or when any branch's value may be NULL.
// `case_when(...)` and each `.when(...)` are expressions already (CASE ... END without ELSE);
// `.else_(...)` ends the CASE.
#include <sqlforge/expr/functions.hpp>
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>

#include <boost/mp11/list.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// WHEN <Cond> THEN <Value>
template <class Cond, class Value>
struct when_branch {
    using condition_type = Cond;
    using value_expr = Value;
    Cond condition;
    Value value;
};

// Stands for a missing ELSE.
struct no_else {
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    static constexpr bool nullable = true;
    template <class F>
    constexpr void each_param(F&&) const {}
};

namespace detail {

template <class C>
consteval bool check_case_condition() {
    static_assert(expr_kind<C> == sql_kind::boolean,
                  "sqlforge: a case_when() condition must be a boolean expression (a comparison or a test), not a value");
    return true;
}
template <class... Values>
consteval bool check_case_values() {
    static_assert(one_kind<Values...>(),
                  "sqlforge: the branches of case_when() must give values of one kind: all numbers, all text or all "
                  "booleans");
    return true;
}

// The value type: of the THEN values and, when given, the ELSE value.
template <class Else, class... Values>
struct case_value {
    using type = common_value_t<Values..., Else>;
};
template <class... Values>
struct case_value<no_else, Values...> {
    using type = common_value_t<Values...>;
};

}  // namespace detail

template <class Else, class... Branches>
struct case_node : expr_ops<case_node<Else, Branches...>> {
    static constexpr bool has_else = !std::is_same_v<Else, no_else>;
    using value_type = typename detail::case_value<Else, typename Branches::value_expr...>::type;
    static constexpr bool nullable = Else::nullable || (Branches::value_expr::nullable || ...);
    using tables = tables_of<typename Branches::condition_type::tables..., typename Branches::value_expr::tables...,
                             typename Else::tables>;
    static constexpr bool aggregate =
        Else::aggregate || (Branches::condition_type::aggregate || ...) || (Branches::value_expr::aggregate || ...);
    static constexpr int precedence = prec::primary;

    std::tuple<Branches...> branches;
    Else otherwise;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("CASE");
        (render_branch<D, Branches>(w), ...);
        if constexpr (has_else) {
            w.put(" ELSE ");
            Else::template render<D>(w);
        }
        w.put(" END");
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply(
            [&](const auto&... b) {
                ((b.condition.each_param(f), b.value.each_param(f)), ...);
            },
            branches);
        otherwise.each_param(f);
    }

    // .when(cond, value): one more WHEN ... THEN ...
    template <class C, class V>
    constexpr auto when(C&& cond, V&& value) const {
        static_assert(!has_else, "sqlforge: when() after else_(): ELSE must be the last branch of a case_when()");
        using CE = expr_t<C>;
        using VE = expr_t<V>;
        static_assert(!detail::is_null_literal<V>,
                      "sqlforge: a NULL value in case_when(); leave out else_() to get NULL where no branch matches");
        static_assert(detail::check_case_condition<CE>() &&
                      detail::check_case_values<typename Branches::value_expr..., VE>());
        using B = when_branch<CE, VE>;
        return case_node<Else, Branches..., B>{
            {},
            std::tuple_cat(branches, std::tuple<B>{B{as_expr(std::forward<C>(cond)), as_expr(std::forward<V>(value))}}),
            otherwise};
    }

    // .else_(value): the value where no condition holds; ends the CASE.
    template <class V>
    constexpr auto else_(V&& value) const {
        static_assert(!has_else, "sqlforge: else_() was already given for this case_when()");
        using VE = expr_t<V>;
        static_assert(!detail::is_null_literal<V>,
                      "sqlforge: a NULL value in case_when(); leave out else_() to get NULL where no branch matches");
        static_assert(detail::check_case_values<typename Branches::value_expr..., VE>());
        return case_node<VE, Branches...>{{}, branches, as_expr(std::forward<V>(value))};
    }

private:
    template <class D, class B, class W>
    static constexpr void render_branch(W& w) {
        w.put(" WHEN ");
        B::condition_type::template render<D>(w);
        w.put(" THEN ");
        B::value_expr::template render<D>(w);
    }
};

// case_when(cond, value): CASE WHEN cond THEN value END; add .when(...) and .else_(...).
template <class C, class V>
constexpr auto case_when(C&& cond, V&& value) {
    using CE = expr_t<C>;
    using VE = expr_t<V>;
    static_assert(!detail::is_null_literal<V>,
                  "sqlforge: a NULL value in case_when(); leave out else_() to get NULL where no branch matches");
    static_assert(detail::check_case_condition<CE>() && detail::check_case_values<VE>());
    using B = when_branch<CE, VE>;
    return case_node<no_else, B>{{}, std::tuple<B>{B{as_expr(std::forward<C>(cond)), as_expr(std::forward<V>(value))}},
                                 no_else{}};
}

}  // namespace sqlforge
