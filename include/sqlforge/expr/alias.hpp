#pragma once
// Table aliases, for self-joins and a table used twice:
//   constexpr auto e = sf::alias<Employee, "e">{};
//   constexpr auto m = sf::alias<Employee, "m">{};
//   sf::select(e(employee::LastName), m(employee::LastName))
//       .from(e).left_join(m, e(employee::ReportsTo) == m(employee::EmployeeId));
// e(col) is the same column read through the alias: "e"."LastName". The alias is part of
// the column's type, so the FROM checks tell e and m apart.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/column.hpp>

#include <type_traits>

namespace sqlforge {

template <class T, fixed_string Name>
struct alias {
    using model = T;
    static constexpr std::string_view name = Name.view();

    template <class D, class W>
    static constexpr void render_qualifier(W& w) {
        D::quote(w, name);
    }
    // "employee" AS "e"
    template <class D, class W>
    static constexpr void render_from(W& w) {
        D::quote(w, table<T>::name);
        w.put(" AS ");
        D::quote(w, name);
    }

    template <class S, auto Ptr>
    constexpr auto operator()(const column<S, Ptr>&) const {
        static_assert(std::is_same_v<class_of<Ptr>, T>, "sqlforge: this alias is of another table than the column");
        return column<alias, Ptr>{};
    }
};

// Something FROM and JOIN accept: a table or an alias.
template <class S>
struct is_source : std::false_type {};
template <class T>
struct is_source<table_ref<T>> : std::true_type {};
template <class T, fixed_string N>
struct is_source<alias<T, N>> : std::true_type {};

}  // namespace sqlforge
