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
//                                               sqlforge::column_type<&Job::name, "VARCHAR(64)">{}};
//   };
//
// Every member is optional; the conventions fill in what is missing.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/reflect/fields.hpp>

#include <array>
#include <cstddef>

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
template <auto Ptr, fixed_string Sql>
struct column_type {};

}  // namespace sqlforge
