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

// FOREIGN KEY (From) REFERENCES <table of To> (To) [ON DELETE ...] [ON UPDATE ...]
//   sqlforge::foreign_key<&Track::AlbumId, &Album::AlbumId, sqlforge::fk_action::cascade>{}
// create_all<...> creates referenced tables first; a cycle among them does not compile.
template <auto From, auto To, fk_action OnDelete = fk_action::no_action, fk_action OnUpdate = fk_action::no_action>
struct foreign_key {
    static constexpr auto from = From;
    static constexpr auto to = To;
    static constexpr fk_action on_delete = OnDelete;
    static constexpr fk_action on_update = OnUpdate;
};

// A (non-unique) index over one field or several: CREATE INDEX "ix_<table>_<cols>".
template <auto... Ptrs>
struct index {
    static_assert(sizeof...(Ptrs) > 0, "sqlforge: index<> needs at least one field");
    static constexpr std::array<std::size_t, sizeof...(Ptrs)> index_fields{field_index<Ptrs>...};
};

// CHECK (<sql>): a table check constraint written in SQL, e.g. check<"\"price\" >= 0">.
template <fixed_string Sql>
struct check {
    static constexpr auto check_sql = Sql;
};

}  // namespace sqlforge
