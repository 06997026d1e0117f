#pragma once
// Columns and the tables they come from. `sf::col<&Job::name>` is a column of table Job;
// its member pointer is a template argument, so the type system knows the table, the field,
// its C++ type and its name. SQLFORGE_COLUMNS(job, Job, id, name) declares short aliases.
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>
#include <sqlforge/reflect/fields.hpp>
#include <sqlforge/schema/table.hpp>

#include <string_view>

namespace sqlforge {

// A table as it appears in FROM: the model's table under its own name.
template <class T>
struct table_ref {
    using model = T;
    template <class D, class W>
    static constexpr void render_qualifier(W& w) {
        D::quote(w, table<T>::name);
    }
    template <class D, class W>
    static constexpr void render_from(W& w) {
        D::quote(w, table<T>::name);
    }
};

template <class Col, class Value>
struct assignment;

namespace detail {
// A computed field (a column_property) is written as its expression, parenthesised unless
// it is a primary already (a scalar subquery is).
template <class D, class T, std::size_t I, class W>
constexpr void render_property(W& w) {
    render_operand<D, property_expr_t<T, I>, prec::primary>(w);
}
}  // namespace detail

template <class Source, auto Ptr>
struct column : expr_ops<column<Source, Ptr>> {
    using model = class_of<Ptr>;
    using source = Source;
    using field = member_of<Ptr>;
    using value_type = unwrap_optional_t<field>;
    static constexpr bool nullable = is_optional_v<field>;
    using tables = boost::mp11::mp_list<Source>;
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;
    static constexpr std::size_t index = field_index<Ptr>;
    static constexpr std::string_view name = table<model>::column_names[index];
    static constexpr auto pointer = Ptr;

    template <class D, class W>
    static constexpr void render(W& w) {
        if constexpr (table<model>::computed[index]) {
            static_assert(std::is_same_v<Source, table_ref<model>>,
                          "sqlforge: a column_property cannot be read through an alias or a subquery yet");
            detail::render_property<D, model, index>(w);
        } else {
            Source::template render_qualifier<D>(w);
            w.put('.');
            D::quote(w, name);
        }
    }
    // A column_property binds the values of its expression.
    template <class F>
    constexpr void each_param(F&& f) const {
        if constexpr (table<model>::computed[index]) detail::property_of<model, index>().expr.each_param(f);
    }

    // job::status = 35 makes an assignment for set() and values(), not a C++ assignment.
    template <class V>
    constexpr auto operator=(V&& v) const;
};

template <auto Ptr>
inline constexpr column<table_ref<class_of<Ptr>>, Ptr> col{};

template <class E>
struct is_column : std::false_type {};
template <class S, auto P>
struct is_column<column<S, P>> : std::true_type {};

}  // namespace sqlforge

// SQLFORGE_COLUMNS(job, Job, id, name, status) declares, in namespace `job`,
// `inline constexpr auto id = sqlforge::col<&Job::id>;` and so on for each field.
#define SQLFORGE_DETAIL_COLUMN(r, Type, field) inline constexpr auto field = ::sqlforge::col<&Type::field>;
#define SQLFORGE_COLUMNS(ns, Type, ...)                                                                 \
    namespace ns {                                                                                       \
    BOOST_PP_SEQ_FOR_EACH(SQLFORGE_DETAIL_COLUMN, Type, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__))          \
    }
#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/variadic/to_seq.hpp>
