#pragma once
// sqlforge::column_property<&T::f>(expr): field f of model T is filled from a SQL expression
// each time a row of T is read, never stored (SQLAlchemy's column_property). Declared once,
// among the table's constraints:
//
//   struct AlbumStats { std::int64_t AlbumId; std::string Title; std::int64_t track_count; };
//   template <> struct sqlforge::table_traits<AlbumStats> {
//       static constexpr auto name = sqlforge::fixed_string{"Album"};
//       static constexpr std::tuple constraints{sqlforge::column_property<&AlbumStats::track_count>(
//           sf::select(sf::count()).from<Track>().where(track::AlbumId == sf::col<&AlbumStats::AlbumId>))};
//   };
//
// `s.query<AlbumStats>()`, `get<AlbumStats>(pk)` and `sf::all_of<AlbumStats>` write
// `(SELECT COUNT(*) ...) AS "track_count"` in the field's place; `sf::col<&AlbumStats::track_count>`
// is that expression anywhere else (where(), order_by()). CREATE TABLE, INSERT and UPDATE
// leave the field out, and assigning it does not compile.
//
// The expression is an sqlforge expression over T's own columns, or a one-column select
// (a scalar subquery, usually correlated on T's columns). Checked here, when it is declared:
// its SQL kind is the field's (integers for an integer field, text for std::string, ...),
// it is NULL only if the field is std::optional, it reads no other table directly, and it
// is no aggregate over T itself.
#include <sqlforge/schema/table_traits.hpp>
#include <sqlforge/stmt/select.hpp>

#include <type_traits>

namespace sqlforge {

namespace detail {
template <auto Ptr, class E>
consteval bool check_column_property() {
    using T = class_of<Ptr>;
    using F = member_of<Ptr>;
    constexpr sql_kind field_kind = kind_v<F>, expr_kind_ = expr_kind<E>;
    static_assert(all_in<typename E::tables, boost::mp11::mp_list<table_ref<T>>>,
                  "sqlforge: a column_property's expression may read only its own table's columns; read another "
                  "table through a correlated subquery: sf::select(...).where(other::x == sf::col<&T::y>)");
    static_assert(!E::aggregate,
                  "sqlforge: a column_property's expression cannot be an aggregate over its own table; count or sum "
                  "other rows in a subquery: sf::select(sf::count()).from<U>().where(...)");
    static_assert(field_kind == expr_kind_,
                  "sqlforge: a column_property's expression must have the field's SQL type (an integer expression "
                  "for an integer field, a real one for double, text for std::string, ...)");
    static_assert(field_kind != sql_kind::other ||
                      std::is_same_v<unwrap_optional_t<F>, typename E::value_type>,
                  "sqlforge: a column_property of a type stored through type_traits needs an expression of that "
                  "same C++ type");
    static_assert(!E::nullable || is_optional_v<F>,
                  "sqlforge: a column_property's expression may be NULL (a nullable column, MAX(), a subquery that "
                  "may find no row); declare the field std::optional");
    return true;
}
}  // namespace detail

template <auto Ptr, class E>
constexpr auto column_property(const E& e) {
    static_assert(std::is_member_object_pointer_v<decltype(Ptr)>,
                  "sqlforge: column_property<&T::field>(expr) names a data member of the model");
    if constexpr (is_query_v<E>) {
        return column_property<Ptr>(e.scalar_subquery());
    } else {
        static_assert(expression<E>,
                      "sqlforge: column_property<&T::field>(expr) takes an expression or a one-column select");
        if constexpr (expression<E>) {
            static_assert(detail::check_column_property<Ptr, E>());
            return column_property_t<Ptr, E>{e};
        }
    }
}

}  // namespace sqlforge
