#pragma once
// The customization point for a model's table, specialised by the user without touching
// the struct (no macro, no base class):
//
//   template <> struct sqlforge::table_traits<Job> {
//       static constexpr auto name = sqlforge::fixed_string{"jobs"};
//       static constexpr auto primary_key = sqlforge::primary_key<&Job::id>{};
//       static constexpr bool autoincrement = true;
//       static constexpr std::tuple constraints{sqlforge::unique<&Job::name>{},
//                                               sqlforge::default_value<&Job::status, 0>{},
//                                               sqlforge::column_type<&Job::name, "VARCHAR(64)">{},
//                                               sqlforge::foreign_key<&Job::owner_id, &User::id>{},
//                                               sqlforge::index<&Job::status>{},
//                                               sqlforge::check<"\"status\" >= 0">{}};
//   };
//
// Every member is optional; the conventions fill in what is missing.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/reflect/fields.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace sqlforge {

template <class T>
struct table_traits {};

// The primary key, one field or several (composite).
template <auto... Ptrs>
struct primary_key {
    static_assert(sizeof...(Ptrs) > 0, "sqlforge: primary_key<> needs at least one field");
};

// A UNIQUE constraint over one field or several.
template <auto... Ptrs>
struct unique {
    static_assert(sizeof...(Ptrs) > 0, "sqlforge: unique<> needs at least one field");
    static constexpr std::array<std::size_t, sizeof...(Ptrs)> unique_fields{field_index<Ptrs>...};
};

// DEFAULT literal for a column: an integer, a bool or a fixed_string (text).
template <auto Ptr, auto Value>
struct default_value {
    static constexpr auto literal = Value;
};

// DEFAULT given as SQL text, e.g. default_sql<&Log::at, "CURRENT_TIMESTAMP">.
template <auto Ptr, fixed_string Sql>
struct default_sql {
    static constexpr auto sql = Sql;
};

// The column's SQL type written out, replacing the dialect's mapping (e.g. "VARCHAR(64)").
// With a Dialect (sqlite_dialect, mysql_dialect) it applies to that dialect only and wins
// over an override without one.
template <auto Ptr, fixed_string Sql, class Dialect = void>
struct column_type {};

// What a foreign key does when the referenced row is deleted or its key updated.
enum class fk_action { no_action, restrict, cascade, set_null, set_default };

// Several columns as one side of a composite foreign key, in pairing order:
//   sqlforge::foreign_key<sqlforge::columns<&Line::order_id, &Line::product_id>,
//                         sqlforge::columns<&Item::order_id, &Item::product_id>>{}
// (an object, so that it fits the same `auto` parameter a single member pointer does).
template <auto... Ptrs>
struct column_set {
    static_assert(sizeof...(Ptrs) > 0, "sqlforge: columns<> needs at least one field");
};
template <auto... Ptrs>
inline constexpr column_set<Ptrs...> columns{};

// FOREIGN KEY (From) REFERENCES <table of To> (To) [ON DELETE ...] [ON UPDATE ...]
//   sqlforge::foreign_key<&Track::AlbumId, &Album::AlbumId, sqlforge::fk_action::cascade>{}
// From and To are each a member pointer or a sqlforge::columns<...> (composite key).
// create_all<...> creates referenced tables first; a cycle among them does not compile.
template <auto From, auto To, fk_action OnDelete = fk_action::no_action, fk_action OnUpdate = fk_action::no_action>
struct foreign_key {
    static constexpr auto from = From;
    static constexpr auto to = To;
    static constexpr fk_action on_delete = OnDelete;
    static constexpr fk_action on_update = OnUpdate;
};

namespace detail {
// One side of a foreign key: its struct, its fields (indexes, in pairing order), their types.
template <class Type, auto V>
struct fk_side_of {
    using model = class_of<V>;
    static constexpr bool one_model = true;
    static constexpr std::array<std::size_t, 1> fields{field_index<V>};
    using types = std::tuple<member_of<V>>;
};
template <auto First, auto... Rest, auto V>
struct fk_side_of<column_set<First, Rest...>, V> {
    using model = class_of<First>;
    static constexpr bool one_model = (std::is_same_v<class_of<Rest>, model> && ...);
    static constexpr std::array<std::size_t, 1 + sizeof...(Rest)> fields{field_index<First>, field_index<Rest>...};
    using types = std::tuple<member_of<First>, member_of<Rest>...>;
};
template <auto V>
using fk_side = fk_side_of<std::remove_cv_t<decltype(V)>, V>;
}  // namespace detail

// A (non-unique) index over one field or several: CREATE INDEX "ix_<table>_<cols>".
template <auto... Ptrs>
struct index {
    static_assert(sizeof...(Ptrs) > 0, "sqlforge: index<> needs at least one field");
    static constexpr std::array<std::size_t, sizeof...(Ptrs)> index_fields{field_index<Ptrs>...};
};

// A field filled from a SQL expression each time the row is read, not stored (SQLAlchemy's
// column_property). Made by sqlforge::column_property<&T::f>(expr) (stmt/column_property.hpp),
// which checks the expression's type against the field's; CREATE TABLE, INSERT and UPDATE
// leave the field out, and SELECT writes the expression in its place.
template <auto Ptr, class Expr>
struct column_property_t {
    static constexpr auto field_ptr = Ptr;
    using expr_type = Expr;
    Expr expr;
};

// CHECK (<sql>): a table check constraint written in SQL, e.g. check<"\"price\" >= 0">.
template <fixed_string Sql>
struct check {
    static constexpr auto check_sql = Sql;
};

}  // namespace sqlforge
